/**
 * One check of one node, as a pure function: from the node, its pods and the time, what to write. The steps
 * follow k8s@1.28 pkg/controller/nodelifecycle monitorNodeHealth: conditions to Unknown once the kubelet has
 * been silent past the grace period; taints from the Ready condition; the node's pods marked not ready
 * (MarkPodsNotReady); and the taint manager's evictions once a pod's toleration of the NoExecute taint runs out.
 */
import {timestamp} from '../../api/object-meta.js'
import type {Condition, Node, Pod, PodStatus, Taint} from '../../api/types.js'
import type {NodeHealth} from './node-health.js'
import {assessNodeHealth} from './node-health.js'
import {isControllerTaint, reconcileTaints} from './node-taints.js'
import {evictionDueAt} from './taint-eviction.js'
import type {NodeLifecycleTimings} from './timings.js'

/** What one check looks at. */
export interface NodeCheck {
  node: Node
  /** The pods bound to the node. */
  pods: readonly Pod[]
  now: number
  /** When the controller first saw this node (its heartbeat counts from then at the earliest). */
  firstSeenAt: number
  timings: NodeLifecycleTimings
}

/** What one check decided. */
export interface NodePlan {
  health: NodeHealth
  /** The node's conditions to write through the status subresource (it just went silent). */
  conditions?: Condition[]
  /** The node's new taints, when they change. */
  taints?: Taint[]
  /** The node changed state: NodeNotReady when it went silent, NodeReady when it came back. */
  nodeEvent?: 'NodeNotReady' | 'NodeReady'
  /** Pods whose Ready condition turns False, with their new status. */
  notReady: {pod: Pod; status: PodStatus}[]
  /** Pods whose toleration of the node's NoExecute taints has run out. */
  evict: Pod[]
  /** Since when (ms) the node has carried the controller's NoExecute taint (until this check, if it comes off). */
  notReadySince?: number
  /** Check again after this long: the monitor period, or sooner if an eviction falls due before. */
  requeueAfterMs: number
}

/** Plans one check. */
export function planNode(check: NodeCheck): NodePlan {
  const {node, now, timings} = check
  const health = assessNodeHealth(node, now, check.firstSeenAt, timings.gracePeriodMs)
  const current = node.spec?.taints ?? []
  const stamp = timestamp(new Date(now))
  const taints = reconcileTaints(current, health.ready, stamp)
  const effective = taints ?? current
  const recovered = health.ready === 'True' && current.some(isControllerTaint)
  const wentSilent = health.previousReady === 'True' && health.ready === 'Unknown'
  const notReady =
    health.ready === 'False' || health.ready === 'Unknown'
      ? check.pods.flatMap((pod) => {
          const status = notReadyStatus(pod, stamp)
          return status ? [{pod, status}] : []
        })
      : []
  const {evict, nextAt} = evictions(check, effective)
  const ours = [...current, ...effective].filter((t) => isControllerTaint(t) && t.effect === 'NoExecute')
  return {
    health,
    ...(health.conditions ? {conditions: health.conditions} : {}),
    ...(taints ? {taints} : {}),
    ...(wentSilent
      ? {nodeEvent: 'NodeNotReady' as const}
      : recovered
        ? {nodeEvent: 'NodeReady' as const}
        : {}),
    notReady,
    evict,
    ...(ours.length ? {notReadySince: earliest(ours, check.firstSeenAt)} : {}),
    requeueAfterMs: Math.max(1, Math.min(timings.monitorPeriodMs, (nextAt ?? Infinity) - now)),
  }
}

/** The pods due for eviction now, and when the next one falls due. */
function evictions(check: NodeCheck, taints: readonly Taint[]): {evict: Pod[]; nextAt?: number} {
  const evict: Pod[] = []
  let nextAt: number | undefined
  for (const pod of check.pods) {
    if (pod.metadata.deletionTimestamp) continue
    const due = evictionDueAt(
      pod.spec.tolerations ?? [],
      taints,
      check.timings.evictionDelayMs,
      check.firstSeenAt,
    )
    if (due === undefined) continue
    if (due <= check.now) evict.push(pod)
    else nextAt = Math.min(nextAt ?? Infinity, due)
  }
  return {evict, ...(nextAt === undefined ? {} : {nextAt})}
}

/**
 * The pod's status with its Ready condition False, or undefined if it is False already or absent (Kubernetes'
 * MarkPodsNotReady changes only an existing Ready condition and keeps its reason; ContainersReady stays as
 * the kubelet last wrote it).
 */
export function notReadyStatus(pod: Pod, now: string): PodStatus | undefined {
  const conditions = pod.status?.conditions ?? []
  const ready = conditions.find((condition) => condition.type === 'Ready')
  if (!ready || ready.status === 'False') return undefined
  return {
    ...pod.status,
    conditions: conditions.map((condition) =>
      condition === ready ? {...condition, status: 'False', lastTransitionTime: now} : condition,
    ),
  }
}

function earliest(taints: readonly Taint[], fallback: number): number {
  return Math.min(...taints.map((taint) => Date.parse(taint.timeAdded ?? '') || fallback))
}
