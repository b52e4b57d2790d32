/**
 * Removing a drained node's pods and waiting until they are gone (kubectl's DeleteOrEvictPods). Tugboat has
 * no Eviction API and no PodDisruptionBudgets, so an eviction is a graceful delete through the API server; the
 * node's kubelet then stops the containers and removes the pod. The wait is honest about who finishes the
 * job: with no control plane running no kubelet will, so the drain fails instead of waiting forever.
 */
import type {ApiServer} from '../api/api-server.js'
import {ApiError} from '../api/errors.js'
import {mustTypeForKind} from '../api/resources.js'
import type {Pod} from '../api/types.js'
import type {DryRun} from '../generators/dry-run.js'
import {formatGoDuration} from '../kubelet/go-duration.js'
import type {DrainError, DrainIo} from './drain-io.js'
import {deletedLongAgo} from './pod-filters.js'

const POD = mustTypeForKind('Pod')

/** What the removal of pods needs to know from the drain's flags. */
export interface RemoveOptions {
  /** Negative: each pod's own terminationGracePeriodSeconds. */
  gracePeriodSeconds: number
  /** 0: wait as long as it takes. */
  timeoutMs: number
  disableEviction: boolean
  skipWaitForDeleteTimeoutSeconds: number
  dryRun: DryRun
}

/** Why pods are still there after the wait. */
type Stuck = 'timeout' | 'no-control-plane'

const NO_CONTROL_PLANE = 'no control plane is running, so no kubelet stops it; start one with tug up'

function names(pod: Pod): {namespace: string; name: string} {
  return {namespace: pod.metadata.namespace ?? 'default', name: pod.metadata.name ?? ''}
}

/** One graceful delete, as kubectl's makeDeleteOptions builds it; a pod already gone is no error. */
function removePod(api: ApiServer, pod: Pod, options: RemoveOptions): 'removed' | 'gone' {
  const {namespace, name} = names(pod)
  try {
    api.delete(POD, namespace, name, {
      gracePeriodSeconds: options.gracePeriodSeconds >= 0 ? options.gracePeriodSeconds : undefined,
      dryRun: options.dryRun === 'server',
    })
    return 'removed'
  } catch (error) {
    if (error instanceof ApiError && error.reason === 'NotFound') return 'gone'
    throw error
  }
}

/**
 * Looks until every pod is gone (absent, or its name now holds another uid), printing `pod/x <verb>` for
 * each as it goes, until the deadline passes or it is clear nothing will remove them.
 */
async function waitForDelete(
  api: ApiServer,
  pods: readonly Pod[],
  verb: string,
  options: RemoveOptions & {deadline?: number},
  io: DrainIo,
): Promise<{pending: Pod[]; stuck?: Stuck}> {
  let pending = [...pods]
  for (;;) {
    pending = pending.filter((pod) => {
      const {namespace, name} = names(pod)
      const live = api.find(POD, namespace, name) as Pod | undefined
      if (!live || live.metadata.uid !== pod.metadata.uid) {
        io.out(`pod/${name} ${verb}`)
        return false
      }
      const skip = options.skipWaitForDeleteTimeoutSeconds
      if (!deletedLongAgo(live, skip, io.nowMs())) return true
      io.out(`pod ${JSON.stringify(name)} has DeletionTimestamp older than ${skip} seconds, skipping`)
      return false
    })
    if (!pending.length) return {pending}
    if (options.deadline !== undefined && io.nowMs() >= options.deadline) return {pending, stuck: 'timeout'}
    if (!io.controlPlaneRunning()) return {pending, stuck: 'no-control-plane'}
    await io.sleep(io.pollMs)
  }
}

/** The eviction path: `evicting pod ns/x` for each, then `pod/x evicted` as each goes. */
async function evictPods(
  api: ApiServer,
  pods: readonly Pod[],
  options: RemoveOptions,
  io: DrainIo,
): Promise<DrainError | undefined> {
  const deadline = options.timeoutMs !== 0 ? io.nowMs() + options.timeoutMs : undefined
  const timedOut = `global timeout reached: ${formatGoDuration(options.timeoutMs)}`
  const errors: string[] = []
  const waiting: Pod[] = []
  for (const pod of pods) {
    const {namespace, name} = names(pod)
    const suffix = options.dryRun === 'server' ? ' (server dry run)' : ''
    io.out(`evicting pod ${namespace}/${name}${suffix}`)
    const failed = (why: string): number =>
      errors.push(`error when evicting pods/${JSON.stringify(name)} -n ${JSON.stringify(namespace)}: ${why}`)
    if (deadline !== undefined && io.nowMs() >= deadline) {
      failed(timedOut)
      continue
    }
    try {
      if (removePod(api, pod, options) === 'removed' && options.dryRun !== 'server') waiting.push(pod)
    } catch (error) {
      failed(error instanceof Error ? error.message : String(error))
    }
  }
  const {pending, stuck} = await waitForDelete(api, waiting, 'evicted', {...options, deadline}, io)
  for (const pod of pending) {
    const {namespace, name} = names(pod)
    const why = stuck === 'timeout' ? timedOut : NO_CONTROL_PLANE
    errors.push(
      `error when waiting for pod ${JSON.stringify(name)} in namespace ${JSON.stringify(namespace)} to terminate: ${why}`,
    )
  }
  return errors.length ? {messages: errors, aggregate: true} : undefined
}

/** The --disable-eviction path: delete every pod, then wait and print `pod/x deleted` for each. */
async function deletePods(
  api: ApiServer,
  pods: readonly Pod[],
  options: RemoveOptions,
  io: DrainIo,
): Promise<DrainError | undefined> {
  for (const pod of pods) {
    try {
      removePod(api, pod, options)
    } catch (error) {
      return {messages: [error instanceof Error ? error.message : String(error)], aggregate: false}
    }
  }
  if (options.dryRun === 'server') return undefined
  const deadline = options.timeoutMs !== 0 ? io.nowMs() + options.timeoutMs : undefined
  const {pending, stuck} = await waitForDelete(api, pods, 'deleted', {...options, deadline}, io)
  if (!pending.length) return undefined
  if (stuck === 'timeout') return {messages: ['timed out waiting for the condition'], aggregate: false}
  const messages = pending.map((pod) => {
    const {namespace, name} = names(pod)
    return `pod ${JSON.stringify(name)} in namespace ${JSON.stringify(namespace)} is still terminating: ${NO_CONTROL_PLANE}`
  })
  return {messages, aggregate: messages.length > 1}
}

/** Evicts (or, with --disable-eviction, deletes) the pods and waits until they are gone. */
export function removePods(
  api: ApiServer,
  pods: readonly Pod[],
  options: RemoveOptions,
  io: DrainIo,
): Promise<DrainError | undefined> {
  if (!pods.length) return Promise.resolve(undefined)
  return options.disableEviction ? deletePods(api, pods, options, io) : evictPods(api, pods, options, io)
}
