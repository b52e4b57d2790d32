/**
 * A kubelet registers its Node object and renews its heartbeat (the Ready condition's lastHeartbeatTime), as
 * a real kubelet posts node status. Capacity is the host's, since every Tugboat node shares this machine.
 */
import type {ApiServer} from '../api/api-server.js'
import {timestamp} from '../api/object-meta.js'
import {mustTypeForKind} from '../api/resources.js'
import type {Condition, Node, Taint} from '../api/types.js'
import type {RuntimeInfo} from '../runtime/container-runtime.js'

/** What a node reports about its machine. */
export interface NodeFacts {
  name: string
  cpus: number
  memoryBytes: number
  maxPods: number
  runtime: RuntimeInfo
  kernelVersion: string
  osImage: string
  architecture: string
  /** Labels such as node-role.kubernetes.io/control-plane. */
  labels?: Record<string, string>
  /** Taints the node registers with (a kubelet's --register-with-taints); later changes are the cluster's. */
  taints?: Taint[]
}

/** The version Tugboat reports as its kubelet's, in Kubernetes' style. */
export const KUBELET_VERSION = 'v1.28.0-tugboat'

const NODE = mustTypeForKind('Node')

function readyCondition(now: string, since: string): Condition {
  return {
    type: 'Ready',
    status: 'True',
    reason: 'KubeletReady',
    message: 'kubelet is posting ready status',
    lastHeartbeatTime: now,
    lastTransitionTime: since,
  }
}

/** The Node object for these facts, Ready as of `now`. */
export function nodeObject(facts: NodeFacts, now: Date, previous?: Node): Node {
  const stamp = timestamp(now)
  const wasReady = previous?.status?.conditions?.find((c) => c.type === 'Ready')
  const since =
    wasReady?.status === 'True' && wasReady.lastTransitionTime ? wasReady.lastTransitionTime : stamp
  const capacity = {
    cpu: String(facts.cpus),
    memory: `${Math.floor(facts.memoryBytes / 1024)}Ki`,
    pods: String(facts.maxPods),
  }
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      ...(previous?.metadata ?? {}),
      name: facts.name,
      labels: {
        'kubernetes.io/hostname': facts.name,
        'kubernetes.io/os': 'linux',
        'kubernetes.io/arch': facts.architecture,
        ...(previous?.metadata.labels ?? {}),
        ...facts.labels,
      },
    },
    spec: previous?.spec ?? (facts.taints?.length ? {taints: facts.taints} : {}),
    status: {
      capacity,
      allocatable: capacity,
      conditions: [readyCondition(stamp, since)],
      addresses: [
        {type: 'InternalIP', address: '127.0.0.1'},
        {type: 'Hostname', address: facts.name},
      ],
      nodeInfo: {
        kubeletVersion: KUBELET_VERSION,
        containerRuntimeVersion: facts.runtime.runtimeVersion,
        osImage: facts.osImage,
        kernelVersion: facts.kernelVersion,
        operatingSystem: 'linux',
        architecture: facts.architecture,
      },
    },
  }
}

/** Creates or refreshes the node, status included; returns the stored node. */
export function registerNode(api: ApiServer, facts: NodeFacts): Node {
  return api.store.transaction(() => {
    const previous = api.find(NODE, '', facts.name) as Node | undefined
    const desired = nodeObject(facts, api.now(), previous)
    // A new node keeps the status it registers with (the API server's create strategy for nodes).
    if (!previous) return api.create(desired) as Node
    const updated = api.update({...desired, metadata: {...desired.metadata, resourceVersion: undefined}})
    return api.update({...updated, status: desired.status}, {subresource: 'status'}) as Node
  })
}

/**
 * The kubelet's periodic node status: one status write renewing the Ready condition's heartbeat (Kubernetes
 * renews a Lease for this; Tugboat keeps the heartbeat on the node, one write either way). Registers the node
 * again if it was deleted meanwhile.
 */
export function heartbeat(api: ApiServer, facts: NodeFacts): Node {
  return api.store.transaction(() => {
    const previous = api.find(NODE, '', facts.name) as Node | undefined
    if (!previous) return registerNode(api, facts)
    const desired = nodeObject(facts, api.now(), previous)
    return api.update({...previous, status: desired.status}, {subresource: 'status'}) as Node
  })
}
