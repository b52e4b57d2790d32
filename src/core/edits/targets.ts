/**
 * Which objects an edit command (label, annotate, scale, set image) works on: named ones, or every object of
 * the given types matching `-l` or `--all`, with the refusals of kubectl's resource builder.
 */
import type {ApiServer} from '../api/api-server.js'
import {notFound, UserError} from '../api/errors.js'
import type {ResourceType} from '../api/resources.js'
import {qualifiedPlural} from '../api/resources.js'
import {parseSelector} from '../api/selectors.js'
import type {KubeObject, StoredObject} from '../api/types.js'

/** One resource type named on the command line, with the names given for it (none: select by -l or --all). */
export interface ResourceRequest {
  type: ResourceType
  names: readonly string[]
}

/** Where and how to look. */
export interface TargetQuery {
  resources: readonly ResourceRequest[]
  namespace: string
  selector?: string
  all?: boolean
}

/** One object to edit, with its type. */
export interface Target {
  type: ResourceType
  object: StoredObject
}

/** An object after an edit: as written, or (client dry run) as it would be sent. */
export interface EditedObject {
  type: ResourceType
  object: KubeObject
}

/** The objects found; `single` when exactly one TYPE NAME was asked for (kubectl's IntoSingleItemImplied). */
export interface Targets {
  targets: Target[]
  single: boolean
}

/** Refuses a command without resources, and --all together with -l, as kubectl's edit commands do. */
export function checkTargetQuery(query: TargetQuery): void {
  if (query.all && query.selector) throw new UserError('cannot set --all and --selector at the same time')
  if (query.resources.length === 0) {
    throw new UserError(
      'one or more resources must be specified as <resource> <name> or <resource>/<name>',
      'e.g. pod web, or deployment/web',
    )
  }
}

/** Reads the targets; a missing name is NotFound, so nothing is edited when one of several is absent. */
export function findTargets(api: ApiServer, query: TargetQuery): Targets {
  const named = query.resources.some((resource) => resource.names.length > 0)
  if (named && query.selector) throw new UserError('name cannot be provided when a selector is specified')
  if (!named && !query.selector && !query.all) {
    throw new UserError(
      'resource(s) were provided, but no name was specified',
      'name the objects, or pass -l SELECTOR or --all',
    )
  }
  if (!named) {
    const selector = query.selector ? parseSelector(query.selector) : undefined
    const targets = query.resources.flatMap(({type}) =>
      api.list(type, {namespace: query.namespace, selector}).map((object) => ({type, object})),
    )
    return {targets, single: false}
  }
  const targets = query.resources.flatMap(({type, names}) =>
    names.map((name) => {
      const object = api.find(type, query.namespace, name)
      if (!object) throw notFound(qualifiedPlural(type), name)
      return {type, object}
    }),
  )
  return {targets, single: query.resources.length === 1 && query.resources[0]?.names.length === 1}
}
