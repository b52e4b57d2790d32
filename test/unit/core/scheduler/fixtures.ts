/** Nodes and pods for the scheduler's tests, shaped as the API server stores them. */
import type {Container, Node, Pod, PodSpec, Taint} from '../../../../src/core/api/types.js'
import type {NodeInfo} from '../../../../src/core/scheduler/node-info.js'
import {nodeInfo} from '../../../../src/core/scheduler/node-info.js'

/** What a test node looks like. */
export interface NodeOptions {
  cpu?: string
  memory?: string
  pods?: string
  labels?: Record<string, string>
  taints?: Taint[]
  unschedulable?: boolean
  /** The Ready condition's status; `missing` leaves the condition out. */
  ready?: 'True' | 'False' | 'Unknown' | 'missing'
}

/** A Ready node with 4 cpu, 8Gi and room for 110 pods unless told otherwise. */
export function node(name: string, options: NodeOptions = {}): Node {
  const allocatable = {cpu: options.cpu ?? '4', memory: options.memory ?? '8Gi', pods: options.pods ?? '110'}
  const ready = options.ready ?? 'True'
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {name, labels: {'kubernetes.io/hostname': name, ...options.labels}},
    spec: {
      ...(options.taints ? {taints: options.taints} : {}),
      ...(options.unschedulable ? {unschedulable: true} : {}),
    },
    status: {
      capacity: allocatable,
      allocatable,
      conditions: ready === 'missing' ? [] : [{type: 'Ready', status: ready}],
    },
  }
}

/** What a test pod asks for. */
export interface PodOptions {
  cpu?: string
  memory?: string
  spec?: Partial<PodSpec>
  container?: Partial<Container>
  owner?: string
  nodeName?: string
  phase?: 'Pending' | 'Running' | 'Succeeded' | 'Failed'
  namespace?: string
  deleting?: boolean
}

/** A pod in `default` with one container requesting what the options say. */
export function pod(name: string, options: PodOptions = {}): Pod {
  const requests = {
    ...(options.cpu ? {cpu: options.cpu} : {}),
    ...(options.memory ? {memory: options.memory} : {}),
  }
  const container: Container = {
    name: 'app',
    image: 'tugboat/demo:v1',
    ...(Object.keys(requests).length ? {resources: {requests}} : {}),
    ...options.container,
  }
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: options.namespace ?? 'default',
      ...(options.owner ? {ownerReferences: [ownerRef(options.owner)]} : {}),
      ...(options.deleting ? {deletionTimestamp: '2024-05-14T12:00:00Z'} : {}),
    },
    spec: {
      containers: [container],
      ...(options.nodeName ? {nodeName: options.nodeName} : {}),
      ...options.spec,
    },
    status: {phase: options.phase ?? 'Pending'},
  }
}

/** A controller ownerReference to the ReplicaSet `name` (uid derived from the name). */
export function ownerRef(name: string) {
  return {apiVersion: 'apps/v1', kind: 'ReplicaSet', name, uid: `uid-${name}`, controller: true}
}

/** The NodeInfo of a node running `pods` (bound to it). */
export function info(n: Node, pods: Pod[] = []): NodeInfo {
  return nodeInfo(
    n,
    pods.map((p) => ({...p, spec: {...p.spec, nodeName: n.metadata.name}})),
  )
}

/** The control-plane taint kubeadm puts on control-plane nodes. */
export const CONTROL_PLANE_TAINT: Taint = {key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule'}
