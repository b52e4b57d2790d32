/**
 * Deployment conditions (k8s@1.28 deployment/util NewDeploymentCondition, SetDeploymentCondition,
 * RemoveDeploymentCondition, ReplicaSetToDeploymentCondition), with the reasons Kubernetes gives them.
 */
import {timestamp} from '../../api/object-meta.js'
import type {Condition} from '../../api/types.js'

/** The reasons of the Available and Progressing conditions. */
export const REASONS = {
  replicaSetUpdated: 'ReplicaSetUpdated',
  failedCreate: 'ReplicaSetCreateError',
  newReplicaSet: 'NewReplicaSetCreated',
  foundNewReplicaSet: 'FoundNewReplicaSet',
  newReplicaSetAvailable: 'NewReplicaSetAvailable',
  timedOut: 'ProgressDeadlineExceeded',
  paused: 'DeploymentPaused',
  resumed: 'DeploymentResumed',
  minimumReplicasAvailable: 'MinimumReplicasAvailable',
  minimumReplicasUnavailable: 'MinimumReplicasUnavailable',
} as const

/** Whether enough pods are available (replicas - maxUnavailable). */
export const AVAILABLE = 'Available'
/** Whether the rollout moves, finished, or stopped moving. */
export const PROGRESSING = 'Progressing'
/** A replica set's failure to create or delete pods, copied from it. */
export const REPLICA_FAILURE = 'ReplicaFailure'

/** NewDeploymentCondition: updated and transitioned now. */
export function newCondition(
  type: string,
  status: Condition['status'],
  reason: string,
  message: string,
  now: number,
): Condition {
  const at = timestamp(new Date(now))
  return {type, status, lastUpdateTime: at, lastTransitionTime: at, reason, message}
}

/** GetDeploymentCondition. */
export function getCondition(
  conditions: readonly Condition[] | undefined,
  type: string,
): Condition | undefined {
  return conditions?.find((condition) => condition.type === type)
}

/**
 * SetDeploymentCondition: nothing changes when one with the same status and reason is there (so its times
 * stay); otherwise the condition moves to the end, keeping lastTransitionTime when only the reason changed.
 */
export function setCondition(
  conditions: readonly Condition[] | undefined,
  condition: Condition,
): Condition[] {
  const current = getCondition(conditions, condition.type)
  if (current && current.status === condition.status && current.reason === condition.reason)
    return [...(conditions ?? [])]
  const next =
    current && current.status === condition.status && current.lastTransitionTime
      ? {...condition, lastTransitionTime: current.lastTransitionTime}
      : condition
  return [...removeCondition(conditions, condition.type), next]
}

/** RemoveDeploymentCondition. */
export function removeCondition(conditions: readonly Condition[] | undefined, type: string): Condition[] {
  return (conditions ?? []).filter((condition) => condition.type !== type)
}

/** ReplicaSetToDeploymentCondition: a replica set's ReplicaFailure, with its transition as both times. */
export function fromReplicaSetCondition(condition: Condition): Condition {
  return {
    type: condition.type,
    status: condition.status,
    ...(condition.lastTransitionTime
      ? {lastUpdateTime: condition.lastTransitionTime, lastTransitionTime: condition.lastTransitionTime}
      : {}),
    ...(condition.reason ? {reason: condition.reason} : {}),
    ...(condition.message ? {message: condition.message} : {}),
  }
}
