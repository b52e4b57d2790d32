/**
 * A deployment's status (k8s@1.28 deployment/sync.go calculateStatus, progress.go syncRolloutStatus and
 * requeueStuckDeployment, sync.go checkPausedConditions): counts summed over its replica sets' statuses (the
 * ReplicaSet controller counts the pods), an Available condition against the minimum availability, and a
 * Progressing condition that says whether the rollout moves, finished, or stopped moving for longer than
 * progressDeadlineSeconds (which only reports: nothing is rolled back).
 */
import type {Condition, Deployment, ReplicaSet} from '../../api/types.js'
import {
  AVAILABLE,
  fromReplicaSetCondition,
  getCondition,
  newCondition,
  PROGRESSING,
  REASONS,
  removeCondition,
  REPLICA_FAILURE,
  setCondition,
} from './conditions.js'
import {desiredReplicas, maxUnavailable} from './fenceposts.js'
import {MAX_INT32} from './revisions.js'
import {sumAvailable, sumReady, sumReplicas, sumSpec} from './replica-sets.js'

/** apps/v1 DeploymentStatus. */
export type DeploymentStatus = NonNullable<Deployment['status']>

/** HasProgressDeadline: set and not MaxInt32 ("never time out"). */
export function hasProgressDeadline(d: Deployment): boolean {
  const seconds = d.spec.progressDeadlineSeconds
  return seconds !== undefined && seconds !== MAX_INT32
}

/**
 * calculateStatus: counts from the replica sets and the Available condition. available >= replicas -
 * maxUnavailable, e.g. 3 replicas with maxUnavailable 0 need all 3 available. unavailableReplicas is
 * Σspec - available, never below 0 (more available than wanted while scaling down).
 */
export function calculateStatus(
  allRSs: readonly (ReplicaSet | undefined)[],
  newRS: ReplicaSet | undefined,
  d: Deployment,
  now: number,
): DeploymentStatus {
  const available = sumAvailable(allRSs)
  const minimum = desiredReplicas(d) - maxUnavailable(d)
  const availability =
    available >= minimum
      ? newCondition(
          AVAILABLE,
          'True',
          REASONS.minimumReplicasAvailable,
          'Deployment has minimum availability.',
          now,
        )
      : newCondition(
          AVAILABLE,
          'False',
          REASONS.minimumReplicasUnavailable,
          'Deployment does not have minimum availability.',
          now,
        )
  return omitEmpty({
    observedGeneration: d.metadata.generation ?? 1,
    replicas: sumReplicas(allRSs),
    updatedReplicas: sumReplicas([newRS]),
    readyReplicas: sumReady(allRSs),
    availableReplicas: available,
    unavailableReplicas: Math.max(0, sumSpec(allRSs) - available),
    conditions: setCondition(d.status?.conditions, availability),
    collisionCount: d.status?.collisionCount,
  })
}

/**
 * syncRolloutStatus's status: calculateStatus, then Progressing (unless the last rollout is already marked
 * complete): NewReplicaSetAvailable once complete, ReplicaSetUpdated (lastUpdateTime refreshed) on any
 * progress, ProgressDeadlineExceeded when lastUpdateTime + progressDeadlineSeconds has passed; and the
 * replica sets' ReplicaFailure, the new one's first.
 */
export function rolloutStatus(
  d: Deployment,
  allRSs: readonly (ReplicaSet | undefined)[],
  newRS: ReplicaSet | undefined,
  now: number,
): DeploymentStatus {
  const status = calculateStatus(allRSs, newRS, d, now)
  let conditions = status.conditions ?? []
  if (!hasProgressDeadline(d)) conditions = removeCondition(conditions, PROGRESSING)
  const current = getCondition(d.status?.conditions, PROGRESSING)
  const completeBefore =
    (status.replicas ?? 0) === (status.updatedReplicas ?? 0) &&
    current?.reason === REASONS.newReplicaSetAvailable
  if (hasProgressDeadline(d) && !completeBefore) {
    const subject = newRS ? `ReplicaSet "${newRS.metadata.name}"` : `Deployment "${d.metadata.name}"`
    if (deploymentComplete(d, status)) {
      const message = `${subject} has successfully progressed.`
      conditions = setCondition(
        conditions,
        newCondition(PROGRESSING, 'True', REASONS.newReplicaSetAvailable, message, now),
      )
    } else if (deploymentProgressing(d, status)) {
      // Progress refreshes lastUpdateTime even when the reason stays, which setCondition would not do.
      const message = `${subject} is progressing.`
      let condition = newCondition(PROGRESSING, 'True', REASONS.replicaSetUpdated, message, now)
      if (current?.status === 'True' && current.lastTransitionTime)
        condition = {...condition, lastTransitionTime: current.lastTransitionTime}
      conditions = setCondition(current ? removeCondition(conditions, PROGRESSING) : conditions, condition)
    } else if (deploymentTimedOut(d, {...status, conditions}, now)) {
      const message = `${subject} has timed out progressing.`
      conditions = setCondition(
        conditions,
        newCondition(PROGRESSING, 'False', REASONS.timedOut, message, now),
      )
    }
  }
  const failure = replicaFailures(allRSs, newRS)[0]
  conditions = failure ? setCondition(conditions, failure) : removeCondition(conditions, REPLICA_FAILURE)
  return omitEmpty({...status, conditions})
}

