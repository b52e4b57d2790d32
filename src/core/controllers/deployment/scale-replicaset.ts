/**
 * Resizing one replica set (k8s@1.28 deployment/sync.go scaleReplicaSet and scaleReplicaSetAndRecordEvent):
 * spec.replicas and the desired-replicas/max-replicas annotations in one update, and, when the size changed,
 * the ScalingReplicaSet event (`Scaled up replica set web-<h> to 2 from 1`) and a line of narration.
 */
import {cloneObject} from '../../api/object-meta.js'
import {replicasAnnotationsNeedUpdate, setReplicasAnnotations} from './annotations.js'
import {desiredReplicas, maxSurge} from './fenceposts.js'
import type {StoredReplicaSet} from './objects.js'
import {specReplicas} from './replica-sets.js'
import type {SyncSession} from './session.js'

/** Which way a scale goes, as the event says it. */
export type ScalingOperation = 'up' | 'down'

/** The event reason of every resize. */
export const SCALING_REPLICA_SET = 'ScalingReplicaSet'

/** Whether the size changed, and the replica set as it now is. */
export interface ScaleResult {
  scaled: boolean
  rs: StoredReplicaSet
}

/** scaleReplicaSetAndRecordEvent: nothing when the size is already right, else up or down by the sign. */
export function scaleReplicaSetAndRecordEvent(
  s: SyncSession,
  rs: StoredReplicaSet,
  newScale: number,
  narration: string,
): ScaleResult {
  const current = specReplicas(rs)
  if (current === newScale) return {scaled: false, rs}
  return scaleReplicaSet(s, rs, newScale, current < newScale ? 'up' : 'down', narration)
}

/**
 * scaleReplicaSet: writes when the size or the replicas annotations are out of date (annotations alone make
 * no event). `narration` (without the `deployment/web: ` prefix) is logged when the size changed.
 */
export function scaleReplicaSet(
  s: SyncSession,
  rs: StoredReplicaSet,
  newScale: number,
  operation: ScalingOperation | undefined,
  narration: string,
): ScaleResult {
  const current = specReplicas(rs)
  const desired = desiredReplicas(s.d)
  const max = desired + maxSurge(s.d)
  const sizeChanged = current !== newScale
  if (!sizeChanged && !replicasAnnotationsNeedUpdate(rs, desired, max)) return {scaled: false, rs}
  const copy = cloneObject(rs)
  copy.spec.replicas = newScale
  const annotations = {...copy.metadata.annotations}
  setReplicasAnnotations(annotations, desired, max)
  copy.metadata.annotations = annotations
  const updated = s.updateReplicaSet(copy)
  if (!sizeChanged) return {scaled: false, rs: updated}
  // The direction is the deployment's (proportional scaling passes it), as Kubernetes' event says it.
  const direction = operation ?? (current < newScale ? 'up' : 'down')
  s.event(
    'Normal',
    SCALING_REPLICA_SET,
    `Scaled ${direction} replica set ${rs.metadata.name} to ${newScale} from ${current}`,
  )
  s.log(narration)
  return {scaled: true, rs: updated}
}
