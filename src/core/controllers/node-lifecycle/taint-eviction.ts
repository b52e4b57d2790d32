/**
 * When a pod must leave a node with NoExecute taints (k8s@1.28 pkg/controller/nodelifecycle/scheduler
 * taint_manager.go: getMatchingTolerations, getMinTolerationTime). A taint the pod does not tolerate evicts
 * it at once; otherwise it stays for the shortest tolerationSeconds among the tolerations it uses, forever if
 * none of them has tolerationSeconds.
 */
import {
  DEFAULT_NODE_TOLERATION_SECONDS,
  NODE_NOT_READY_TAINT,
  NODE_UNREACHABLE_TAINT,
} from '../../api/defaults/pod.js'
import type {Taint, Toleration} from '../../api/types.js'

/** Whether a toleration tolerates a taint (core/v1 Toleration.ToleratesTaint). */
export function toleratesTaint(toleration: Toleration, taint: Taint): boolean {
  if (toleration.effect && toleration.effect !== taint.effect) return false
  if (toleration.key && toleration.key !== taint.key) return false
  if (toleration.operator === 'Exists') return true
  // An empty operator means Equal.
  if (!toleration.operator || toleration.operator === 'Equal')
    return (toleration.value ?? '') === (taint.value ?? '')
  return false
}

/**
 * The time (ms since the epoch) a pod with these tolerations is to be evicted from a node with these NoExecute
 * taints, or undefined if never. The countdown starts at the earliest taint's timeAdded (`noTimeAdded` for a
 * taint without one). `defaultDelayMs` stands in for the 300 s of the tolerations every pod got from the API
 * server (see isDefaultToleration). E.g. unreachable:NoExecute added at 12:00:00, the default toleration and a
 * classroom delay of 5 s -> 12:00:05; add a toleration of the same taint with tolerationSeconds 2 -> 12:00:02
 * (the shortest wins); a toleration without tolerationSeconds alone -> never.
 */
export function evictionDueAt(
  tolerations: readonly Toleration[],
  taints: readonly Taint[],
  defaultDelayMs: number,
  noTimeAdded: number,
): number | undefined {
  const noExecute = taints.filter((taint) => taint.effect === 'NoExecute')
  if (!noExecute.length) return undefined
  const start = Math.min(...noExecute.map((taint) => Date.parse(taint.timeAdded ?? '') || noTimeAdded))
  const used: Toleration[] = []
  for (const taint of noExecute) {
    const matching = tolerations.filter((toleration) => toleratesTaint(toleration, taint))
    if (!matching.length) return start
    used.push(...matching)
  }
  const delay = minTolerationMs(used, defaultDelayMs)
  return delay === undefined ? undefined : start + delay
}

/** The shortest toleration among those used, in ms; undefined when they all tolerate forever. */
function minTolerationMs(used: readonly Toleration[], defaultDelayMs: number): number | undefined {
  let shortest: number | undefined
  for (const toleration of used) {
    const seconds = toleration.tolerationSeconds
    if (seconds === undefined || seconds === null) continue
    const ms = isDefaultToleration(toleration) ? defaultDelayMs : Math.max(0, seconds) * 1000
    shortest = shortest === undefined ? ms : Math.min(shortest, ms)
  }
  return shortest
}

/**
 * A toleration exactly as the API server's defaulting adds it to every pod (not-ready or unreachable, Exists,
 * NoExecute, 300 s). Its seconds are the cluster's eviction delay rather than the pod's own choice, the way
 * --default-unreachable-toleration-seconds sets them in Kubernetes; so the classroom profile's shorter delay
 * applies to it, while a pod's own tolerationSeconds (any other value) is kept as written.
 */
export function isDefaultToleration(toleration: Toleration): boolean {
  return (
    (toleration.key === NODE_NOT_READY_TAINT || toleration.key === NODE_UNREACHABLE_TAINT) &&
    toleration.operator === 'Exists' &&
    toleration.effect === 'NoExecute' &&
    !toleration.value &&
    toleration.tolerationSeconds === DEFAULT_NODE_TOLERATION_SECONDS
  )
}
