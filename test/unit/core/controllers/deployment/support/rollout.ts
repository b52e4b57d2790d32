/** Driving a rollout in tests: syncs and simulated pod steps until nothing changes. */
import type {ReplicaSet} from '../../../../../../src/core/api/types.js'
import type {Harness} from './harness.js'

/** What a run saw at its extremes. */
export interface RunExtremes {
  maxSpec: number
  maxPods: number
  minAvailable: number
}

/** Sums over the replica sets as they are now. */
export function totals(h: Harness): {spec: number; pods: number; available: number} {
  const rss = h.replicaSets()
  return {
    spec: rss.reduce((n, r) => n + (r.spec.replicas ?? 0), 0),
    pods: rss.reduce((n, r) => n + (r.status?.replicas ?? 0), 0),
    available: rss.reduce((n, r) => n + (r.status?.availableReplicas ?? 0), 0),
  }
}

/** Runs syncs and pod steps until neither changes anything; returns the extremes seen on the way. */
export function runRollout(h: Harness, healthy: (rs: ReplicaSet) => boolean = () => true): RunExtremes {
  const seen = {maxSpec: 0, maxPods: 0, minAvailable: Number.POSITIVE_INFINITY}
  for (let round = 0; round < 40; round++) {
    const before = h.api.store.latestResourceVersion()
    h.converge()
    seen.maxSpec = Math.max(seen.maxSpec, totals(h).spec)
    h.settle(healthy)
    const now = totals(h)
    seen.maxPods = Math.max(seen.maxPods, now.pods)
    seen.minAvailable = Math.min(seen.minAvailable, now.available)
    if (h.api.store.latestResourceVersion() === before) return seen
  }
  throw new Error('rollout did not settle')
}

/** The image of a replica set's first container. */
export function imageOf(rs: ReplicaSet): string | undefined {
  return rs.spec.template.spec.containers[0]?.image
}
