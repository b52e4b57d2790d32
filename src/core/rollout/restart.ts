/**
 * `rollout restart` (kubectl pkg/polymorphichelpers/objectrestarter.go): stamp the pod template with
 * `kubectl.kubernetes.io/restartedAt`, so the template changes and the deployment controller rolls out a new
 * revision that replaces every pod.
 */
import type {ApiServer} from '../api/api-server.js'
import {UserError} from '../api/errors.js'
import {cloneObject} from '../api/object-meta.js'
import type {Deployment} from '../api/types.js'
import {CHANGE_CAUSE_ANNOTATION, RESTARTED_AT_ANNOTATION} from './annotations.js'
import type {RolloutEdit, RolloutEditResult, RolloutQuery, RolloutTarget} from './targets.js'
import {editEach, findRolloutTargets, objectError} from './targets.js'

/** A restart: which objects, and the command line recorded as each new revision's change-cause. */
export interface RestartRequest extends RolloutQuery {
  changeCause: string
  /** The time zone offset in minutes east of UTC the timestamp is written in; the machine's by default. */
  utcOffsetMinutes?: number
}

/** Restarts every target; a paused Deployment and other kinds are per-object refusals. */
export function restartRollout(api: ApiServer, request: RestartRequest): RolloutEditResult {
  const now = api.now()
  const restartedAt = goRFC3339(now, request.utcOffsetMinutes ?? -now.getTimezoneOffset())
  return editEach(findRolloutTargets(api, request), (target) =>
    restart(api, target, restartedAt, request.changeCause),
  )
}

function restart(api: ApiServer, target: RolloutTarget, restartedAt: string, cause: string): RolloutEdit {
  if (target.type.kind !== 'Deployment')
    throw new UserError(objectError(target, 'restarting is not supported'))
  const deployment = target.object as Deployment & typeof target.object
  if (deployment.spec.paused)
    throw new UserError(objectError(target, "can't restart paused deployment (run rollout resume first)"))
  // The stamp has whole seconds, so a second restart within the same second would change nothing.
  if (deployment.spec.template.metadata?.annotations?.[RESTARTED_AT_ANNOTATION] === restartedAt) {
    throw new UserError(
      `failed to create patch for ${deployment.metadata.name}: if restart has already been triggered within the past second, please wait before attempting to trigger another`,
    )
  }
  const next = cloneObject(deployment)
  next.spec.template.metadata ??= {}
  next.spec.template.metadata.annotations = {
    ...next.spec.template.metadata.annotations,
    [RESTARTED_AT_ANNOTATION]: restartedAt,
  }
  // Tugboat records why the revision exists (see change-cause.ts); kubectl leaves the annotation as it was.
  next.metadata.annotations = {...next.metadata.annotations, [CHANGE_CAUSE_ANNOTATION]: cause}
  return {target, object: api.update(next), operation: 'restarted'}
}

/**
 * Go's time.Format(time.RFC3339) of a local time: `2024-05-14T13:54:50+02:00`, or `...Z` in UTC, whole seconds.
 * E.g. 2024-05-14T11:54:50.123Z at offset +120 gives 2024-05-14T13:54:50+02:00.
 */
export function goRFC3339(date: Date, utcOffsetMinutes: number): string {
  const local = new Date(Math.floor(date.getTime() / 1000) * 1000 + utcOffsetMinutes * 60_000)
  const clock = local.toISOString().slice(0, 19)
  if (utcOffsetMinutes === 0) return `${clock}Z`
  const sign = utcOffsetMinutes > 0 ? '+' : '-'
  const minutes = Math.abs(utcOffsetMinutes)
  const pad = (value: number): string => String(value).padStart(2, '0')
  return `${clock}${sign}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`
}
