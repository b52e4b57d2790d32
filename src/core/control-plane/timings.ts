/**
 * How fast the cluster notices things. Kubernetes' own timings are made for data centres (a node is declared
 * lost after 50 s and its pods evicted after 5 more minutes); the classroom profile shrinks them to seconds so
 * a learner can watch a node failure heal while they watch. `tug up --timings` chooses; the log says which.
 */
import type {NodeLifecycleTimings} from '../controllers/node-lifecycle/node-lifecycle-controller.js'
import {NODE_LIFECYCLE_TIMINGS} from '../controllers/node-lifecycle/node-lifecycle-controller.js'

/** The timers of one profile. */
export interface ClusterTimings {
  /** How often each kubelet renews its node's heartbeat. */
  heartbeatMs: number
  nodeLifecycle: NodeLifecycleTimings
}

/** The profiles by name. */
export const CLUSTER_TIMINGS = {
  // Kubernetes renews a node's lease every 10 s, a quarter of the grace period (kubelet.go, nodeLeaseRenewInterval).
  kubernetes: {heartbeatMs: 10_000, nodeLifecycle: NODE_LIFECYCLE_TIMINGS.kubernetes},
  // The same proportion at classroom speed: a quarter of the grace period, so one late beat never looks dead.
  classroom: {heartbeatMs: 1_000, nodeLifecycle: NODE_LIFECYCLE_TIMINGS.classroom},
} satisfies Record<string, ClusterTimings>

/** A profile's name. */
export type ClusterTimingsName = keyof typeof CLUSTER_TIMINGS
