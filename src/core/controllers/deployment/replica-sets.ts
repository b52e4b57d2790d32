/**
 * Arithmetic over a deployment's replica sets (k8s@1.28 pkg/controller/controller_utils.go and
 * deployment/util/deployment_util.go): the orders they are walked in, which ones are active, and the sums of
 * their desired (spec) and observed (status) counts that every rollout decision is made from.
 */
import type {ReplicaSet} from '../../api/types.js'
import {compareStrings} from '../../api/selector-requirement.js'

/** spec.replicas; the API server always stores it (its default is 1). */
export function specReplicas(rs: ReplicaSet): number {
  return rs.spec.replicas ?? 1
}

/** FilterActiveReplicaSets: the replica sets that want pods (spec.replicas > 0). */
export function activeReplicaSets<T extends ReplicaSet>(rss: readonly T[]): T[] {
  return rss.filter((rs) => specReplicas(rs) > 0)
}

/** ReplicaSetsByCreationTimestamp: oldest first, ties broken by name (timestamps have whole seconds). */
export function byCreation(a: ReplicaSet, b: ReplicaSet): number {
  return (
    compareStrings(a.metadata.creationTimestamp ?? '', b.metadata.creationTimestamp ?? '') ||
    compareStrings(a.metadata.name ?? '', b.metadata.name ?? '')
  )
}

/** ReplicaSetsBySizeNewer: largest first; among equals the newer first (who grows first when scaling up). */
export function bySizeNewer(a: ReplicaSet, b: ReplicaSet): number {
  return specReplicas(b) - specReplicas(a) || byCreation(b, a)
}

/** ReplicaSetsBySizeOlder: largest first; among equals the older first (who shrinks first when scaling down). */
export function bySizeOlder(a: ReplicaSet, b: ReplicaSet): number {
  return specReplicas(b) - specReplicas(a) || byCreation(a, b)
}

/** GetReplicaCountForReplicaSets: Σ spec.replicas, the pods the replica sets are asked for. */
export function sumSpec(rss: readonly (ReplicaSet | undefined)[]): number {
  return sum(rss, (rs) => specReplicas(rs))
}

/** GetActualReplicaCountForReplicaSets: Σ status.replicas, the pods that exist (not terminating). */
export function sumReplicas(rss: readonly (ReplicaSet | undefined)[]): number {
  return sum(rss, (rs) => rs.status?.replicas ?? 0)
}

/** GetReadyReplicaCountForReplicaSets: Σ status.readyReplicas. */
export function sumReady(rss: readonly (ReplicaSet | undefined)[]): number {
  return sum(rss, (rs) => rs.status?.readyReplicas ?? 0)
}

/** GetAvailableReplicaCountForReplicaSets: Σ status.availableReplicas (ready for minReadySeconds). */
export function sumAvailable(rss: readonly (ReplicaSet | undefined)[]): number {
  return sum(rss, (rs) => rs.status?.availableReplicas ?? 0)
}

/** status.availableReplicas of one replica set. */
export function availableOf(rs: ReplicaSet): number {
  return rs.status?.availableReplicas ?? 0
}

function sum(rss: readonly (ReplicaSet | undefined)[], count: (rs: ReplicaSet) => number): number {
  return rss.reduce((total, rs) => total + (rs ? count(rs) : 0), 0)
}
