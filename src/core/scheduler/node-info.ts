/**
 * The scheduler's picture of one node (framework.NodeInfo): the node, the pods bound to it that still hold
 * resources, and what those pods request. Pods that finished (Succeeded/Failed) no longer count, as the
 * scheduler's pod informer leaves terminal pods out; pods being deleted still count until they are gone,
 * because their containers may still be running.
 */
import type {Node, Pod} from '../api/types.js'
import type {ResourceAmounts} from './resources.js'
import {addAmounts, nodeAllocatable, podRequests} from './resources.js'

/** One node and its load. */
export interface NodeInfo {
  readonly name: string
  readonly node: Node
  /** Pods bound to the node that have not finished. */
  readonly pods: readonly Pod[]
  /** status.allocatable in the scheduler's units. */
  readonly allocatable: ResourceAmounts
  /** Σ requests of its pods (what NodeResourcesFit compares with allocatable). */
  readonly requested: ResourceAmounts
  /** Σ requests with 100m/200Mi for missing cpu/memory requests (what scoring uses). */
  readonly nonZeroRequested: ResourceAmounts
}

/** Whether a pod has finished for good: its resources are free again. */
export function isTerminal(pod: Pod): boolean {
  const phase = pod.status?.phase
  return phase === 'Succeeded' || phase === 'Failed'
}

/** The NodeInfo of every node, ordered by name so that a run is reproducible. */
export function nodeInfos(nodes: readonly Node[], pods: readonly Pod[]): NodeInfo[] {
  const byNode = new Map<string, Pod[]>()
  for (const pod of pods) {
    const nodeName = pod.spec?.nodeName
    if (!nodeName) continue
    byNode.set(nodeName, [...(byNode.get(nodeName) ?? []), pod])
  }
  return [...nodes]
    .sort((a, b) => (nameOf(a) < nameOf(b) ? -1 : nameOf(a) > nameOf(b) ? 1 : 0))
    .map((node) => nodeInfo(node, byNode.get(nameOf(node)) ?? []))
}

/** The NodeInfo of one node and the pods bound to it (finished ones are left out). */
export function nodeInfo(node: Node, bound: readonly Pod[]): NodeInfo {
  const pods = bound.filter((pod) => !isTerminal(pod))
  let requested: ResourceAmounts = {}
  let nonZeroRequested: ResourceAmounts = {}
  for (const pod of pods) {
    requested = addAmounts(requested, podRequests(pod.spec))
    nonZeroRequested = addAmounts(nonZeroRequested, podRequests(pod.spec, {nonZero: true}))
  }
  return {name: nameOf(node), node, pods, allocatable: nodeAllocatable(node), requested, nonZeroRequested}
}

function nameOf(node: Node): string {
  return node.metadata.name ?? ''
}
