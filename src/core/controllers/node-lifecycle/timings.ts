/** The node lifecycle controller's three timers, and the two profiles Tugboat offers. */

/** How often nodes are checked, how long silence is tolerated, how long pods ride out a lost node. */
export interface NodeLifecycleTimings {
  /** Each node is checked this often (kube-controller-manager --node-monitor-period). */
  monitorPeriodMs: number
  /** A node silent for longer than this is marked Unknown and tainted (--node-monitor-grace-period). */
  gracePeriodMs: number
  /**
   * Pods are evicted this long after their node's NoExecute taint was added: what the DefaultTolerationSeconds
   * admission plugin gives every pod (--default-unreachable-toleration-seconds / --default-not-ready-...).
   */
  evictionDelayMs: number
}

/** Kubernetes' defaults: checked every 5 s, lost after 50 s of silence (1.32+; 40 s before), evicted 300 s later. */
export const KUBERNETES_TIMINGS: NodeLifecycleTimings = {
  monitorPeriodMs: 5_000,
  gracePeriodMs: 50_000,
  evictionDelayMs: 300_000,
}

/**
 * Classroom speed: a stopped node is noticed within about 5 s and its pods are replaced about 5 s later, so a
 * learner can watch the whole heal (NotReady, taints, Terminating pods, replacements) in one `tug get -w`.
 * The grace period stays four heartbeats long (the kubelet beats every second in this profile), the
 * proportion Kubernetes keeps between its 10 s lease renewals and its grace period, so one late beat never
 * looks like a dead node; checking every second keeps detection within a second of the grace period; five
 * seconds of eviction delay leave time to see the taints and the not-ready pods before anything is deleted.
 */
export const CLASSROOM_TIMINGS: NodeLifecycleTimings = {
  monitorPeriodMs: 1_000,
  gracePeriodMs: 4_000,
  evictionDelayMs: 5_000,
}

/** The profiles by name. */
export const NODE_LIFECYCLE_TIMINGS = {
  classroom: CLASSROOM_TIMINGS,
  kubernetes: KUBERNETES_TIMINGS,
} as const satisfies Record<string, NodeLifecycleTimings>
