/**
 * Carrying out a replica plan through the API server (k8s@1.28 replica_set.go manageReplicas and
 * slowStartBatch): creates in batches that stop at the first failing batch, deletes of the chosen pods,
 * one event and one line of narration per pod.
 */
import {ApiError} from '../../api/errors.js'
import {mustTypeForKind} from '../../api/resources.js'
import type {ControllerContext} from '../controller.js'
import {newControllerRef} from './controller-ref.js'
import type {ReplicaOwner, ReplicaOwnerKind} from './owner-kind.js'
import {ownerName} from './owner-kind.js'
import type {ReplicaPlan, Victim} from './plan.js'
import {podFromTemplate} from './pod-template.js'
import {recordOwnerEvent, replicaEvents} from './replica-events.js'

const POD = mustTypeForKind('Pod')

/** What applying a plan did: the first error (the sync fails with it after writing status), and whether it wrote. */
export interface ManageResult {
  error?: Error
  wrote: boolean
}

/** Applies the plan; `existing` is how many active pods the owner has. */
export function applyReplicaPlan(
  ctx: ControllerContext,
  kind: ReplicaOwnerKind,
  owner: ReplicaOwner,
  plan: ReplicaPlan,
  existing: number,
): ManageResult {
  if (plan.action === 'create') return createPods(ctx, kind, owner, plan.batches, existing)
  if (plan.action === 'delete') return deletePods(ctx, kind, owner, plan.victims, existing)
  return {wrote: false}
}

/**
 * slowStartBatch: every call of a batch is made; if any failed, the remaining batches wait for the next
 * sync. E.g. 7 missing pods with a quota that admits 2: batch 1 creates 1, batch 2 creates 1 and fails 1,
 * batch 4 is skipped; 2 were created.
 */
function createPods(
  ctx: ControllerContext,
  kind: ReplicaOwnerKind,
  owner: ReplicaOwner,
  batches: readonly number[],
  existing: number,
): ManageResult {
  const who = ownerName(kind, owner)
  const reference = newControllerRef(owner.object, kind.apiVersion)
  let have = existing
  let wrote = false
  for (const [index, size] of batches.entries()) {
    const failures: Error[] = []
    for (let i = 0; i < size; i++) {
      const counted = `${have} of ${owner.replicas} pods exist`
      try {
        const pod = ctx.api.create(podFromTemplate(owner.template, owner, reference))
        have++
        wrote = true
        recordOwnerEvent(ctx, kind, owner, replicaEvents.successfulCreate(pod.metadata.name))
        ctx.log(`${who}: ${counted}, creating ${pod.metadata.name}`)
      } catch (error) {
        const failure = asError(error)
        failures.push(failure)
        recordOwnerEvent(ctx, kind, owner, replicaEvents.failedCreate(failure.message))
        ctx.log(`${who}: ${counted}, creating a pod failed: ${failure.message}`)
      }
    }
    if (failures.length) {
      const skipped = batches.slice(index + 1).reduce((sum, n) => sum + n, 0)
      if (skipped) ctx.log(`${who}: leaving ${skipped} more pod(s) for the next sync after a failed create`)
      return {error: failures[0], wrote}
    }
  }
  return {wrote}
}

/** Deletes every victim; a pod already gone is fine, other failures are reported after the rest were tried. */
function deletePods(
  ctx: ControllerContext,
  kind: ReplicaOwnerKind,
  owner: ReplicaOwner,
  victims: readonly Victim[],
  existing: number,
): ManageResult {
  const who = ownerName(kind, owner)
  let have = existing
  let wrote = false
  let first: Error | undefined
  for (const {pod, why} of victims) {
    const name = pod.metadata.name ?? ''
    const counted = `${have} of ${owner.replicas} pods exist`
    try {
      // Graceful for a bound pod: it turns Terminating and its kubelet stops it; it no longer counts now.
      ctx.api.delete(POD, owner.namespace, name)
      have--
      wrote = true
      recordOwnerEvent(ctx, kind, owner, replicaEvents.successfulDelete(name))
      ctx.log(`${who}: ${counted}, deleting ${name} (${why})`)
    } catch (error) {
      if (error instanceof ApiError && error.reason === 'NotFound') {
        have--
        continue
      }
      const failure = asError(error)
      first ??= failure
      recordOwnerEvent(ctx, kind, owner, replicaEvents.failedDelete(failure.message))
      ctx.log(`${who}: ${counted}, deleting ${name} failed: ${failure.message}`)
    }
  }
  return {...(first ? {error: first} : {}), wrote}
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error))
}
