/**
 * Revisions (k8s@1.28 deployment/sync.go getNewReplicaSet and cleanupDeployment, deployment/util
 * SetNewReplicaSetAnnotations): only a new pod template makes a revision, numbered one past the highest of
 * the old replica sets. Going back to an old template (`rollout undo`) reuses that template's replica set and
 * renumbers it, keeping its former numbers in revision-history: history 1, 2 then undo gives 2, 3, with
 * revision 3 remembering it was 1. Once a rollout is complete, old replica sets beyond
 * revisionHistoryLimit go, lowest revision first.
 */
import type {Deployment, KubeObject, ReplicaSet} from '../../api/types.js'
import {
  copyDeploymentAnnotations,
  parseGoInt,
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  setReplicasAnnotations,
} from './annotations.js'
import type {StoredReplicaSet} from './objects.js'
import {byCreation, specReplicas} from './replica-sets.js'
import type {SyncSession} from './session.js'

/** The longest revision-history kept, in characters (maxRevHistoryLengthInChars, ~100 revisions). */
export const MAX_REVISION_HISTORY_CHARS = 2000

/** Kubernetes' "no limit" for revisionHistoryLimit and progressDeadlineSeconds (math.MaxInt32). */
export const MAX_INT32 = 2147483647

/** Revision: 0 without the annotation, undefined when it is not a number (such sets are skipped). */
export function revisionOf(object: KubeObject): number | undefined {
  const value = object.metadata.annotations?.[REVISION_ANNOTATION]
  return value === undefined ? 0 : parseGoInt(value)
}

/** MaxRevision: the highest revision among the replica sets, 0 when none has one. */
export function maxRevision(rss: readonly ReplicaSet[]): number {
  return rss.reduce((max, rs) => Math.max(max, revisionOf(rs) ?? 0), 0)
}

/** What SetNewReplicaSetAnnotations did to a replica set's annotations. */
export interface RevisionUpdate {
  changed: boolean
  /** The revision the replica set held before being renumbered (a rollback reusing it). */
  renumberedFrom?: string
}

/**
 * SetNewReplicaSetAnnotations, on a copy's annotations: copies the deployment's annotations, raises the
 * revision to `newRevision` when it is lower (never lowers it: old sets may have been deleted since), keeps
 * a former revision in revision-history, and on creation adds desired-replicas and max-replicas.
 */
export function setNewReplicaSetAnnotations(
  d: Deployment,
  annotations: Record<string, string>,
  newRevision: number,
  created?: {desired: number; max: number},
): RevisionUpdate {
  let changed = copyDeploymentAnnotations(d, annotations)
  const oldRevision = annotations[REVISION_ANNOTATION]
  const oldNumber = oldRevision === undefined || oldRevision === '' ? 0 : parseGoInt(oldRevision)
  // Kubernetes gives up on a replica set whose revision is not a number, copied annotations and all.
  if (oldNumber === undefined) return {changed: false}
  const update: RevisionUpdate = {changed}
  if (oldNumber < newRevision) {
    annotations[REVISION_ANNOTATION] = String(newRevision)
    changed = true
    if (oldRevision !== undefined) {
      update.renumberedFrom = oldRevision
      const history = appendRevisionHistory(annotations[REVISION_HISTORY_ANNOTATION], oldRevision)
      if (history !== undefined) annotations[REVISION_HISTORY_ANNOTATION] = history
    }
  }
  if (created && setReplicasAnnotations(annotations, created.desired, created.max)) changed = true
  return {...update, changed}
}

/**
 * The revision-history after appending `revision`, dropping the oldest entries to stay within `limit`
 * characters; undefined when it cannot fit (then Kubernetes leaves the annotation as it was).
 * E.g. `1,3` + `5` -> `1,3,5`; nothing yet + `1` -> `1`.
 */
export function appendRevisionHistory(
  history: string | undefined,
  revision: string,
  limit = MAX_REVISION_HISTORY_CHARS,
): string | undefined {
  if (!history) return revision
  const entries = history.split(',')
  let total = history.length + revision.length + 1
  let start = 0
  while (total > limit && start < entries.length) {
    total -= entries[start]!.length + 1
    start++
  }
  return total <= limit ? [...entries.slice(start), revision].join(',') : undefined
}

/** ReplicaSetsByRevision: lowest revision first; unparsable or equal revisions by creation. */
export function byRevision(a: ReplicaSet, b: ReplicaSet): number {
  const [ra, rb] = [revisionOf(a), revisionOf(b)]
  if (ra === undefined || rb === undefined || ra === rb) return byCreation(a, b)
  return ra - rb
}

/** HasRevisionHistoryLimit: set and not MaxInt32 ("keep everything"). */
export function hasRevisionHistoryLimit(d: Deployment): boolean {
  const limit = d.spec.revisionHistoryLimit
  return limit !== undefined && limit !== MAX_INT32
}

/**
 * cleanupDeployment's choice: with more old replica sets (not being deleted) than revisionHistoryLimit, the
 * `surplus` lowest revisions are candidates, and of those only the ones that are fully scaled down and
 * observed so go. E.g. limit 1 with old revisions 1 (0 pods), 2 (0 pods), 3 (scaling down): surplus 2,
 * candidates 1 and 2, both deleted. A candidate that still has pods is skipped, not replaced by the next.
 */
export function replicaSetsToClean<T extends ReplicaSet>(d: Deployment, oldRSs: readonly T[]): T[] {
  if (!hasRevisionHistoryLimit(d)) return []
  const alive = oldRSs.filter((rs) => !rs.metadata.deletionTimestamp)
  const surplus = alive.length - (d.spec.revisionHistoryLimit ?? 0)
  if (surplus <= 0) return []
  return [...alive]
    .sort(byRevision)
    .slice(0, surplus)
    .filter(
      (rs) =>
        (rs.status?.replicas ?? 0) === 0 &&
        specReplicas(rs) === 0 &&
        (rs.metadata.generation ?? 1) <= (rs.status?.observedGeneration ?? 0),
    )
}

/** cleanupDeployment: deletes the old replica sets replicaSetsToClean picks, one line each. */
export function cleanupDeployment(s: SyncSession, oldRSs: readonly StoredReplicaSet[]): void {
  const limit = s.d.spec.revisionHistoryLimit ?? 0
  for (const rs of replicaSetsToClean(s.d, oldRSs)) {
    s.deleteReplicaSet(rs)
    const revision = rs.metadata.annotations?.[REVISION_ANNOTATION] ?? '?'
    s.log(
      `deleted old replicaset ${rs.metadata.name} (revision ${revision}): revisionHistoryLimit keeps ${limit} old replica set${limit === 1 ? '' : 's'}`,
    )
  }
}
