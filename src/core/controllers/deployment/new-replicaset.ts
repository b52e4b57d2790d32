/**
 * The new replica set (k8s@1.28 deployment/sync.go getAllReplicaSetsAndSyncRevision and getNewReplicaSet,
 * deployment/util FindNewReplicaSet, FindOldReplicaSets, NewRSNewReplicas): the one whose pod template equals
 * the deployment's, ignoring pod-template-hash; every other one is old. A missing new replica set is created
 * as `<deployment>-<hash>`, its template and selector carrying `pod-template-hash=<hash>`, the deployment as
 * its controller, and the next revision; a present one gets the next revision if it lags (a rollback).
 */
import {ApiError} from '../../api/errors.js'
import {cloneObject} from '../../api/object-meta.js'
import {mustTypeForKind} from '../../api/resources.js'
import type {Deployment, PodTemplateSpec, ReplicaSet} from '../../api/types.js'
import {controllerRefOf, newControllerRef} from '../replicaset/controller-ref.js'
import {REVISION_ANNOTATION} from './annotations.js'
import {getCondition, newCondition, PROGRESSING, REASONS, setCondition} from './conditions.js'
import {desiredReplicas, maxSurge} from './fenceposts.js'
import type {StoredDeployment, StoredReplicaSet} from './objects.js'
import {byCreation, specReplicas, sumSpec} from './replica-sets.js'
import {maxRevision, setNewReplicaSetAnnotations} from './revisions.js'
import type {SyncSession} from './session.js'
import {SCALING_REPLICA_SET} from './scale-replicaset.js'
import {hasProgressDeadline} from './status.js'
import {canonicalJson, computeHash} from './template-hash.js'

/** The label that tells the pods of one template from another's (apps.DefaultDeploymentUniqueLabelKey). */
export const POD_TEMPLATE_HASH = 'pod-template-hash'

/** EqualIgnoreHash: the templates are semantically equal once pod-template-hash is taken off both. */
export function equalIgnoreHash(a: PodTemplateSpec, b: PodTemplateSpec): boolean {
  return canonicalJson(withoutHash(a)) === canonicalJson(withoutHash(b))
}

/** FindNewReplicaSet: the oldest replica set with the deployment's template (there should be one at most). */
export function findNewReplicaSet<T extends ReplicaSet>(d: Deployment, rsList: readonly T[]): T | undefined {
  return [...rsList].sort(byCreation).find((rs) => equalIgnoreHash(rs.spec.template, d.spec.template))
}

/** FindOldReplicaSets: every other replica set, and those of them that still want pods. */
export function findOldReplicaSets<T extends ReplicaSet>(
  d: Deployment,
  rsList: readonly T[],
): {active: T[]; all: T[]} {
  const newRS = findNewReplicaSet(d, rsList)
  const all = rsList.filter((rs) => rs !== newRS)
  return {all, active: all.filter((rs) => specReplicas(rs) !== 0)}
}

/**
 * NewRSNewReplicas: the size of the new replica set this sync. Recreate: all replicas at once. RollingUpdate:
 * grow by what the surge allows, never past spec.replicas. E.g. 3 replicas, surge 1, old 3, new 0: room for
 * 3 + 1 - 3 = 1, so 1; with old at 2 and new at 1: room for 1, so 2.
 */
export function newReplicaSetReplicas(
  d: Deployment,
  allRSs: readonly ReplicaSet[],
  newRS: ReplicaSet,
): number {
  const replicas = desiredReplicas(d)
  if (d.spec.strategy?.type === 'Recreate') return replicas
  const maxTotal = replicas + maxSurge(d)
  const current = sumSpec(allRSs)
  if (current >= maxTotal) return specReplicas(newRS)
  return specReplicas(newRS) + Math.min(maxTotal - current, replicas - specReplicas(newRS))
}

