/**
 * The taints a node's Ready condition earns it (k8s@1.28 node lifecycle controller's NoSchedule and NoExecute
 * tainting passes): Unknown -> `node.kubernetes.io/unreachable`, False -> `node.kubernetes.io/not-ready`, each
 * with effect NoSchedule (no new pods) and NoExecute (running pods are evicted once their toleration runs out);
 * True -> neither. Other taints on the node are left alone.
 */
import {NODE_NOT_READY_TAINT, NODE_UNREACHABLE_TAINT} from '../../api/defaults/pod.js'
import {jsonEqual} from '../../api/object-meta.js'
import type {Taint} from '../../api/types.js'
import type {ReadyStatus} from './node-health.js'

const CONTROLLER_KEYS: ReadonlySet<string> = new Set([NODE_NOT_READY_TAINT, NODE_UNREACHABLE_TAINT])
const CONTROLLER_EFFECTS: ReadonlySet<string> = new Set(['NoSchedule', 'NoExecute'])

/** Whether the node lifecycle controller put this taint on (and takes it off). */
export function isControllerTaint(taint: Taint): boolean {
  return CONTROLLER_KEYS.has(taint.key) && CONTROLLER_EFFECTS.has(taint.effect)
}

/** The controller's taint key for a Ready status, if any. */
export function taintKeyFor(ready: ReadyStatus): string | undefined {
  if (ready === 'Unknown') return NODE_UNREACHABLE_TAINT
  if (ready === 'False') return NODE_NOT_READY_TAINT
  return undefined
}

/**
 * The node's taints for its Ready status at `now` (RFC 3339), or undefined when they are already right. Only
 * NoExecute taints carry timeAdded, as in Kubernetes. Swapping unreachable for not-ready keeps the NoExecute
 * taint's timeAdded, so the eviction countdown does not start over (Kubernetes' taint manager keeps a pod's
 * scheduled eviction across the swap).
 */
export function reconcileTaints(
  current: readonly Taint[],
  ready: ReadyStatus | undefined,
  now: string,
): Taint[] | undefined {
  if (ready === undefined) return undefined
  const others = current.filter((taint) => !isControllerTaint(taint))
  const key = taintKeyFor(ready)
  const wanted: Taint[] = []
  if (key) {
    const ours = current.filter(isControllerTaint)
    const noSchedule = ours.find((taint) => taint.key === key && taint.effect === 'NoSchedule')
    const noExecute = ours.find((taint) => taint.key === key && taint.effect === 'NoExecute')
    const since = noExecute?.timeAdded ?? ours.find((taint) => taint.effect === 'NoExecute')?.timeAdded ?? now
    wanted.push(
      noSchedule ?? {key, effect: 'NoSchedule'},
      noExecute?.timeAdded ? noExecute : {key, effect: 'NoExecute', timeAdded: since},
    )
  }
  const next = [...others, ...wanted]
  return sameTaints(current, next) ? undefined : next
}

/** Equal as sets: the order of a node's taints means nothing. */
function sameTaints(a: readonly Taint[], b: readonly Taint[]): boolean {
  // Taints are unique by key and effect (the API server validates it), so that pair sorts them.
  const sorted = (taints: readonly Taint[]): Taint[] =>
    [...taints].sort((x, y) => `${x.key} ${x.effect}`.localeCompare(`${y.key} ${y.effect}`))
  return jsonEqual(sorted(a), sorted(b))
}
