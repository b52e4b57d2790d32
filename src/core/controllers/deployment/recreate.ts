/**
 * One sync of a Recreate rollout (k8s@1.28 deployment/recreate.go rolloutRecreate): scale every old replica
 * set to 0; wait until no old pod exists at all, Terminating ones included, so old and new never run side by
 * side; only then create the new replica set (or scale it up) at full size. The new replica set is not even
 * created while old pods remain, so nothing surges.
 */
import type {Pod, ReplicaSet} from '../../api/types.js'
import type {SyncOutcome} from '../controller.js'
import {desiredReplicas} from './fenceposts.js'
import {replicaSetsAndSyncRevision} from './new-replicaset.js'
import type {StoredReplicaSet} from './objects.js'
import {activeReplicaSets, sumReplicas} from './replica-sets.js'
import {cleanupDeployment} from './revisions.js'
import {scaleReplicaSetAndRecordEvent} from './scale-replicaset.js'
import type {SyncSession} from './session.js'
import {deploymentComplete} from './status.js'
import {syncRolloutStatus} from './sync-status.js'

/** A deployment's pods by the uid of the replica set that controls them (getPodMapForDeployment). */
export type PodsByReplicaSet = ReadonlyMap<string, readonly Pod[]>

/**
 * How many old pods still run (oldPodsRunning, as a count): what the old replica sets report, or, when more,
 * their pods that have not finished, Terminating ones and phase Unknown included (the node may be cut off).
 */
export function oldPodsRunning(
  newRS: ReplicaSet | undefined,
  oldRSs: readonly ReplicaSet[],
  podsByReplicaSet: PodsByReplicaSet,
): number {
  let running = 0
  for (const [uid, pods] of podsByReplicaSet) {
    if (newRS && newRS.metadata.uid === uid) continue
    running += pods.filter(
      (pod) => pod.status?.phase !== 'Failed' && pod.status?.phase !== 'Succeeded',
    ).length
  }
  return Math.max(sumReplicas(oldRSs), running)
}

/** rolloutRecreate. */
export function rolloutRecreate(
  s: SyncSession,
  rsList: readonly StoredReplicaSet[],
  podsByReplicaSet: PodsByReplicaSet,
): SyncOutcome | undefined {
  let {newRS, oldRSs} = replicaSetsAndSyncRevision(s, rsList, false)
  let allRSs: (StoredReplicaSet | undefined)[] = [...oldRSs, newRS]
  const target = newRS ? `recreate to ${newRS.metadata.name}` : 'recreate'
  let scaledDown = false
  for (const rs of activeReplicaSets(oldRSs)) {
    const why = `${target}: scaled down ${rs.metadata.name} to 0 (every old pod stops before a new one starts)`
    if (scaleReplicaSetAndRecordEvent(s, rs, 0, why).scaled) scaledDown = true
  }
  if (scaledDown) return syncRolloutStatus(s, allRSs, newRS)
  const running = oldPodsRunning(newRS, oldRSs, podsByReplicaSet)
  if (running > 0) {
    s.logWait(`${target}: waiting for ${running} old pod(s) to be gone before starting new ones`)
    return syncRolloutStatus(s, allRSs, newRS)
  }
  if (!newRS) {
    ;({newRS, oldRSs} = replicaSetsAndSyncRevision(s, rsList, true))
    allRSs = [...oldRSs, newRS]
  }
  if (newRS) {
    const replicas = desiredReplicas(s.d)
    const why = `recreate to ${newRS.metadata.name}: scaled ${replicas < (newRS.spec.replicas ?? 1) ? 'down' : 'up'} to ${replicas} (no old pod is left)`
    scaleReplicaSetAndRecordEvent(s, newRS, replicas, why)
  }
  if (deploymentComplete(s.d, s.d.status ?? {})) cleanupDeployment(s, oldRSs)
  return syncRolloutStatus(s, allRSs, newRS)
}
