/**
 * The status a replica controller reports (k8s@1.28 pkg/controller/replicaset/replica_set_utils.go
 * calculateStatus and updateReplicaSetStatus): counts over the owner's active pods, the generation acted on,
 * and a ReplicaFailure condition while creating or deleting pods fails.
 */
import {jsonEqual, timestamp} from '../../api/object-meta.js'
import {matchesSelector, selectorFromMap} from '../../api/selectors.js'
import type {Condition, Pod, ReplicaStatus} from '../../api/types.js'
import type {ReplicaOwner} from './owner-kind.js'
import {isPodReady, msUntilAvailable} from './pod-readiness.js'

/** The condition type a failed create or delete sets. */
export const REPLICA_FAILURE = 'ReplicaFailure'

/** The status after a sync, from the claimed active pods as they were before this sync's creates and deletes. */
export function computeStatus(
  owner: ReplicaOwner,
  pods: readonly Pod[],
  manageError: Error | undefined,
  now: number,
): ReplicaStatus {
  const templateLabels = selectorFromMap(owner.template?.metadata?.labels ?? {})
  let fullyLabeled = 0
  let ready = 0
  let available = 0
  for (const pod of pods) {
    if (matchesSelector(templateLabels, pod.metadata.labels)) fullyLabeled++
    if (isPodReady(pod)) ready++
    if (msUntilAvailable(pod, owner.minReadySeconds, now) === 0) available++
  }
  const conditions = failureConditions(owner, pods.length, manageError, now)
  // Go's omitempty: zero counts are left out, except replicas, which has no omitempty.
  return {
    replicas: pods.length,
    ...(fullyLabeled ? {fullyLabeledReplicas: fullyLabeled} : {}),
    ...(ready ? {readyReplicas: ready} : {}),
    ...(available ? {availableReplicas: available} : {}),
    ...(owner.status.observedGeneration ? {observedGeneration: owner.status.observedGeneration} : {}),
    ...(conditions.length ? {conditions} : {}),
  }
}

/** The status to write, with observedGeneration, or undefined when the stored one already says it all. */
export function statusToWrite(owner: ReplicaOwner, next: ReplicaStatus): ReplicaStatus | undefined {
  const current = owner.status
  const generation = owner.object.metadata.generation ?? 1
  const same =
    (current.replicas ?? 0) === (next.replicas ?? 0) &&
    (current.fullyLabeledReplicas ?? 0) === (next.fullyLabeledReplicas ?? 0) &&
    (current.readyReplicas ?? 0) === (next.readyReplicas ?? 0) &&
    (current.availableReplicas ?? 0) === (next.availableReplicas ?? 0) &&
    current.observedGeneration === generation &&
    jsonEqual(current.conditions ?? [], next.conditions ?? [])
  if (same) return undefined
  const {conditions, ...counts} = next
  return {...counts, observedGeneration: generation, ...(conditions ? {conditions} : {})}
}

/**
 * When to look again so availableReplicas catches up: the soonest time a ready pod passes minReadySeconds
 * (Kubernetes requeues after minReadySeconds, +1 s when a pod turns ready); undefined when none is waiting.
 */
export function nextAvailabilityCheckMs(
  owner: ReplicaOwner,
  pods: readonly Pod[],
  now: number,
): number | undefined {
  if (owner.minReadySeconds === 0) return undefined
  const waits = pods
    .map((pod) => msUntilAvailable(pod, owner.minReadySeconds, now))
    .filter((ms): ms is number => ms !== undefined && ms > 0 && Number.isFinite(ms))
  return waits.length ? Math.min(...waits) : undefined
}

/**
 * ReplicaFailure: set (True, FailedCreate or FailedDelete by the direction of the difference) when
 * managing the pods failed and no such condition is there yet; removed once a sync manages without error.
 */
function failureConditions(
  owner: ReplicaOwner,
  podCount: number,
  manageError: Error | undefined,
  now: number,
): Condition[] {
  const conditions = owner.status.conditions ?? []
  const existing = conditions.find((condition) => condition.type === REPLICA_FAILURE)
  if (!manageError) return existing ? conditions.filter((c) => c !== existing) : [...conditions]
  if (existing) return [...conditions]
  const diff = podCount - owner.replicas
  const reason = diff < 0 ? 'FailedCreate' : diff > 0 ? 'FailedDelete' : ''
  const failure: Condition = {
    type: REPLICA_FAILURE,
    status: 'True',
    lastTransitionTime: timestamp(new Date(now)),
    ...(reason ? {reason} : {}),
    message: manageError.message,
  }
  return [...conditions, failure]
}
