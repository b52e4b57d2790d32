/**
 * The scheduler's writes. Binding sets spec.nodeName (Tugboat's stand-in for the pods/binding subresource),
 * marks PodScheduled True as the API server's binding does, and records `Scheduled`. A pod that fits nowhere
 * gets `FailedScheduling` and PodScheduled=False with reason Unschedulable, written through the status
 * subresource like any status.
 */
import type {ApiServer} from '../api/api-server.js'
import {DEFAULT_SCHEDULER_NAME} from '../api/defaults/pod-spec.js'
import {newEvent} from '../api/events.js'
import {cloneObject, timestamp} from '../api/object-meta.js'
import {mustTypeForKind} from '../api/resources.js'
import type {Condition, Pod, PodStatus, StoredObject} from '../api/types.js'
import {truncateMessage} from './failure-message.js'

/** The scheduler's name: its event source and the schedulerName of the pods it schedules. */
export const SCHEDULER_NAME = DEFAULT_SCHEDULER_NAME

const POD = mustTypeForKind('Pod')

/**
 * Binds the pod, as read from the cache, to `node` in one transaction. Throws Conflict when the pod changed
 * since it was read (its resourceVersion moved on), so the caller retries with the current pod.
 */
export function bindPod(api: ApiServer, pod: StoredObject, node: string): StoredObject {
  return api.store.transaction(() => {
    const spec = (pod as Pod).spec
    const bound = api.update({...pod, spec: {...spec, nodeName: node}})
    const scheduled: Condition = {type: 'PodScheduled', status: 'True'}
    const status = withPodCondition((bound as Pod).status, scheduled, timestamp(api.now()))
    const written = status ? api.update({...bound, status}, {subresource: 'status'}) : bound
    const namespace = pod.metadata.namespace ?? 'default'
    api.store.recordEvent(
      newEvent(
        written,
        {
          type: 'Normal',
          reason: 'Scheduled',
          message: `Successfully assigned ${namespace}/${pod.metadata.name} to ${node}`,
          source: {component: SCHEDULER_NAME},
        },
        api.now(),
      ),
    )
    return written
  })
}

/**
 * Records that the pod fits nowhere: a `FailedScheduling` event (every attempt; the store counts repeats) and
 * PodScheduled=False/Unschedulable with the same message, written only if it changed. Reads the live pod, so
 * the status write never conflicts; a pod that is gone or was bound meanwhile is left alone.
 */
export function recordUnschedulable(api: ApiServer, pod: StoredObject, message: string): void {
  api.store.transaction(() => {
    const live = api.find(POD, pod.metadata.namespace ?? 'default', pod.metadata.name)
    if (!live || (live as Pod).spec.nodeName) return
    api.store.recordEvent(
      newEvent(
        live,
        {
          type: 'Warning',
          reason: 'FailedScheduling',
          message: truncateMessage(message),
          source: {component: SCHEDULER_NAME},
        },
        api.now(),
      ),
    )
    const condition: Condition = {type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message}
    const status = withPodCondition((live as Pod).status, condition, timestamp(api.now()))
    if (status) api.update({...live, status}, {subresource: 'status'})
  })
}

/**
 * podutil.UpdatePodCondition: the status with `condition` set (added, or replacing the one of its type), its
 * lastTransitionTime kept while the status stays the same; undefined when nothing would change.
 */
export function withPodCondition(
  status: PodStatus | undefined,
  condition: Condition,
  now: string,
): PodStatus | undefined {
  const conditions = status?.conditions ?? []
  const previous = conditions.find((c) => c.type === condition.type)
  const lastTransitionTime =
    previous && previous.status === condition.status ? (previous.lastTransitionTime ?? now) : now
  // Field order of v1.PodCondition, as the kubelet writes its conditions.
  const next: Condition = {
    type: condition.type,
    status: condition.status,
    lastProbeTime: null,
    lastTransitionTime,
    ...(condition.reason ? {reason: condition.reason} : {}),
    ...(condition.message ? {message: condition.message} : {}),
  }
  if (
    previous &&
    previous.status === next.status &&
    (previous.reason ?? '') === (next.reason ?? '') &&
    (previous.message ?? '') === (next.message ?? '') &&
    previous.lastTransitionTime === next.lastTransitionTime
  )
    return undefined
  const updated = cloneObject(status ?? {})
  const copied = updated.conditions ?? []
  updated.conditions = previous
    ? copied.map((c) => (c.type === condition.type ? next : c))
    : [...copied, next]
  return updated
}
