/**
 * `rollout pause` and `rollout resume` (kubectl pkg/polymorphichelpers/objectpauser.go, objectresumer.go):
 * set or clear spec.paused. While paused, the deployment controller makes no new ReplicaSet for template
 * changes (scaling still applies) and ignores the progress deadline.
 */
import type {ApiServer} from '../api/api-server.js'
import {UserError} from '../api/errors.js'
import {cloneObject} from '../api/object-meta.js'
import type {Deployment} from '../api/types.js'
import type {RolloutEdit, RolloutEditResult, RolloutQuery, RolloutTarget} from './targets.js'
import {editEach, findRolloutTargets, objectError} from './targets.js'

/** Pauses every target; `is already paused` and `pausing is not supported` are per-object refusals. */
export function pauseRollout(api: ApiServer, query: RolloutQuery): RolloutEditResult {
  return editEach(findRolloutTargets(api, query), (target) => setPaused(api, target, true))
}

/** Resumes every target; `is not paused` and `resuming is not supported` are per-object refusals. */
export function resumeRollout(api: ApiServer, query: RolloutQuery): RolloutEditResult {
  return editEach(findRolloutTargets(api, query), (target) => setPaused(api, target, false))
}

function setPaused(api: ApiServer, target: RolloutTarget, paused: boolean): RolloutEdit {
  const refuse = (problem: string): UserError => new UserError(objectError(target, problem))
  if (target.type.kind !== 'Deployment') throw refuse(`${paused ? 'pausing' : 'resuming'} is not supported`)
  const deployment = target.object as Deployment & typeof target.object
  if (Boolean(deployment.spec.paused) === paused) throw refuse(paused ? 'is already paused' : 'is not paused')
  const next = cloneObject(deployment)
  // kubectl's resume patches `paused: false` rather than removing the field.
  next.spec.paused = paused
  return {target, object: api.update(next), operation: paused ? 'paused' : 'resumed'}
}
