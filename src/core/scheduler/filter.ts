/**
 * The filter plugins of kube-scheduler's default profile, in the order it runs them (k8s@1.28
 * pkg/scheduler/apis/config/v1/default_plugins.go). Each looks at one pod and one node and either lets the
 * node pass or says why not, in the plugin's own words; those reasons are what FailedScheduling counts.
 * A node stops at its first failing plugin (framework.RunFilterPlugins), so it contributes one plugin's
 * reasons: a cordoned node says `node(s) were unschedulable` and nothing about its taints.
 */
import type {ContainerPort, Pod} from '../api/types.js'
import {matchesRequiredNodeAffinity} from './node-affinity.js'
import type {NodeInfo} from './node-info.js'
import {CPU, EPHEMERAL_STORAGE, MEMORY, PODS, podRequests} from './resources.js'
import {effectiveTaints, formatTaint, tolerated, UNSCHEDULABLE_TAINT} from './taints.js'

/**
 * How a node failed: `Unschedulable` might change if pods went away (preemption could help);
 * `UnschedulableAndUnresolvable` cannot change by removing pods.
 */
export type FilterCode = 'Unschedulable' | 'UnschedulableAndUnresolvable'

/** Why a node does not fit, as one plugin reports it. */
export interface FilterFailure {
  plugin: string
  code: FilterCode
  reasons: readonly string[]
}

/** One filter plugin. */
export interface FilterPlugin {
  readonly name: string
  filter(pod: Pod, node: NodeInfo): FilterFailure | undefined
}

/** NodeUnschedulable's reason (ErrReasonUnschedulable). */
export const REASON_UNSCHEDULABLE = 'node(s) were unschedulable'
/** NodeName's reason. */
export const REASON_NODE_NAME = "node(s) didn't match the requested node name"
/** NodeAffinity's reason (ErrReasonPod). */
export const REASON_NODE_AFFINITY = "node(s) didn't match Pod's node affinity/selector"
/** NodePorts' reason. */
export const REASON_NODE_PORTS = "node(s) didn't have free ports for the requested pod ports"
/** NodeResourcesFit's reason when the node runs its maximum number of pods. */
export const REASON_TOO_MANY_PODS = 'Too many pods'

/** NodeResourcesFit's reason for one resource: `Insufficient cpu`. */
export function insufficient(resource: string): string {
  return `Insufficient ${resource}`
}

/** A cordoned node (spec.unschedulable) takes only pods that tolerate its unschedulable taint. */
function nodeUnschedulable(pod: Pod, node: NodeInfo): FilterFailure | undefined {
  if (!node.node.spec?.unschedulable) return undefined
  if (tolerated(pod.spec.tolerations, {key: UNSCHEDULABLE_TAINT, effect: 'NoSchedule'})) return undefined
  return unresolvable('NodeUnschedulable', REASON_UNSCHEDULABLE)
}

/** A pod that names its node fits only there. */
function nodeName(pod: Pod, node: NodeInfo): FilterFailure | undefined {
  const wanted = pod.spec.nodeName
  return wanted && wanted !== node.name ? unresolvable('NodeName', REASON_NODE_NAME) : undefined
}

/** The first NoSchedule/NoExecute taint the pod does not tolerate keeps it off the node. */
function taintToleration(pod: Pod, node: NodeInfo): FilterFailure | undefined {
  const untolerated = effectiveTaints(node.node).find(
    (taint) =>
      (taint.effect === 'NoSchedule' || taint.effect === 'NoExecute') &&
      !tolerated(pod.spec.tolerations, taint),
  )
  if (!untolerated) return undefined
  return unresolvable('TaintToleration', `node(s) had untolerated taint ${formatTaint(untolerated)}`)
}

/** nodeSelector and required node affinity. */
function nodeAffinity(pod: Pod, node: NodeInfo): FilterFailure | undefined {
  return matchesRequiredNodeAffinity(pod.spec, node.node)
    ? undefined
    : unresolvable('NodeAffinity', REASON_NODE_AFFINITY)
}