/** The manifest of a new replica set for the deployment's template with this hash. */
export function newReplicaSetManifest(d: StoredDeployment, hash: string, replicas: number): ReplicaSet {
  const template = cloneObject(d.spec.template)
  const labels = {...template.metadata?.labels, [POD_TEMPLATE_HASH]: hash}
  template.metadata = {...template.metadata, labels}
  const selector = cloneObject(d.spec.selector)
  selector.matchLabels = {...selector.matchLabels, [POD_TEMPLATE_HASH]: hash}
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `${d.metadata.name ?? ''}-${hash}`,
      namespace: d.metadata.namespace ?? 'default',
      labels: {...labels},
      ownerReferences: [newControllerRef(d, 'apps/v1')],
    },
    spec: {
      replicas,
      ...(d.spec.minReadySeconds ? {minReadySeconds: d.spec.minReadySeconds} : {}),
      selector,
      template,
    },
  }
}

/** The deployment's replica sets split into the new one (when it exists or was made) and the old ones. */
export interface ReplicaSetSplit {
  newRS: StoredReplicaSet | undefined
  oldRSs: StoredReplicaSet[]
}

/** getAllReplicaSetsAndSyncRevision: old replica sets, and the new one (created when `create` says so). */
export function replicaSetsAndSyncRevision(
  s: SyncSession,
  rsList: readonly StoredReplicaSet[],
  create: boolean,
): ReplicaSetSplit {
  const oldRSs = findOldReplicaSets(s.d, rsList).all
  return {newRS: getNewReplicaSet(s, rsList, oldRSs, create), oldRSs}
}

/** getNewReplicaSet. */
function getNewReplicaSet(
  s: SyncSession,
  rsList: readonly StoredReplicaSet[],
  oldRSs: readonly StoredReplicaSet[],
  create: boolean,
): StoredReplicaSet | undefined {
  const existing = findNewReplicaSet(s.d, rsList)
  const newRevision = maxRevision(oldRSs) + 1
  if (existing) return syncExistingNewReplicaSet(s, existing, newRevision)
  return create ? createNewReplicaSet(s, oldRSs, newRevision) : undefined
}

/**
 * An existing new replica set: bring its annotations and minReadySeconds up to date (and stop there: the
 * deployment's revision follows next sync, as in Kubernetes), else copy its revision to the deployment and
 * note FoundNewReplicaSet if nothing has said anything about progress yet.
 */
function syncExistingNewReplicaSet(
  s: SyncSession,
  rs: StoredReplicaSet,
  newRevision: number,
): StoredReplicaSet {
  const copy = cloneObject(rs)
  const annotations = {...copy.metadata.annotations}
  const update = setNewReplicaSetAnnotations(s.d, annotations, newRevision)
  const minReadySeconds = s.d.spec.minReadySeconds ?? 0
  const minReadyChanged = (copy.spec.minReadySeconds ?? 0) !== minReadySeconds
  if (update.changed || minReadyChanged) {
    copy.metadata.annotations = annotations
    if (minReadySeconds) copy.spec.minReadySeconds = minReadySeconds
    else delete copy.spec.minReadySeconds
    const updated = s.updateReplicaSet(copy)
    if (update.renumberedFrom !== undefined)
      s.log(
        `revision ${newRevision} reuses replicaset ${rs.metadata.name} (was revision ${update.renumberedFrom})`,
      )
    return updated
  }
  const revision = copy.metadata.annotations?.[REVISION_ANNOTATION]
  if (revision !== undefined) s.writeRevision(revision)
  if (hasProgressDeadline(s.d) && !getCondition(s.d.status?.conditions, PROGRESSING)) {
    const message = `Found new replica set "${rs.metadata.name}"`
    const condition = newCondition(PROGRESSING, 'True', REASONS.foundNewReplicaSet, message, s.now())
    s.writeStatus({...s.d.status, conditions: setCondition(s.d.status?.conditions, condition)})
  }
  return rs
}

