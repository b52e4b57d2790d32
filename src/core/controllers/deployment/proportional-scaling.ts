/**
 * Scaling a deployment (k8s@1.28 deployment/sync.go sync, scale, isScalingEvent; deployment/util
 * FindActiveOrLatest, IsSaturated, GetProportion): a change of spec.replicas, or any change while paused, is
 * not a rollout step. One active replica set simply gets spec.replicas. Mid-rollout, every active replica set
 * grows or shrinks in proportion to its share, so the rollout's risk stays where it was. Example (the
 * Kubernetes docs): 10 replicas, maxSurge 3, old 8 + new 5 (13 = 10 + 3), scaled to 15: allowed 15 + 3 = 18,
 * 5 to add; old gets round(8 x 18 / 13) - 8 = 3, new round(5 x 18 / 13) - 5 = 2: old 11, new 7.
 */
import type {Deployment, ReplicaSet} from '../../api/types.js'
import type {SyncOutcome} from '../controller.js'
import {DESIRED_REPLICAS_ANNOTATION, intAnnotation, MAX_REPLICAS_ANNOTATION} from './annotations.js'
import {desiredReplicas, isRollingUpdate, maxSurge} from './fenceposts.js'
import {findNewReplicaSet, findOldReplicaSets, replicaSetsAndSyncRevision} from './new-replicaset.js'
import type {StoredReplicaSet} from './objects.js'
import {
  activeReplicaSets,
  availableOf,
  byCreation,
  bySizeNewer,
  bySizeOlder,
  specReplicas,
  sumSpec,
} from './replica-sets.js'
import {cleanupDeployment} from './revisions.js'
import type {ScalingOperation} from './scale-replicaset.js'
import {scaleReplicaSet, scaleReplicaSetAndRecordEvent} from './scale-replicaset.js'
import type {SyncSession} from './session.js'
import {syncDeploymentStatus} from './sync-status.js'

/** isScalingEvent: an active replica set was sized for another spec.replicas (its desired-replicas says so). */
export function isScalingEvent(d: Deployment, rsList: readonly ReplicaSet[]): boolean {
  const newRS = findNewReplicaSet(d, rsList)
  const {all} = findOldReplicaSets(d, rsList)
  return activeReplicaSets(newRS ? [...all, newRS] : all).some((rs) => {
    const desired = intAnnotation(rs, DESIRED_REPLICAS_ANNOTATION)
    return desired !== undefined && desired !== desiredReplicas(d)
  })
}

/** FindActiveOrLatest: the only active replica set, else the newest when none is active; undefined for several. */
export function findActiveOrLatest<T extends ReplicaSet>(
  newRS: T | undefined,
  oldRSs: readonly T[],
): T | undefined {
  const newestFirst = [...oldRSs].sort((a, b) => byCreation(b, a))
  const active = activeReplicaSets(newRS ? [...newestFirst, newRS] : newestFirst)
  if (active.length === 0) return newRS ?? newestFirst[0]
  return active.length === 1 ? active[0] : undefined
}

/** IsSaturated: the new replica set has, was sized for, and has available, all of spec.replicas. */
export function isSaturated(d: Deployment, rs: ReplicaSet | undefined): boolean {
  if (!rs) return false
  const replicas = desiredReplicas(d)
  return (
    specReplicas(rs) === replicas &&
    intAnnotation(rs, DESIRED_REPLICAS_ANNOTATION) === replicas &&
    availableOf(rs) === replicas
  )
}

/**
 * The sizes proportional scaling gives the active replica sets, in the order they are written: largest
 * first, newer first when growing and older first when shrinking; whatever rounding leaves over goes to the
 * first, never below 0.
 */
export function proportionalSizes<T extends ReplicaSet>(
  d: Deployment,
  active: readonly T[],
): {sizes: {rs: T; to: number}[]; toAdd: number; allowed: number} {
  const replicas = desiredReplicas(d)
  const allowed = replicas > 0 ? replicas + maxSurge(d) : 0
  const toAdd = allowed - sumSpec(active)
  const ordered =
    toAdd > 0 ? [...active].sort(bySizeNewer) : toAdd < 0 ? [...active].sort(bySizeOlder) : [...active]
  let added = 0
  const sizes = ordered.map((rs) => {
    const proportion = toAdd === 0 ? 0 : proportionOf(rs, d, toAdd, added)
    added += proportion
    return {rs, to: specReplicas(rs) + proportion}
  })
  if (toAdd !== 0 && sizes[0]) sizes[0].to = Math.max(0, sizes[0].to + toAdd - added)
  return {sizes, toAdd, allowed}
}

