/**
 * `rollout undo`, client side as kubectl does it (kubectl pkg/polymorphichelpers/rollback.go
 * DeploymentRollbacker): find the ReplicaSet of the wanted revision, then write its pod template (without the
 * pod-template-hash label) and its annotations back into the Deployment. The deployment controller then
 * reuses that ReplicaSet and gives it the next revision number.
 */
import type {ApiServer} from '../api/api-server.js'
import {UserError} from '../api/errors.js'
import {cloneObject} from '../api/object-meta.js'
import type {Deployment, ReplicaSet, StoredObject} from '../api/types.js'
import {LAST_APPLIED} from '../apply/apply-manifests.js'
import {
  CHANGE_CAUSE_ANNOTATION,
  DESIRED_REPLICAS_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  revisionOrUndefined,
} from './annotations.js'
import {replicaSetsOf} from './history.js'
import {equalIgnoreHash, withoutHash} from '../controllers/deployment/new-replicaset.js'
import type {RolloutQuery, RolloutTarget} from './targets.js'
import {asDeployment, findRolloutTargets} from './targets.js'

/** An undo request: which objects, --to-revision (0: the previous one), and the command line to record. */
export interface UndoRequest extends RolloutQuery {
  toRevision: number
  /** Recorded as the change-cause when the revision rolled back to has none (a Tugboat addition). */
  changeCause: string
}

/** What happened to one object: `rolled back`, or `skipped rollback (...)`. */
export interface UndoOutcome {
  target: RolloutTarget
  object: StoredObject
  operation: string
}

/**
 * Annotations kept from the Deployment rather than copied from the ReplicaSet (rollback.go annotationsToSkip;
 * deprecated.deployment.rollback.to is not used by apps/v1 Deployments, which Tugboat serves).
 */
const ANNOTATIONS_TO_SKIP = new Set([
  LAST_APPLIED,
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  DESIRED_REPLICAS_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  'deprecated.deployment.rollback.to',
])

/** Rolls back every target, in one transaction; the first refusal (kubectl's words) aborts all of them. */
export function undoRollout(api: ApiServer, request: UndoRequest): UndoOutcome[] {
  return api.store.transaction(() =>
    findRolloutTargets(api, request).map((target) => {
      const deployment = asDeployment(target, 'rollbacker')
      const rs = revisionToRestore(deployment, replicaSetsOf(api, deployment), request.toRevision)
      return rollBack(api, target, deployment, rs, request)
    }),
  )
}

/**
 * rollback.go deploymentRevision: the ReplicaSet of `toRevision`, or with 0 the one with the second-highest
 * revision. History 1,2,3 (3 current): undo picks 2; --to-revision=1 picks 1; --to-revision=7 fails.
 */
export function revisionToRestore(
  deployment: Deployment,
  replicaSets: readonly ReplicaSet[],
  toRevision: number,
): ReplicaSet {
  if (toRevision < 0) throw revisionNotFound(toRevision)
  let latest: {rs: ReplicaSet; revision: number} | undefined
  let previous: {rs: ReplicaSet; revision: number} | undefined
  for (const rs of replicaSets) {
    const revision = revisionOrUndefined(rs)
    if (revision === undefined) continue
    if (toRevision > 0) {
      if (revision === toRevision) return rs
      continue
    }
    if (!latest || latest.revision < revision) {
      previous = latest
      latest = {rs, revision}
    } else if (!previous || previous.revision < revision) {
      previous = {rs, revision}
    }
  }
  if (toRevision > 0) throw revisionNotFound(toRevision)
  if (!previous)
    throw new UserError(`no rollout history found for deployment ${JSON.stringify(deployment.metadata.name)}`)
  return previous.rs
}

function rollBack(
  api: ApiServer,
  target: RolloutTarget,
  deployment: Deployment & StoredObject,
  rs: ReplicaSet,
  request: UndoRequest,
): UndoOutcome {
  if (deployment.spec.paused) {
    throw new UserError(
      "you cannot rollback a paused deployment; resume it first with 'tug rollout resume' and try again",
    )
  }
  if (equalIgnoreHash(rs.spec.template, deployment.spec.template)) {
    // kubectl prints the --to-revision value here, so `revision 0` without the flag; Tugboat names the
    // revision it found, which is the same whenever the flag is given.
    const revision = revisionOrUndefined(rs) ?? request.toRevision
    return {
      target,
      object: deployment,
      operation: `skipped rollback (current template already matches revision ${revision})`,
    }
  }
  const next = cloneObject(deployment)
  next.spec.template = withoutHash(rs.spec.template) ?? next.spec.template
  next.metadata.annotations = restoredAnnotations(deployment, rs, request.changeCause)
  return {target, object: api.update(next), operation: 'rolled back'}
}

/**
 * The Deployment's annotations after the rollback: the skipped ones kept from the Deployment, every other
 * one from the ReplicaSet (so its change-cause comes back). A revision without a change-cause gets the
 * undo's command line instead (Tugboat records a cause for every revision; kubectl would leave none).
 */
export function restoredAnnotations(
  deployment: Deployment,
  rs: ReplicaSet,
  changeCause: string,
): Record<string, string> {
  const annotations: Record<string, string> = {}
  for (const [key, value] of Object.entries(deployment.metadata.annotations ?? {}))
    if (ANNOTATIONS_TO_SKIP.has(key)) annotations[key] = value
  for (const [key, value] of Object.entries(rs.metadata.annotations ?? {}))
    if (!ANNOTATIONS_TO_SKIP.has(key)) annotations[key] = value
  annotations[CHANGE_CAUSE_ANNOTATION] ??= changeCause
  return annotations
}

function revisionNotFound(revision: number): UserError {
  return new UserError(`unable to find specified revision ${revision} in history`)
}
