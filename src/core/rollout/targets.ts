/**
 * The objects a `rollout` command works on, found as kubectl's resource builder finds them
 * (`ResourceTypeOrNameArgs(true, ...)`): `deployment/web`, `deploy web db`, or a bare type for every object of
 * it in the namespace; and kubectl's refusals for kinds a rollout verb does not support.
 */
import type {ApiServer} from '../api/api-server.js'
import {TugError, UserError} from '../api/errors.js'
import type {ResourceType} from '../api/resources.js'
import {qualifiedPlural} from '../api/resources.js'
import type {Deployment, StoredObject} from '../api/types.js'

/** One type named on the command line, with its names (none: every object of the type). */
export interface RolloutResourceRequest {
  type: ResourceType
  names: readonly string[]
}

/** What a rollout command asks for. */
export interface RolloutQuery {
  resources: readonly RolloutResourceRequest[]
  namespace: string
}

/** One object found, with its type. */
export interface RolloutTarget {
  type: ResourceType
  object: StoredObject
}

/** Every rollout verb's Validate: without a resource there is nothing to do. */
export function requireResources(args: readonly string[]): void {
  if (args.length === 0)
    throw new UserError('required resource not specified', 'name a deployment, e.g. deployment/web')
}

/** Reads the objects in order; a missing name is the API server's NotFound, as the builder reports it. */
export function findRolloutTargets(api: ApiServer, query: RolloutQuery): RolloutTarget[] {
  return query.resources.flatMap(({type, names}) =>
    names.length === 0
      ? api.list(type, {namespace: query.namespace}).map((object) => ({type, object}))
      : names.map((name) => ({type, object: api.get(type, query.namespace, name)})),
  )
}

/** schema.GroupKind's String(): `ReplicaSet.apps`, `Pod`. */
export function groupKind(type: ResourceType): string {
  return type.group ? `${type.kind}.${type.group}` : type.kind
}

/** The kinds kubectl's GroupKindElement.Accept has a visitor method for (the rest fail before any viewer). */
const VISITABLE_KINDS = new Set(['Deployment', 'Pod', 'ReplicaSet', 'ReplicationController'])

/**
 * The error kubectl's polymorphic helpers (HistoryViewerFor, RollbackerFor) give for a kind without one:
 * `no history viewer has been implemented for "ReplicaSet.apps"`, or for kinds its visitor does not know at
 * all `error retrieving history for "Service", no visitor method exists for { Service}`.
 */
export function unsupportedVisitorKind(
  type: ResourceType,
  helper: 'history viewer' | 'rollbacker',
): UserError {
  const quoted = JSON.stringify(groupKind(type))
  if (VISITABLE_KINDS.has(type.kind)) return new UserError(`no ${helper} has been implemented for ${quoted}`)
  const what = helper === 'history viewer' ? 'history' : 'rollbacker'
  // Go's %v of the GroupKindElement struct: `{<group> <kind>}`.
  return new UserError(
    `error retrieving ${what} for ${quoted}, no visitor method exists for {${type.group} ${type.kind}}`,
  )
}

/** The target as a Deployment, or the helper's error for other kinds. */
export function asDeployment(
  target: RolloutTarget,
  helper: 'history viewer' | 'rollbacker',
): Deployment & StoredObject {
  if (target.type.kind !== 'Deployment') throw unsupportedVisitorKind(target.type, helper)
  return target.object as Deployment & StoredObject
}

/** One object a pause, resume or restart changed, with the verb kubectl prints for it. */
export interface RolloutEdit {
  target: RolloutTarget
  object: StoredObject
  operation: string
}

/** The objects changed, and one message per object refused (kubectl carries on with the others). */
export interface RolloutEditResult {
  edited: RolloutEdit[]
  errors: string[]
}

/** kubectl's per-object refusal: `deployments.apps "web" is already paused`. */
export function objectError(target: RolloutTarget, problem: string): string {
  const {type, object} = target
  return `${qualifiedPlural(type)} ${JSON.stringify(object.metadata.name)} ${problem}`
}

/** Runs `edit` on every target, collecting kubectl-shaped refusals instead of stopping at the first. */
export function editEach(
  targets: readonly RolloutTarget[],
  edit: (target: RolloutTarget) => RolloutEdit,
): RolloutEditResult {
  const result: RolloutEditResult = {edited: [], errors: []}
  for (const target of targets) {
    try {
      result.edited.push(edit(target))
    } catch (error) {
      if (!(error instanceof TugError)) throw error
      result.errors.push(error.message)
    }
  }
  return result
}
