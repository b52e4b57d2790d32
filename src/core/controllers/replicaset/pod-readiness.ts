/**
 * What the replica controllers ask of a pod: is it active, ready, available (k8s@1.28
 * pkg/controller/controller_utils.go IsPodActive, pkg/api/v1/pod/util.go IsPodReady and IsPodAvailable).
 */
import type {Pod} from '../../api/types.js'

/** Not finished (Succeeded/Failed) and not being deleted: the pods that count as replicas. */
export function isPodActive(pod: Pod): boolean {
  const phase = pod.status?.phase
  return phase !== 'Succeeded' && phase !== 'Failed' && !pod.metadata.deletionTimestamp
}

/** The Ready condition is True. */
export function isPodReady(pod: Pod): boolean {
  return readyCondition(pod)?.status === 'True'
}

/** When a ready pod became ready (ms since the epoch); undefined when not ready or not recorded. */
export function readySince(pod: Pod): number | undefined {
  const condition = readyCondition(pod)
  if (condition?.status !== 'True' || !condition.lastTransitionTime) return undefined
  const at = Date.parse(condition.lastTransitionTime)
  return Number.isNaN(at) ? undefined : at
}

/**
 * How long until a ready pod counts as available (0 when it already does), undefined when it is not ready.
 * IsPodAvailable: ready, and minReadySeconds is 0 or the Ready transition + minReadySeconds is strictly
 * before now. E.g. ready at 12:00:00 with minReadySeconds 10: at 12:00:10 not yet (1 ms to go), at
 * 12:00:10.001 available.
 */
export function msUntilAvailable(pod: Pod, minReadySeconds: number, now: number): number | undefined {
  if (!isPodReady(pod)) return undefined
  if (minReadySeconds === 0) return 0
  const since = readySince(pod)
  // Ready without a transition time: Kubernetes' zero time check fails, so the pod never becomes available.
  if (since === undefined) return Number.POSITIVE_INFINITY
  const boundary = since + minReadySeconds * 1000
  return boundary < now ? 0 : boundary - now + 1
}

/** Ready for at least minReadySeconds. */
export function isPodAvailable(pod: Pod, minReadySeconds: number, now: number): boolean {
  return msUntilAvailable(pod, minReadySeconds, now) === 0
}

function readyCondition(pod: Pod): {status: string; lastTransitionTime?: string} | undefined {
  return pod.status?.conditions?.find((condition) => condition.type === 'Ready')
}