/**
 * GetProportion: this replica set's share of what is to be added (or removed), capped by what is left.
 * A replica set at 0 never grows.
 */
export function proportionOf(rs: ReplicaSet, d: Deployment, toAdd: number, added: number): number {
  if (specReplicas(rs) === 0 || toAdd === 0 || toAdd === added) return 0
  const fraction = fractionOf(rs, d)
  const allowed = toAdd - added
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed)
}

/**
 * getReplicaSetFraction: round(spec x (replicas + surge) / max-replicas) - spec, the max-replicas
 * annotation being the deployment's size when this replica set was last sized (status.replicas without it).
 * Scaling to 0 removes all of it.
 */
function fractionOf(rs: ReplicaSet, d: Deployment): number {
  const spec = specReplicas(rs)
  if (desiredReplicas(d) === 0) return -spec
  const annotated = intAnnotation(rs, MAX_REPLICAS_ANNOTATION) ?? d.status?.replicas ?? 0
  // Kubernetes divides by zero here (and gets nonsense); no share is the sane reading.
  if (annotated <= 0) return 0
  return roundHalfAwayFromZero((spec * (desiredReplicas(d) + maxSurge(d))) / annotated) - spec
}

/** sync: scale, clean up old revisions while paused, and report counts (no Progressing: not a rollout). */
export function syncScaling(s: SyncSession, rsList: readonly StoredReplicaSet[]): SyncOutcome | undefined {
  const {newRS, oldRSs} = replicaSetsAndSyncRevision(s, rsList, false)
  scale(s, newRS, oldRSs)
  if (s.d.spec.paused) cleanupDeployment(s, oldRSs)
  return syncDeploymentStatus(s, [...oldRSs, newRS], newRS)
}

/** scale. */
function scale(
  s: SyncSession,
  newRS: StoredReplicaSet | undefined,
  oldRSs: readonly StoredReplicaSet[],
): void {
  const replicas = desiredReplicas(s.d)
  const only = findActiveOrLatest(newRS, oldRSs)
  if (only) {
    const why = `scaled ${specReplicas(only) < replicas ? 'up' : 'down'} ${only.metadata.name} to ${replicas} from ${specReplicas(only)} (spec.replicas is ${replicas}; it is the only active replica set)`
    scaleReplicaSetAndRecordEvent(s, only, replicas, why)
    return
  }
  if (newRS && isSaturated(s.d, newRS)) {
    for (const old of activeReplicaSets(oldRSs)) {
      const why = `scaled down ${old.metadata.name} to 0 from ${specReplicas(old)} (${newRS.metadata.name} has all ${replicas} replicas available)`
      scaleReplicaSetAndRecordEvent(s, old, 0, why)
    }
    return
  }
  if (!isRollingUpdate(s.d)) return
  const {sizes, toAdd, allowed} = proportionalSizes(
    s.d,
    activeReplicaSets(newRS ? [...oldRSs, newRS] : oldRSs),
  )
  const operation: ScalingOperation | undefined = toAdd > 0 ? 'up' : toAdd < 0 ? 'down' : undefined
  const total = allowed - toAdd
  for (const {rs, to} of sizes) {
    const why = `scaled ${operation ?? 'to'} ${rs.metadata.name} to ${to} from ${specReplicas(rs)} (proportional scaling: ${allowed} pods allowed (${replicas} + ${allowed - replicas} surge) instead of ${total})`
    scaleReplicaSet(s, rs, to, operation, why)
  }
}

/** Go's math.Round: halves away from zero (JavaScript's Math.round takes -2.5 to -2). */
function roundHalfAwayFromZero(value: number): number {
  return Math.sign(value) * Math.round(Math.abs(value))
}
