/**
 * `rollout history`: a Deployment's revisions, read from its ReplicaSets (kubectl
 * pkg/polymorphichelpers/history.go DeploymentHistoryViewer): each ReplicaSet's revision annotation and its
 * change-cause, or with --revision the pod template of one revision.
 */
import type {ApiServer} from '../api/api-server.js'
import {UserError} from '../api/errors.js'
import {mustTypeForKind} from '../api/resources.js'
import type {Deployment, PodTemplateSpec, ReplicaSet, StoredObject} from '../api/types.js'
import {CHANGE_CAUSE_ANNOTATION, revisionOrUndefined} from './annotations.js'
import {splitDeploymentReplicaSets} from './replica-sets.js'
import type {RolloutQuery, RolloutTarget} from './targets.js'
import {asDeployment, findRolloutTargets} from './targets.js'

/** A history request: which objects and, optionally, one revision (0: all). */
export interface HistoryRequest extends RolloutQuery {
  revision: number
}

/** One row of the history table. */
export interface RevisionRow {
  revision: number
  /** The change-cause annotation of that revision's ReplicaSet, if any. */
  changeCause?: string
}

/** The history of one Deployment: rows ascending by revision, or the template of the asked revision. */
export interface DeploymentHistory {
  target: RolloutTarget
  rows: RevisionRow[]
  /** With --revision: that revision's template, its change-cause added to the template's annotations. */
  template?: PodTemplateSpec
  revision: number
}

/** Refuses a negative --revision, as kubectl's Validate does. */
export function checkRevisionFlag(revision: number): void {
  if (revision < 0) throw new UserError(`revision must be a positive integer: ${revision}`)
}

/** Reads the history of every target; kubectl's errors for other kinds and for an unknown revision. */
export function rolloutHistory(api: ApiServer, request: HistoryRequest): DeploymentHistory[] {
  checkRevisionFlag(request.revision)
  return api.store.read(() =>
    findRolloutTargets(api, request).map((target) => {
      const deployment = asDeployment(target, 'history viewer')
      return historyOf(target, replicaSetsOf(api, deployment), request.revision)
    }),
  )
}

/** The Deployment's ReplicaSets, the new one last (getDeploymentReplicaSets). */
export function replicaSetsOf(api: ApiServer, deployment: Deployment & StoredObject): ReplicaSet[] {
  const candidates = api.list(mustTypeForKind('ReplicaSet'), {namespace: deployment.metadata.namespace})
  const {newRS, oldRSs} = splitDeploymentReplicaSets(deployment, candidates)
  return [...oldRSs, ...(newRS ? [newRS] : [])]
}

/** The history of one Deployment from its ReplicaSets; a later ReplicaSet with the same revision wins, as in kubectl's map. */
export function historyOf(
  target: RolloutTarget,
  replicaSets: readonly ReplicaSet[],
  revision: number,
): DeploymentHistory {
  const templates = new Map<number, PodTemplateSpec>()
  for (const rs of replicaSets) {
    // kubectl skips a ReplicaSet whose revision does not parse (with a warning in its log).
    const number = revisionOrUndefined(rs)
    if (number === undefined) continue
    const template = structuredClone(rs.spec.template)
    const changeCause = rs.metadata.annotations?.[CHANGE_CAUSE_ANNOTATION]
    template.metadata ??= {}
    template.metadata.annotations ??= {}
    if (changeCause) template.metadata.annotations[CHANGE_CAUSE_ANNOTATION] = changeCause
    templates.set(number, template)
  }
  const rows = [...templates.entries()]
    .sort(([a], [b]) => a - b)
    .map(([number, template]) => ({
      revision: number,
      changeCause: template.metadata?.annotations?.[CHANGE_CAUSE_ANNOTATION],
    }))
  if (revision <= 0 || rows.length === 0) return {target, rows, revision}
  const template = templates.get(revision)
  if (!template) throw new UserError('unable to find the specified revision')
  return {target, rows, template, revision}
}