/** No hostPort the pod wants may already be taken on the node (same protocol, overlapping host IP). */
function nodePorts(pod: Pod, node: NodeInfo): FilterFailure | undefined {
  const used = node.pods.flatMap(hostPorts)
  const clash = hostPorts(pod).some((wanted) => used.some((taken) => portsConflict(wanted, taken)))
  return clash ? {plugin: 'NodePorts', code: 'Unschedulable', reasons: [REASON_NODE_PORTS]} : undefined
}

/**
 * Σ requests of the node's pods + this pod's requests ≤ allocatable, per resource the pod asks for, plus one
 * more pod than the node already runs ≤ allocatable pods (noderesources.fitsRequest). A resource the pod does
 * not request never blocks it, even on an over-committed node. Example: allocatable cpu 2, pods on the node
 * requesting 1500m, a pod asking 600m: 600 > 2000 - 1500, so `Insufficient cpu`.
 */
function nodeResourcesFit(pod: Pod, node: NodeInfo): FilterFailure | undefined {
  const reasons: string[] = []
  if (node.pods.length + 1 > (node.allocatable[PODS] ?? 0)) reasons.push(REASON_TOO_MANY_PODS)
  const requests = podRequests(pod.spec)
  const scalars = Object.keys(requests)
    .filter((name) => ![CPU, MEMORY, EPHEMERAL_STORAGE, PODS].includes(name))
    .sort()
  for (const name of [CPU, MEMORY, EPHEMERAL_STORAGE, ...scalars]) {
    const wanted = requests[name] ?? 0
    const free = (node.allocatable[name] ?? 0) - (node.requested[name] ?? 0)
    if (wanted > 0 && wanted > free) reasons.push(insufficient(name))
  }
  return reasons.length ? {plugin: 'NodeResourcesFit', code: 'Unschedulable', reasons} : undefined
}

/** The default profile's filters, in order. */
export const FILTER_PLUGINS: readonly FilterPlugin[] = [
  {name: 'NodeUnschedulable', filter: nodeUnschedulable},
  {name: 'NodeName', filter: nodeName},
  {name: 'TaintToleration', filter: taintToleration},
  {name: 'NodeAffinity', filter: nodeAffinity},
  {name: 'NodePorts', filter: nodePorts},
  {name: 'NodeResourcesFit', filter: nodeResourcesFit},
]

/** Runs the filters on one node; undefined when it fits, else the first failing plugin's verdict. */
export function runFilters(pod: Pod, node: NodeInfo): FilterFailure | undefined {
  for (const plugin of FILTER_PLUGINS) {
    const failure = plugin.filter(pod, node)
    if (failure) return failure
  }
  return undefined
}

function unresolvable(plugin: string, reason: string): FilterFailure {
  return {plugin, code: 'UnschedulableAndUnresolvable', reasons: [reason]}
}

/** The host ports a pod's containers ask for (hostPort > 0), with an empty IP meaning every address. */
function hostPorts(pod: Pod): {ip: string; protocol: string; port: number}[] {
  return (pod.spec.containers ?? [])
    .flatMap((container) => container.ports ?? [])
    .filter((port: ContainerPort) => (port.hostPort ?? 0) > 0)
    .map((port) => ({
      ip: port.hostIP || '0.0.0.0',
      protocol: port.protocol || 'TCP',
      port: port.hostPort ?? 0,
    }))
}

/** HostPortInfo.CheckConflict: same protocol and port, and one of the IPs is 0.0.0.0 or both are equal. */
function portsConflict(
  a: {ip: string; protocol: string; port: number},
  b: {ip: string; protocol: string; port: number},
): boolean {
  if (a.protocol !== b.protocol || a.port !== b.port) return false
  return a.ip === '0.0.0.0' || b.ip === '0.0.0.0' || a.ip === b.ip
}
