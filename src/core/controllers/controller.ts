/**
 * What every controller of the control plane is, and the loop that runs one (kubernetes/sample-controller's
 * shape): informer handlers only queue keys; workers take keys off a deduplicating queue and call `sync`, which
 * reads desired and observed state from the informer's cache, computes a plan with a pure function, applies it
 * through the API server, and throws to have the key retried with back-off.
 */
import type {ApiServer} from '../api/api-server.js'
import type {Clock} from '../loop/clock.js'
import type {SharedInformer} from '../loop/informer.js'
import {WorkQueue} from '../loop/work-queue.js'

/** What a controller is given: the API server to write through, the shared cache to read, time, a voice. */
export interface ControllerContext {
  api: ApiServer
  informer: SharedInformer
  clock: Clock
  /** Narrates a decision and why ("replicaset/web: 2 of 3 pods exist, creating web-x7k2p"). */
  log: (message: string) => void
}

/** What a sync asks of the loop besides success. */
export interface SyncOutcome {
  /** Sync the key again after this long (a timer the controller waits on, e.g. minReadySeconds). */
  requeueAfterMs?: number
}

/** A controller: a name for its log prefix, its subscriptions, and its sync. */
export interface Controller {
  /** The component name, as Kubernetes' event source calls it (`replicaset-controller`). */
  readonly name: string
  /** Subscribes to the informer; the handlers call `enqueue` with the keys to sync. */
  watch(informer: SharedInformer, enqueue: (key: string) => void): void
  /** Brings one key's objects in line; throws to be retried. */
  sync(key: string): Promise<SyncOutcome | void> | SyncOutcome | void
}

/** How to run a controller. */
export interface RunControllerOptions {
  informer: SharedInformer
  clock: Clock
  signal: AbortSignal
  log: (message: string) => void
  /** Keys synced at once (different keys only). */
  workers?: number
  retry?: {initialMs: number; maxMs: number}
  /** Hears every finished sync, with its error if it failed (the control plane's health board). */
  onSynced?: (key: string, error?: unknown) => void
}

/** Subscribes the controller and runs its queue until the signal aborts. */
export async function runController(controller: Controller, options: RunControllerOptions): Promise<void> {
  const queue = new WorkQueue({
    clock: options.clock,
    concurrency: options.workers ?? 2,
    retry: options.retry ?? {initialMs: 200, maxMs: 30_000},
  })
  controller.watch(options.informer, (key) => queue.add(key))
  await queue.run({
    signal: options.signal,
    handler: async (key) => {
      const outcome = await controller.sync(key)
      options.onSynced?.(key)
      if (outcome?.requeueAfterMs !== undefined) queue.addAfter(key, outcome.requeueAfterMs)
    },
    onError: (key, error, retryMs) => {
      options.onSynced?.(key, error)
      options.log(`${key}: sync failed: ${messageOf(error)}; retrying in ${retryMs / 1000}s`)
    },
  })
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