/** Creates the new replica set, sized by NewRSNewReplicas, and notes NewReplicaSetCreated. */
function createNewReplicaSet(
  s: SyncSession,
  oldRSs: readonly StoredReplicaSet[],
  newRevision: number,
): StoredReplicaSet {
  const d = s.d
  const hash = computeHash(d.spec.template, d.status?.collisionCount)
  const manifest = newReplicaSetManifest(d, hash, 0)
  const replicas = newReplicaSetReplicas(d, [...oldRSs, manifest], manifest)
  manifest.spec.replicas = replicas
  const annotations: Record<string, string> = {}
  const desired = desiredReplicas(d)
  setNewReplicaSetAnnotations(d, annotations, newRevision, {desired, max: desired + maxSurge(d)})
  manifest.metadata.annotations = annotations
  const name = manifest.metadata.name ?? ''
  let created: StoredReplicaSet
  try {
    created = s.createReplicaSet(manifest)
  } catch (error) {
    const mine =
      error instanceof ApiError && error.reason === 'AlreadyExists' ? ourReplicaSet(s, name) : undefined
    if (!mine) throw failedCreate(s, name, error)
    // A slow cache: it is ours already, so carry on with it (no event, no NewReplicaSetCreated).
    s.writeRevision(String(newRevision))
    return mine
  }
  if (replicas > 0) s.event('Normal', SCALING_REPLICA_SET, `Scaled up replica set ${name} to ${replicas}`)
  s.log(createdNarration(s, name, newRevision, replicas, oldRSs))
  s.writeRevision(String(newRevision))
  if (hasProgressDeadline(d)) {
    const message = `Created new replica set "${name}"`
    const condition = newCondition(PROGRESSING, 'True', REASONS.newReplicaSet, message, s.now())
    s.writeStatus({...s.d.status, conditions: setCondition(s.d.status?.conditions, condition)})
  }
  return created
}

/** The replica set named like ours when it is ours (controlled by us, same template), else undefined. */
function ourReplicaSet(s: SyncSession, name: string): StoredReplicaSet | undefined {
  const rs = s.ctx.api.find(mustTypeForKind('ReplicaSet'), s.d.metadata.namespace ?? 'default', name) as
    StoredReplicaSet | undefined
  if (!rs || controllerRefOf(rs)?.uid !== s.d.metadata.uid) return undefined
  return equalIgnoreHash(s.d.spec.template, rs.spec.template) ? rs : undefined
}

/**
 * A failed create. A name taken by someone else's replica set is a hash collision: collisionCount goes up so
 * the next sync hashes to another name. Any other error is reported as ReplicaSetCreateError.
 */
function failedCreate(s: SyncSession, name: string, error: unknown): unknown {
  const status = s.d.status ?? {}
  if (error instanceof ApiError && error.reason === 'AlreadyExists') {
    const collisionCount = (status.collisionCount ?? 0) + 1
    s.writeStatus({...status, collisionCount})
    s.log(`replicaset ${name} exists and is not this deployment's: collisionCount is now ${collisionCount}`)
    return error
  }
  const message = `Failed to create new replica set "${name}": ${error instanceof Error ? error.message : String(error)}`
  if (hasProgressDeadline(s.d)) {
    const condition = newCondition(PROGRESSING, 'False', REASONS.failedCreate, message, s.now())
    try {
      s.writeStatus({...status, conditions: setCondition(status.conditions, condition)})
    } catch {
      // The create error is the bigger problem to report (Kubernetes ignores this one too).
    }
  }
  s.event('Warning', REASONS.failedCreate, message)
  s.log(message)
  return error
}

/** Why the new replica set has the size it was created with. */
function createdNarration(
  s: SyncSession,
  name: string,
  revision: number,
  replicas: number,
  oldRSs: readonly ReplicaSet[],
): string {
  const made = `created replicaset ${name} (revision ${revision}) with ${replicas} replica${replicas === 1 ? '' : 's'}`
  if (!oldRSs.some((rs) => specReplicas(rs) > 0)) return `${made}: no other replica set has pods`
  if (s.d.spec.strategy?.type === 'Recreate') return `${made}: every old pod is gone`
  const maxTotal = desiredReplicas(s.d) + maxSurge(s.d)
  return `${made}: rolling update (${sumSpec(oldRSs) + replicas} pods of max ${maxTotal})`
}

/** The template without the pod-template-hash label (what undo copies back into a Deployment). */
export function withoutHash(template: PodTemplateSpec): PodTemplateSpec {
  const labels = {...template.metadata?.labels}
  delete labels[POD_TEMPLATE_HASH]
  return {...template, metadata: {...template.metadata, labels}}
}
