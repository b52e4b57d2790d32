/**
 * Is the node's kubelet still talking? (k8s@1.28 pkg/controller/nodelifecycle tryUpdateNodeHealth.) The kubelet
 * renews the Ready condition's lastHeartbeatTime; once nothing has been heard for longer than the grace
 * period, the controller sets the kubelet's conditions to Unknown on its behalf.
 */
import {timestamp} from '../../api/object-meta.js'
import type {Condition, Node} from '../../api/types.js'

/** The status of a node's Ready condition: True, False (the kubelet says so) or Unknown (nobody knows). */
export type ReadyStatus = Condition['status']

/** What one check found. */
export interface NodeHealth {
  /** Ready as it stands after this check; undefined for a node that has not reported yet and is within grace. */
  ready: ReadyStatus | undefined
  /** Ready as the node had it before this check. */
  previousReady: ReadyStatus | undefined
  /** Time since the last heartbeat (or since the controller started watching, if that is later). */
  silentForMs: number
  /** The node's new conditions, when this check is the one that found it silent. */
  conditions?: Condition[]
}

// The conditions a kubelet posts and the controller declares Unknown; NetworkUnavailable belongs to the network.
const KUBELET_CONDITIONS = new Set(['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure'])

/**
 * Checks a node at `now`. The heartbeat counts from `firstSeenAt` at the earliest: after a control-plane
 * restart every node gets a full grace period to check in, as Kubernetes' controller starts each node's probe
 * timestamp at the moment it first sees it. E.g. grace 4 s, heartbeat 12:00:00, now 12:00:04.1 -> silent for
 * 4.1 s > 4 s -> Unknown; at 12:00:04.0 it is not yet (Kubernetes: now.After(probeTimestamp + grace)).
 */
export function assessNodeHealth(
  node: Node,
  now: number,
  firstSeenAt: number,
  gracePeriodMs: number,
): NodeHealth {
  const conditions = node.status?.conditions ?? []
  const ready = conditions.find((condition) => condition.type === 'Ready')
  const heartbeat = Date.parse(ready?.lastHeartbeatTime ?? node.metadata.creationTimestamp ?? '')
  const silentForMs = now - Math.max(Number.isNaN(heartbeat) ? firstSeenAt : heartbeat, firstSeenAt)
  const health = {ready: ready?.status, previousReady: ready?.status, silentForMs}
  if (silentForMs <= gracePeriodMs) return health
  const marked = markUnknown(node, conditions, timestamp(new Date(now)))
  if (!marked) return health
  return {...health, ready: 'Unknown', conditions: marked}
}

/** The kubelet's conditions set to Unknown, or undefined when they already are. */
function markUnknown(node: Node, conditions: readonly Condition[], now: string): Condition[] | undefined {
  let changed = false
  const marked = conditions.map((condition) => {
    if (!KUBELET_CONDITIONS.has(condition.type) || condition.status === 'Unknown') return condition
    changed = true
    return {
      ...condition,
      status: 'Unknown' as const,
      reason: 'NodeStatusUnknown',
      message: 'Kubelet stopped posting node status.',
      lastTransitionTime: now,
    }
  })
  if (!conditions.some((condition) => condition.type === 'Ready')) {
    changed = true
    marked.push({
      type: 'Ready',
      status: 'Unknown',
      reason: 'NodeStatusNeverUpdated',
      message: 'Kubelet never posted node status.',
      lastHeartbeatTime: node.metadata.creationTimestamp ?? now,
      lastTransitionTime: now,
    })
  }
  return changed ? marked : undefined
}
