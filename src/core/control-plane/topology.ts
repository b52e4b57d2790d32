/**
 * The shape of a Tugboat cluster on one host: a control-plane node, tainted as kubeadm taints it so ordinary
 * pods land on the workers, and worker nodes named as the course's labs name them (node01, node02, ...).
 */
import type {Taint} from '../api/types.js'
import type {NodeFacts} from './node-registration.js'

/** The control-plane node's name, as in the course's labs. */
export const CONTROL_PLANE_NODE = 'controlplane'

/** The role label and taint kubeadm puts on a control-plane node. */
export const CONTROL_PLANE_ROLE = 'node-role.kubernetes.io/control-plane'

/** The taint that keeps ordinary pods off the control-plane node. */
export const CONTROL_PLANE_TAINT: Taint = {key: CONTROL_PLANE_ROLE, effect: 'NoSchedule'}

/** `count` worker names: node01, node02, ... */
export function workerNames(count: number): string[] {
  return Array.from({length: count}, (_, index) => `node${String(index + 1).padStart(2, '0')}`)
}

/** The control-plane node's facts: the host's, with its role label and taint. */
export function controlPlaneNodeFacts<T extends Omit<NodeFacts, 'runtime'>>(facts: T): T & {taints: Taint[]} {
  return {
    ...facts,
    labels: {...facts.labels, [CONTROL_PLANE_ROLE]: ''},
    taints: [CONTROL_PLANE_TAINT],
  }
}
