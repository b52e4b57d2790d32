/**
 * Which nodes a node command (cordon, uncordon, drain, node stop|start) works on: named ones, or every node
 * matching `-l`, with the refusals of kubectl's drain command options. Every node is read before anything is
 * written, so a missing name changes nothing.
 */
import type {ApiServer} from '../api/api-server.js'
import {UserError} from '../api/errors.js'
import {mustTypeForKind, resolveResourceType} from '../api/resources.js'
import {parseSelector} from '../api/selectors.js'
import type {Node} from '../api/types.js'
import type {DryRun} from '../generators/dry-run.js'

/** The Node resource type. */
export const NODE = mustTypeForKind('Node')

/** Nodes by name, or by label selector. */
export interface NodeQuery {
  names: readonly string[]
  selector?: string
  /** The command's usage, as kubectl's `USAGE: cordon NODE [flags]` names it. */
  usage: string
}

/** The nodes asked for, in the order named (by name when selected with -l). */
export function findNodes(api: ApiServer, query: NodeQuery): Node[] {
  const selected = query.selector !== undefined
  if (query.names.length === 0 && !selected)
    throw new UserError(`USAGE: ${query.usage} [flags]`, 'name a node, or select nodes with -l KEY=VALUE')
  if (query.names.length > 0 && selected)
    throw new UserError('cannot specify both a node name and a --selector option')
  if (selected) return api.list(NODE, {selector: parseSelector(query.selector ?? '')}) as Node[]
  return query.names.map((name) => api.get(NODE, '', nodeName(name)) as Node)
}

/** `n1`, or `node/n1` as kubectl's resource builder also takes it; another type is refused. */
function nodeName(arg: string): string {
  const slash = arg.indexOf('/')
  if (slash < 0) return arg
  const type = resolveResourceType(arg.slice(0, slash))
  if (type !== NODE) throw new UserError(`expected resource of type node, got ${JSON.stringify(type.plural)}`)
  return arg.slice(slash + 1)
}

/** A node after a command: as written (or as it would be), and whether the command changed it. */
export interface NodeChange {
  node: Node
  changed: boolean
}

/**
 * Writes `next` over `live` unless nothing changed: without the read resourceVersion, as kubectl's patches
 * do, so a heartbeat written since the read is no conflict. Client dry runs only show the object.
 */
export function writeNode(api: ApiServer, live: Node, next: Node, dryRun: DryRun): Node {
  if (dryRun === 'client') return next
  const {resourceVersion: _stale, ...metadata} = next.metadata
  return api.update({...next, metadata}, {dryRun: dryRun === 'server'}) as Node
}

/** The names of the nodes a command changed: `node01, node02`. */
export function changedNames(changes: readonly NodeChange[]): string {
  return changes
    .filter(({changed}) => changed)
    .map(({node}) => node.metadata.name ?? '')
    .join(', ')
}

const DRY_RUN_SUFFIX: Readonly<Record<DryRun, string>> = {
  none: '',
  client: ' (dry run)',
  server: ' (server dry run)',
}

/** kubectl's name printer for a node: `node/n1 cordoned`, `node/n1 drained (dry run)`. */
export function nodeLine(name: string, operation: string, dryRun: DryRun = 'none'): string {
  return `node/${name} ${operation}${DRY_RUN_SUFFIX[dryRun]}`
}
