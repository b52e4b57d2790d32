/**
 * `tug drain` (kubectl's `drain` command): cordon the nodes, then per node remove every pod the filters let
 * go and wait until they are gone, printing what kubectl prints. A node that cannot be drained is reported
 * and the command goes on with the next, as kubectl does.
 */
import type {ApiServer} from '../api/api-server.js'
import {notFound, UserError} from '../api/errors.js'
import {qualifiedPlural, typeForKind} from '../api/resources.js'
import type {Selector} from '../api/selectors.js'
import {parseSelector} from '../api/selectors.js'
import type {Node} from '../api/types.js'
import {cordonNodes} from './cordon.js'
import type {DrainError, DrainIo} from './drain-io.js'
import {errorText} from './drain-io.js'
import type {RemoveOptions} from './evict-pods.js'
import {removePods} from './evict-pods.js'
import type {NodeQuery} from './node-targets.js'
import {nodeLine} from './node-targets.js'
import {deleteErrors, deleteWarnings, podRef, podsForDeletion, podsToDelete} from './pod-delete-list.js'
import type {PodFilterOptions} from './pod-filters.js'
import {isSimulatedStopped} from './simulated-failure.js'

/** A drain request: which nodes, and kubectl's drain flags. */
export interface DrainRequest extends NodeQuery, RemoveOptions {
  force: boolean
  ignoreDaemonSets: boolean
  deleteEmptyDirData: boolean
  /** --pod-selector: only the node's pods matching it are drained. */
  podSelector?: string
}

/** A node that could not be drained, and why. */
export interface DrainFailure {
  node: string
  error: DrainError
}

/** What a drain did: the nodes drained, the ones that failed. */
export interface DrainResult {
  drained: string[]
  failed: DrainFailure[]
}

/**
 * Asks the API server for a DaemonSet by name. Tugboat serves no DaemonSets yet, so a pod naming one as its
 * controller is taken as managed by a DaemonSet that exists (otherwise every such pod would look orphaned).
 */
function daemonSetLookup(api: ApiServer): PodFilterOptions['missingDaemonSet'] {
  const type = typeForKind('DaemonSet')
  if (!type) return () => undefined
  return (namespace, name) =>
    api.find(type, namespace, name) ? undefined : notFound(qualifiedPlural(type), name).message
}

function readPodSelector(text: string | undefined): Selector | undefined {
  if (text === undefined || text === '') return undefined
  try {
    return parseSelector(text)
  } catch {
    throw new UserError('--pod-selector=<pod_selector> must be a valid label selector')
  }
}

/** Cordons the nodes, then drains them one by one. */
export async function drainNodes(api: ApiServer, request: DrainRequest, io: DrainIo): Promise<DrainResult> {
  const podSelector = readPodSelector(request.podSelector)
  const nodes = cordonNodes(api, {...request, unschedulable: true})
  for (const {node, changed} of nodes)
    io.out(nodeLine(node.metadata.name ?? '', changed ? 'cordoned' : 'already cordoned', request.dryRun))
  const result: DrainResult = {drained: [], failed: []}
  for (const {node} of nodes) {
    const name = node.metadata.name ?? ''
    const error = await drainNode(api, node, {...request, podSelector}, io)
    if (!error) {
      result.drained.push(name)
      io.out(nodeLine(name, 'drained', request.dryRun))
      continue
    }
    io.err(
      `error: unable to drain node ${JSON.stringify(name)} due to error: ${errorText(error)}, continuing command...`,
    )
    result.failed.push({node: name, error})
  }
  if (result.failed.length) {
    io.err('There are pending nodes to be drained:')
    for (const {node} of result.failed) io.err(` ${node}`)
  }
  return result
}

/** kubectl's deleteOrEvictPodsSimple for one node. */
async function drainNode(
  api: ApiServer,
  node: Node,
  request: Omit<DrainRequest, 'podSelector'> & {podSelector?: Selector},
  io: DrainIo,
): Promise<DrainError | undefined> {
  const name = node.metadata.name ?? ''
  const filters = {...request, missingDaemonSet: daemonSetLookup(api)}
  const list = podsForDeletion(api, name, {...filters, nowMs: io.nowMs()})
  const errors = deleteErrors(list)
  if (errors.length) return {messages: errors, aggregate: true}
  const warnings = deleteWarnings(list)
  if (warnings) io.err(`Warning: ${warnings}`)
  const pods = podsToDelete(list)
  if (request.dryRun === 'client') {
    for (const pod of pods) io.out(`evicting pod ${podRef(pod)} (dry run)`)
    return undefined
  }
  if (pods.length && isSimulatedStopped(node) && request.dryRun === 'none')
    io.err(`Warning: node/${name} is stopped: its pods stay Terminating until tug node start ${name}`)
  const error = await removePods(api, pods, request, io)
  if (!error) return undefined
  const pending = podsToDelete(podsForDeletion(api, name, {...filters, nowMs: io.nowMs()}))
  if (pending.length) {
    io.err(
      `There are pending pods in node ${JSON.stringify(name)} when an error occurred: ${errorText(error)}`,
    )
    for (const pod of pending) io.err(`pod/${pod.metadata.name}`)
  }
  return error
}

/**
 * The lines kubectl's error handler prints last: each cause of a single node's aggregate on its own line, or
 * one line per failed node; a single plain error gets the `error: ` prefix.
 */
export function drainFailureMessage(failed: readonly DrainFailure[]): string {
  const [only] = failed
  if (failed.length === 1 && only) {
    if (only.error.aggregate) return only.error.messages.join('\n')
    const text = errorText(only.error)
    return text.startsWith('error: ') ? text : `error: ${text}`
  }
  return failed.map(({error}) => errorText(error)).join('\n')
}
