/**
 * The last step of every sync (k8s@1.28 progress.go syncRolloutStatus, sync.go syncDeploymentStatus): work
 * out the status, write it only when it changed, and otherwise ask to be woken for the progress deadline,
 * never polling. Reaching the end of a rollout or its deadline is narrated.
 */
import type {ReplicaSet} from '../../api/types.js'
import type {SyncOutcome} from '../controller.js'
import {getCondition, PROGRESSING, REASONS} from './conditions.js'
import {desiredReplicas} from './fenceposts.js'
import type {SyncSession} from './session.js'
import type {DeploymentStatus} from './status.js'
import {calculateStatus, progressCheckAfterMs, rolloutStatus} from './status.js'

/** syncRolloutStatus: the status of a rollout, with Progressing; requeues for the deadline when unchanged. */
export function syncRolloutStatus(
  s: SyncSession,
  allRSs: readonly (ReplicaSet | undefined)[],
  newRS: ReplicaSet | undefined,
): SyncOutcome | undefined {
  const now = s.now()
  const before = s.d.status ?? {}
  const status = rolloutStatus(s.d, allRSs, newRS, now)
  if (!s.writeStatus(status)) {
    const after = progressCheckAfterMs(s.d, status, now)
    return after === undefined ? undefined : {requeueAfterMs: after}
  }
  narrateProgress(s, before, status, newRS)
  return undefined
}

/** syncDeploymentStatus: counts and Available only (scaling, paused, or being deleted). */
export function syncDeploymentStatus(
  s: SyncSession,
  allRSs: readonly (ReplicaSet | undefined)[],
  newRS: ReplicaSet | undefined,
): SyncOutcome | undefined {
  s.writeStatus(calculateStatus(allRSs, newRS, s.d, s.now()))
  return undefined
}

/** One line when Progressing turns NewReplicaSetAvailable or ProgressDeadlineExceeded. */
function narrateProgress(
  s: SyncSession,
  before: DeploymentStatus,
  after: DeploymentStatus,
  newRS: ReplicaSet | undefined,
): void {
  const was = getCondition(before.conditions, PROGRESSING)?.reason
  const is = getCondition(after.conditions, PROGRESSING)?.reason
  if (was === is) return
  const target = newRS?.metadata.name ?? 'its new replica set'
  if (is === REASONS.newReplicaSetAvailable) {
    const replicas = desiredReplicas(s.d)
    s.log(`rollout to ${target} complete: ${replicas} of ${replicas} replicas updated and available`)
  }
  if (is === REASONS.timedOut) {
    const seconds = s.d.spec.progressDeadlineSeconds ?? 0
    s.log(
      `rollout to ${target} made no progress for ${seconds}s (progressDeadlineSeconds): ` +
        'Progressing is now False, ProgressDeadlineExceeded; nothing is rolled back',
    )
  }
}
