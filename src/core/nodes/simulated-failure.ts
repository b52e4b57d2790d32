/**
 * `tug node stop|start`: a node's machine failing and coming back. The command only records the wish on the
 * Node object, through the API server; the running control plane reads it and stops (or restarts) that
 * node's kubelet and heartbeat, and its containers. The node-lifecycle controller then sees the silence as
 * it would a real machine's, so NotReady, taints and evictions follow the usual path.
 */
import type {ApiServer} from '../api/api-server.js'
import {UserError} from '../api/errors.js'
import {cloneObject} from '../api/object-meta.js'
import type {KubeObject, Node} from '../api/types.js'
import {CONTROL_PLANE_ROLE} from '../control-plane/topology.js'
import type {NodeChange, NodeQuery} from './node-targets.js'
import {findNodes, writeNode} from './node-targets.js'

/** The annotation that records a simulated machine failure; `tug node start` removes it. */
export const SIMULATED_STATE_ANNOTATION = 'tugboat.dev/simulated-state'

/** The annotation's value for a stopped machine. */
export const SIMULATED_STOPPED = 'stopped'

/** Whether the node's machine is (simulated) stopped. */
export function isSimulatedStopped(node: Pick<KubeObject, 'metadata'>): boolean {
  return node.metadata.annotations?.[SIMULATED_STATE_ANNOTATION] === SIMULATED_STOPPED
}

/** Whether the node runs the control plane (kubeadm's role label). */
export function isControlPlaneNode(node: Pick<KubeObject, 'metadata'>): boolean {
  return node.metadata.labels?.[CONTROL_PLANE_ROLE] !== undefined
}

/** The node with the stopped mark set (true) or removed (false). */
export function withSimulatedState(node: Node, stopped: boolean): Node {
  const next = cloneObject(node)
  const annotations = {...next.metadata.annotations}
  if (stopped) annotations[SIMULATED_STATE_ANNOTATION] = SIMULATED_STOPPED
  else delete annotations[SIMULATED_STATE_ANNOTATION]
  next.metadata.annotations = annotations
  if (!Object.keys(annotations).length) delete next.metadata.annotations
  return next
}

/** Marks the nodes stopped; refuses (changing nothing) if any of them is the control-plane node. */
export function stopNodes(api: ApiServer, query: NodeQuery): NodeChange[] {
  return api.store.transaction(() => {
    const nodes = findNodes(api, query)
    const refused = nodes.find(isControlPlaneNode)
    if (refused) {
      throw new UserError(
        `cannot stop node "${refused.metadata.name}": it runs the control plane (label ${CONTROL_PLANE_ROLE})`,
        'stop a worker node instead; tug get nodes lists them',
      )
    }
    return nodes.map((node) => setState(api, node, true))
  })
}

/** Removes the stopped mark from the nodes. */
export function startNodes(api: ApiServer, query: NodeQuery): NodeChange[] {
  return api.store.transaction(() => findNodes(api, query).map((node) => setState(api, node, false)))
}

function setState(api: ApiServer, live: Node, stopped: boolean): NodeChange {
  if (isSimulatedStopped(live) === stopped) return {node: live, changed: false}
  return {node: writeNode(api, live, withSimulatedState(live, stopped), 'none'), changed: true}
}
