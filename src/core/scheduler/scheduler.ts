/**
 * kube-scheduler as a controller. Its queue holds unbound pods; a sync runs one scheduling attempt for one pod
 * against the informer's picture of the cluster and either binds it or records why it fits nowhere. A pod
 * that fits nowhere is tried again when the cluster changes in a way that could help (a node added, made
 * schedulable or Ready, relabelled, retainted or resized; a bound pod deleted or finished) and, failing
 * that, after a slow periodic delay, as Kubernetes flushes its unschedulable queue.
 */
import {ApiError} from '../api/errors.js'
import type {Node, Pod} from '../api/types.js'
import type {Controller, ControllerContext, SyncOutcome} from '../controllers/controller.js'
import type {SharedInformer} from '../loop/informer.js'
import {keyOf, splitKey} from '../loop/informer.js'
import {bindPod, recordUnschedulable, SCHEDULER_NAME} from './bind.js'
import {describeBinding, scheduleOne} from './schedule-one.js'
import {
  needsScheduling,
  nodeChangeMayHelp,
  podEventFreesResources,
  podSpecChanged,
} from './scheduling-queue.js'

export {SCHEDULER_NAME} from './bind.js'

/**
 * How long an unschedulable pod waits for another attempt when nothing changes. Kubernetes flushes pods that
 * stayed unschedulable for 5 minutes; Tugboat runs at classroom speed.
 */
export const DEFAULT_RETRY_UNSCHEDULABLE_MS = 30_000

/** What the scheduler may be given besides its context. */
export interface SchedulerOptions {
  /** Breaks ties between equally scored nodes; a fixed one makes tests reproducible. */
  random?: () => number
  retryUnschedulableMs?: number
}

/** The default scheduler. */
export function scheduler(ctx: ControllerContext, options: SchedulerOptions = {}): Controller {
  const random = options.random ?? Math.random
  const retryMs = options.retryUnschedulableMs ?? DEFAULT_RETRY_UNSCHEDULABLE_MS
  // The last thing said about each waiting pod, so a retry that ends the same way is not narrated again.
  const lastSaid = new Map<string, string>()

  const requeueWaiting = (informer: SharedInformer, enqueue: (key: string) => void): void => {
    for (const pod of informer.list('Pod') as Pod[]) if (needsScheduling(pod)) enqueue(keyOf(pod))
  }

  return {
    name: SCHEDULER_NAME,

    watch(informer, enqueue) {
      informer.on('Pod', (event) => {
        const pod = event.object as Pod
        if (event.type === 'DELETED') lastSaid.delete(keyOf(pod))
        if (podEventFreesResources(event)) requeueWaiting(informer, enqueue)
        else if (needsScheduling(pod) && podSpecChanged(event.previous as Pod | undefined, pod))
          enqueue(keyOf(pod))
      })
      informer.on('Node', (event) => {
        if (
          event.type !== 'DELETED' &&
          nodeChangeMayHelp(event.previous as Node | undefined, event.object as Node)
        )
          requeueWaiting(informer, enqueue)
      })
    },

    sync(key): SyncOutcome | void {
      const {namespace, name} = splitKey(key)
      const stored = ctx.informer.get('Pod', namespace, name)
      const pod = stored as Pod | undefined
      if (!stored || !pod || !needsScheduling(pod)) return
      const decision = scheduleOne(
        pod,
        ctx.informer.list('Node') as Node[],
        ctx.informer.list('Pod') as Pod[],
        random,
      )
      if (decision.outcome === 'unschedulable') {
        recordUnschedulable(ctx.api, stored, decision.message)
        ctx.informer.pump()
        const said = `pod ${key}: unschedulable: ${decision.message}`
        if (lastSaid.get(key) !== said) ctx.log(said)
        lastSaid.set(key, said)
        return {requeueAfterMs: retryMs}
      }
      try {
        bindPod(ctx.api, stored, decision.node)
      } catch (error) {
        ctx.informer.pump()
        if (!(error instanceof ApiError)) throw error
        if (error.reason === 'NotFound') return
        if (error.reason !== 'Conflict') throw error
        // The pod changed since the cache saw it: decide again with the current pod.
        ctx.log(`pod ${key}: the pod changed before it could be bound to ${decision.node}; trying again`)
        return {requeueAfterMs: 0}
      }
      ctx.informer.pump()
      lastSaid.delete(key)
      ctx.log(`pod ${key}: ${describeBinding(decision)}: bound`)
    },
  }
}
