/**
 * One sync of a RollingUpdate (k8s@1.28 deployment/rolling.go rolloutRolling): make sure the new replica set
 * exists; grow it as far as maxSurge allows, and if that changed anything, stop there; else shrink old
 * replica sets as far as maxUnavailable allows, unavailable pods first; else, once complete, clean up old
 * revisions. Each sync takes one step and the next write wakes the next sync. With 3 replicas and the 25%
 * defaults (surge 1, unavailable 0): new 1 (4 pods), a new pod available, old 3 -> 2, new 1 -> 2, ..., old
 * 1 -> 0; never more than 4 pods nor fewer than 3 available. A new pod that never becomes available (a bad
 * image) stops it at new 1, old 3.
 */
import type {Deployment, ReplicaSet} from '../../api/types.js'
import type {SyncOutcome} from '../controller.js'
import {desiredReplicas, maxSurge, minAvailable} from './fenceposts.js'
import {newReplicaSetReplicas, replicaSetsAndSyncRevision} from './new-replicaset.js'
import type {StoredReplicaSet} from './objects.js'
import {
  activeReplicaSets,
  availableOf,
  byCreation,
  specReplicas,
  sumAvailable,
  sumReplicas,
  sumSpec,
} from './replica-sets.js'
import {cleanupDeployment} from './revisions.js'
import {scaleReplicaSetAndRecordEvent} from './scale-replicaset.js'
import type {SyncSession} from './session.js'
import {deploymentComplete} from './status.js'
import {syncRolloutStatus} from './sync-status.js'

/** A resize a plan asks for, and the narration that says why. */
export interface ScaleStep<T extends ReplicaSet = ReplicaSet> {
  rs: T
  to: number
  why: string
}

/** rolloutRolling. */
export function rolloutRolling(s: SyncSession, rsList: readonly StoredReplicaSet[]): SyncOutcome | undefined {
  const {newRS, oldRSs} = replicaSetsAndSyncRevision(s, rsList, true)
  if (!newRS) throw new Error('bug: no new replica set after creating it')
  const allRSs = [...oldRSs, newRS]
  const grow = planNewReplicaSet(s.d, allRSs, newRS)
  if (grow && applySteps(s, [grow])) return syncRolloutStatus(s, allRSs, newRS)
  if (applySteps(s, planOldReplicaSets(s.d, allRSs, activeReplicaSets(oldRSs), newRS)))
    return syncRolloutStatus(s, allRSs, newRS)
  if (deploymentComplete(s.d, s.d.status ?? {})) cleanupDeployment(s, oldRSs)
  const waiting = waitingFor(s, oldRSs, newRS)
  if (waiting) s.logWait(waiting)
  return syncRolloutStatus(s, allRSs, newRS)
}

/**
 * reconcileNewReplicaSet: back down to spec.replicas if above it, else up by NewRSNewReplicas. E.g. 3
 * replicas, surge 1, old at 2 (2 available), new at 1 (1 available): 3 pods of max 4, so new -> 2.
 */
export function planNewReplicaSet<T extends ReplicaSet>(
  d: Deployment,
  allRSs: readonly T[],
  newRS: T,
): ScaleStep<T> | undefined {
  const replicas = desiredReplicas(d)
  const current = specReplicas(newRS)
  const name = newRS.metadata.name ?? ''
  if (current === replicas) return undefined
  if (current > replicas)
    return {
      rs: newRS,
      to: replicas,
      why: `rolling update to ${name}: scaled down to ${replicas} (more than the ${replicas} wanted)`,
    }
  const to = newReplicaSetReplicas(d, allRSs, newRS)
  if (to === current) return undefined
  const total = sumSpec(allRSs) - current + to
  const why =
    `rolling update to ${name}: scaled up to ${to} ` +
    `(${total} pods of max ${replicas + maxSurge(d)}; ${keptAvailable(allRSs)} available of min ${minAvailable(d)})`
  return {rs: newRS, to, why}
}

