/**
 * Taints and tolerations as the scheduler reads them (k8s.io/api core/v1 Toleration.ToleratesTaint,
 * component-helpers TolerationsTolerateTaint), plus the taints a node that is not Ready carries.
 */
import {NODE_NOT_READY_TAINT, NODE_UNREACHABLE_TAINT} from '../api/defaults/pod.js'
import type {Node, Taint, Toleration} from '../api/types.js'

/** The taint a cordoned node carries (and the NodeUnschedulable filter checks tolerations against). */
export const UNSCHEDULABLE_TAINT = 'node.kubernetes.io/unschedulable'

/**
 * Whether one toleration tolerates one taint: an empty effect or key matches any; `Exists` ignores the value;
 * `Equal` (or no operator) needs the same value, where a missing value is the empty string.
 */
export function toleratesTaint(toleration: Toleration, taint: Taint): boolean {
  if (toleration.effect && toleration.effect !== taint.effect) return false
  if (toleration.key && toleration.key !== taint.key) return false
  switch (toleration.operator ?? '') {
    case '':
    case 'Equal':
      return (toleration.value ?? '') === (taint.value ?? '')
    case 'Exists':
      return true
    default:
      return false
  }
}

/** Whether any of the tolerations tolerates the taint. */
export function tolerated(tolerations: readonly Toleration[] | undefined, taint: Taint): boolean {
  return (tolerations ?? []).some((toleration) => toleratesTaint(toleration, taint))
}

/**
 * The node's taints, plus the NoSchedule taint the node-lifecycle controller gives a node whose Ready
 * condition is not True (`.../unreachable` when Unknown, `.../not-ready` when False or missing), in case
 * that controller has not caught up yet. Kubernetes' scheduler relies on the taint alone; adding it here
 * keeps a stopped node from getting new pods in the seconds before the taint appears.
 */
export function effectiveTaints(node: Node): Taint[] {
  const taints = [...(node.spec?.taints ?? [])]
  const ready = node.status?.conditions?.find((condition) => condition.type === 'Ready')
  if (ready?.status === 'True') return taints
  const key = ready?.status === 'Unknown' ? NODE_UNREACHABLE_TAINT : NODE_NOT_READY_TAINT
  if (!taints.some((taint) => taint.key === key && taint.effect === 'NoSchedule'))
    taints.push({key, effect: 'NoSchedule'})
  return taints
}

/** A taint as the TaintToleration filter prints it: `{node-role.kubernetes.io/control-plane: }`. */
export function formatTaint(taint: Taint): string {
  return `{${taint.key}: ${taint.value ?? ''}}`
}
