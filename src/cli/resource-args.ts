/**
 * kubectl's ways of naming objects on the command line: `pods`, `pods web db`, `pods,svc`, `pod/web svc/db`.
 */
import {UserError} from '../core/api/errors.js'
import type {ResourceType} from '../core/api/resources.js'
import {mustTypeForKind, resolveResourceType} from '../core/api/resources.js'

/** kubectl's `all` category, restricted to the kinds Tugboat serves, in kubectl's order. */
const ALL_CATEGORY: readonly ResourceType[] = [
  'Pod',
  'ReplicationController',
  'Service',
  'Deployment',
  'ReplicaSet',
].map(mustTypeForKind)

/** The types asked for, and per type the names (empty: all). */
export interface ResourceSelection {
  type: ResourceType
  names: string[]
}

/** Parses `TYPE[,TYPE] [NAME...]` or `TYPE/NAME...`; requires at least one type. */
export function parseResourceArgs(args: readonly string[], verb: string): ResourceSelection[] {
  const [first, ...rest] = args
  if (first === undefined) {
    throw new UserError(
      `You must specify the type of resource to ${verb}. Use "tug api-resources" for a complete list of supported resources.`,
    )
  }
  if (args.some((arg) => arg.includes('/'))) return parseSlashForms(args)
  const types = first
    .split(',')
    .filter(Boolean)
    .flatMap((name) => (name === 'all' ? ALL_CATEGORY : [resolveResourceType(name)]))
  if (rest.length && types.length > 1) {
    throw new UserError(
      'you may only specify a single resource type when naming objects: use TYPE/NAME for each of several types',
    )
  }
  return types.map((type) => ({type, names: [...rest]}))
}

function parseSlashForms(args: readonly string[]): ResourceSelection[] {
  const selections: ResourceSelection[] = []
  for (const arg of args) {
    const slash = arg.indexOf('/')
    if (slash < 0)
      throw new UserError(
        `there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'tug get resource/<resource_name>' instead of 'tug get resource resource/<resource_name>'`,
      )
    const type = resolveResourceType(arg.slice(0, slash))
    const name = arg.slice(slash + 1)
    if (!name) throw new UserError(`arguments in resource/name form must have a single resource and name`)
    const existing = selections.find((selection) => selection.type === type)
    if (existing) existing.names.push(name)
    else selections.push({type, names: [name]})
  }
  return selections
}