/**
 * reconcileOldReplicaSets. The budget is Σspec - minAvailable - (new.spec - new.available): unavailable new
 * pods must not let old ones go. Within it, old replica sets with unavailable pods shrink first, oldest
 * first (cleanupUnhealthyReplicas: those pods serve nobody); then old replica sets shrink, oldest first, by
 * the available pods beyond minAvailable (scaleDownOldReplicaSetsForRollingUpdate). E.g. 3 replicas,
 * unavailable 0: old 3 (3 available) + new 1 (1 available): budget 4 - 3 - 0 = 1, none unhealthy, 4
 * available of min 3, so old -> 2.
 */
export function planOldReplicaSets<T extends ReplicaSet>(
  d: Deployment,
  allRSs: readonly T[],
  oldActive: readonly T[],
  newRS: T,
): ScaleStep<T>[] {
  if (sumSpec(oldActive) === 0) return []
  const min = minAvailable(d)
  const maxScaledDown = sumSpec(allRSs) - min - (specReplicas(newRS) - availableOf(newRS))
  if (maxScaledDown <= 0) return []
  const oldest = [...oldActive].sort(byCreation)
  const sizes = new Map(oldest.map((rs) => [rs, specReplicas(rs)]))
  const steps: ScaleStep<T>[] = []
  let cleaned = 0
  for (const rs of oldest) {
    const size = sizes.get(rs)!
    const unhealthy = size - availableOf(rs)
    if (cleaned >= maxScaledDown) break
    if (size === 0 || unhealthy === 0) continue
    // More available than wanted (its controller has not caught up): Kubernetes' guard stops the scale-down.
    if (unhealthy < 0) return steps
    const count = Math.min(maxScaledDown - cleaned, unhealthy)
    const why = `scaled down ${rs.metadata.name} to ${size - count} (unavailable old pods go first: ${unhealthy})`
    steps.push({rs, to: size - count, why})
    sizes.set(rs, size - count)
    cleaned += count
  }
  const budget = sumAvailable([...oldActive, newRS]) - min
  let scaled = 0
  for (const rs of oldest) {
    const size = sizes.get(rs)!
    if (scaled >= budget) break
    if (size === 0) continue
    const count = Math.min(size, budget - scaled)
    const why = `scaled down ${rs.metadata.name} to ${size - count} (old pods available beyond the minimum: ${budget - scaled})`
    steps.push({rs, to: size - count, why})
    scaled += count
  }
  return steps
}

/** Applies resizes in order (a second resize of one replica set writes over the first); says if any scaled. */
function applySteps(s: SyncSession, steps: readonly ScaleStep<StoredReplicaSet>[]): boolean {
  const latest = new Map<string, StoredReplicaSet>()
  let scaled = false
  for (const step of steps) {
    const rs = latest.get(step.rs.metadata.uid) ?? step.rs
    const result = scaleReplicaSetAndRecordEvent(s, rs, step.to, step.why)
    latest.set(rs.metadata.uid, result.rs)
    scaled ||= result.scaled
  }
  return scaled
}

/** Why a rollout that did nothing this sync is not complete yet; undefined when no old pod is involved. */
function waitingFor(s: SyncSession, oldRSs: readonly ReplicaSet[], newRS: ReplicaSet): string | undefined {
  const name = newRS.metadata.name ?? ''
  const oldPods = sumReplicas(oldRSs)
  if (sumSpec(oldRSs) === 0)
    return oldPods ? `rolling update to ${name}: waiting for ${oldPods} old pod(s) to stop` : undefined
  const allRSs = [...oldRSs, newRS]
  const replicas = desiredReplicas(s.d)
  return (
    `rolling update to ${name}: waiting for new pods to become available ` +
    `(${availableOf(newRS)} of ${specReplicas(newRS)} new available; ` +
    `${sumSpec(allRSs)} pods of max ${replicas + maxSurge(s.d)}; ${keptAvailable(allRSs)} available of min ${minAvailable(s.d)})`
  )
}

/**
 * Available pods the replica sets keep, for narration: a replica set just scaled down still reports the
 * pods it is about to delete, so each counts at most its spec.replicas (old 2 of 3 available + new 1 = 3).
 */
function keptAvailable(rss: readonly ReplicaSet[]): number {
  return rss.reduce((total, rs) => total + Math.min(specReplicas(rs), availableOf(rs)), 0)
}
