/** Nodes and pods for the node-command tests: Node objects as a kubelet registers them, pods bound to them. */
import type {ApiServer} from '../../../../src/core/api/api-server.js'
import {mustTypeForKind} from '../../../../src/core/api/resources.js'
import type {Node, Pod} from '../../../../src/core/api/types.js'
import {nodeObject} from '../../../../src/core/control-plane/node-registration.js'

/** A registered, Ready node. */
export function testNode(name: string, labels: Record<string, string> = {}): Node {
  return nodeObject(
    {
      name,
      cpus: 2,
      memoryBytes: 4 * 1024 ** 3,
      maxPods: 110,
      kernelVersion: '6.1.0',
      osImage: 'Debian GNU/Linux 12 (bookworm)',
      architecture: 'amd64',
      runtime: {engine: 'fake', version: '1.0', runtimeVersion: 'fake://1.0'},
      labels,
    },
    new Date('2024-05-14T11:54:50Z'),
  )
}

/** How a test pod is made. */
export interface PodShape {
  namespace?: string
  /** The kind of its controller, if any. */
  owner?: 'ReplicaSet' | 'ReplicationController' | 'DaemonSet'
  emptyDir?: boolean
  mirror?: boolean
  phase?: 'Succeeded' | 'Failed'
  deleting?: string
  labels?: Record<string, string>
}

/** A pod bound to `node`. */
export function testPod(name: string, node: string, shape: PodShape = {}): Pod {
  const owner = shape.owner && {
    apiVersion: shape.owner === 'ReplicationController' ? 'v1' : 'apps/v1',
    kind: shape.owner,
    name: 'owner',
    uid: '11111111-1111-4111-8111-111111111111',
    controller: true,
    blockOwnerDeletion: true,
  }
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: shape.namespace ?? 'default',
      ...(shape.labels ? {labels: shape.labels} : {}),
      ...(owner ? {ownerReferences: [owner]} : {}),
      ...(shape.mirror ? {annotations: {'kubernetes.io/config.mirror': 'abc'}} : {}),
      ...(shape.deleting ? {deletionTimestamp: shape.deleting, deletionGracePeriodSeconds: 30} : {}),
    },
    spec: {
      nodeName: node,
      containers: [{name: 'web', image: 'nginx'}],
      ...(shape.emptyDir ? {volumes: [{name: 'cache', emptyDir: {}}]} : {}),
    },
    status: shape.phase ? {phase: shape.phase} : {phase: 'Running'},
  }
}

const POD = mustTypeForKind('Pod')

/** Creates the pod through the API server, with its phase and (if asked) its deletion as the shape says. */
export function createPod(api: ApiServer, pod: Pod): Pod {
  const {deletionTimestamp: deleting, ...metadata} = pod.metadata
  const created = api.create({...pod, metadata: {...metadata, deletionGracePeriodSeconds: undefined}})
  const withStatus = api.update({...created, status: pod.status}, {subresource: 'status'})
  if (!deleting) return withStatus as Pod
  return api.delete(POD, withStatus.metadata.namespace ?? 'default', withStatus.metadata.name).object as Pod
}

/** Finishes the deletion of every Terminating pod, as the node's kubelet does once the containers stopped. */
export function finishTerminating(api: ApiServer): void {
  for (const pod of api.list(POD)) {
    if (pod.metadata.deletionTimestamp)
      api.delete(POD, pod.metadata.namespace ?? 'default', pod.metadata.name, {gracePeriodSeconds: 0})
  }
}