/** DeploymentComplete: every wanted replica updated and available, no other pods, this generation seen. */
export function deploymentComplete(d: Deployment, status: DeploymentStatus): boolean {
  const replicas = desiredReplicas(d)
  return (
    (status.updatedReplicas ?? 0) === replicas &&
    (status.replicas ?? 0) === replicas &&
    (status.availableReplicas ?? 0) === replicas &&
    (status.observedGeneration ?? 0) >= (d.metadata.generation ?? 1)
  )
}

/** DeploymentProgressing: more updated, ready or available pods than last time, or fewer old ones. */
export function deploymentProgressing(d: Deployment, status: DeploymentStatus): boolean {
  const before = d.status ?? {}
  const oldBefore = (before.replicas ?? 0) - (before.updatedReplicas ?? 0)
  const oldNow = (status.replicas ?? 0) - (status.updatedReplicas ?? 0)
  return (
    (status.updatedReplicas ?? 0) > (before.updatedReplicas ?? 0) ||
    oldNow < oldBefore ||
    (status.readyReplicas ?? 0) > (before.readyReplicas ?? 0) ||
    (status.availableReplicas ?? 0) > (before.availableReplicas ?? 0)
  )
}

/**
 * DeploymentTimedOut: the Progressing condition was last updated more than progressDeadlineSeconds ago
 * (strictly), or already says so. E.g. updated 12:00:00 with a 600 s deadline: at 12:10:00 not yet, at
 * 12:10:00.001 timed out. A completed rollout never times out.
 */
export function deploymentTimedOut(d: Deployment, status: DeploymentStatus, now: number): boolean {
  if (!hasProgressDeadline(d)) return false
  const condition = getCondition(status.conditions, PROGRESSING)
  if (!condition || condition.reason === REASONS.newReplicaSetAvailable) return false
  if (condition.reason === REASONS.timedOut) return true
  return deadlineOf(d, condition) < now
}

/**
 * requeueStuckDeployment: how long until a rollout that made no progress this sync should be looked at for
 * its deadline, undefined when there is nothing to wait for. E.g. updated 3 minutes ago with a 10 minute
 * deadline: 7 minutes, plus Kubernetes' extra second against clock skew; just short of the deadline, just
 * past it.
 */
export function progressCheckAfterMs(
  d: Deployment,
  status: DeploymentStatus,
  now: number,
): number | undefined {
  const current = getCondition(d.status?.conditions, PROGRESSING)
  if (!hasProgressDeadline(d) || !current) return undefined
  if (deploymentComplete(d, status) || current.reason === REASONS.timedOut) return undefined
  const after = deadlineOf(d, current) - now
  return after < 1000 ? Math.max(after, 0) + 1 : after + 1000
}

/**
 * checkPausedConditions: Progressing becomes Unknown DeploymentPaused when paused and DeploymentResumed when
 * resumed, so the time spent paused never counts against the deadline. A timed-out rollout keeps saying so.
 * Undefined when nothing changes.
 */
export function pausedConditions(d: Deployment, now: number): Condition[] | undefined {
  if (!hasProgressDeadline(d)) return undefined
  const current = getCondition(d.status?.conditions, PROGRESSING)
  if (current?.reason === REASONS.timedOut) return undefined
  const pausedBefore = current?.reason === REASONS.paused
  if (d.spec.paused && !pausedBefore)
    return setCondition(
      d.status?.conditions,
      newCondition(PROGRESSING, 'Unknown', REASONS.paused, 'Deployment is paused', now),
    )
  if (!d.spec.paused && pausedBefore)
    return setCondition(
      d.status?.conditions,
      newCondition(PROGRESSING, 'Unknown', REASONS.resumed, 'Deployment is resumed', now),
    )
  return undefined
}

/** getReplicaFailures: the new replica set's ReplicaFailure conditions, else the others'. */
function replicaFailures(
  allRSs: readonly (ReplicaSet | undefined)[],
  newRS: ReplicaSet | undefined,
): Condition[] {
  const failuresOf = (rs: ReplicaSet | undefined): Condition[] =>
    (rs?.status?.conditions ?? []).filter((c) => c.type === REPLICA_FAILURE).map(fromReplicaSetCondition)
  const fromNew = failuresOf(newRS)
  return fromNew.length ? fromNew : allRSs.flatMap(failuresOf)
}

/** When the condition's progress deadline passes (ms since the epoch). */
function deadlineOf(d: Deployment, condition: Condition): number {
  const from = Date.parse(condition.lastUpdateTime ?? '')
  return (Number.isNaN(from) ? 0 : from) + (d.spec.progressDeadlineSeconds ?? 0) * 1000
}

/** Go's omitempty: zero counts, no conditions and an unset collisionCount are left out. */
function omitEmpty(status: DeploymentStatus): DeploymentStatus {
  const result: DeploymentStatus = {}
  for (const key of [
    'observedGeneration',
    'replicas',
    'updatedReplicas',
    'readyReplicas',
    'availableReplicas',
    'unavailableReplicas',
  ] as const) {
    if (status[key]) result[key] = status[key]
  }
  if (status.conditions?.length) result.conditions = status.conditions
  if (status.collisionCount !== undefined) result.collisionCount = status.collisionCount
  return result
}
