/**
 * `kubectl get nodes`: NAME STATUS ROLES AGE VERSION
 * [INTERNAL-IP EXTERNAL-IP OS-IMAGE KERNEL-VERSION CONTAINER-RUNTIME].
 */
import type {KubeObject, Node} from '../../../core/api/types.js'
import {formatAge} from '../age.js'
import type {KindColumns} from './types.js'

const ROLE_LABEL_PREFIX = 'node-role.kubernetes.io/'
const LEGACY_ROLE_LABEL = 'kubernetes.io/role'

/** Nodes' columns and cells (printers.go printNode). */
export const nodeColumns: KindColumns = {
  columns: [
    {name: 'NAME', priority: 0, isName: true},
    {name: 'STATUS', priority: 0},
    {name: 'ROLES', priority: 0},
    {name: 'AGE', priority: 0},
    {name: 'VERSION', priority: 0},
    {name: 'INTERNAL-IP', priority: 1},
    {name: 'EXTERNAL-IP', priority: 1},
    {name: 'OS-IMAGE', priority: 1},
    {name: 'KERNEL-VERSION', priority: 1},
    {name: 'CONTAINER-RUNTIME', priority: 1},
  ],
  cells(object: KubeObject, now: Date): string[] {
    const node = object as Node
    const info = node.status?.nodeInfo ?? {}
    return [
      node.metadata.name ?? '',
      nodeStatus(node),
      nodeRoles(node).join(',') || '<none>',
      formatAge(node.metadata.creationTimestamp ?? undefined, now),
      info.kubeletVersion ?? '',
      nodeAddress(node, 'InternalIP'),
      nodeAddress(node, 'ExternalIP'),
      info.osImage || '<unknown>',
      info.kernelVersion || '<unknown>',
      info.containerRuntimeVersion || '<unknown>',
    ]
  },
}

/** `Ready`, `NotReady` (Ready is False or Unknown), `Unknown` (no Ready condition), `+,SchedulingDisabled`. */
export function nodeStatus(node: Node): string {
  const ready = node.status?.conditions?.find((condition) => condition.type === 'Ready')
  const states = [ready ? (ready.status === 'True' ? 'Ready' : 'NotReady') : 'Unknown']
  if (node.spec?.unschedulable) states.push('SchedulingDisabled')
  return states.join(',')
}

/** Sorted roles from `node-role.kubernetes.io/<role>` keys and the legacy `kubernetes.io/role=<role>` label. */
export function nodeRoles(node: Node): string[] {
  const roles = new Set<string>()
  for (const [key, value] of Object.entries(node.metadata.labels ?? {})) {
    if (key.startsWith(ROLE_LABEL_PREFIX) && key.length > ROLE_LABEL_PREFIX.length)
      roles.add(key.slice(ROLE_LABEL_PREFIX.length))
    else if (key === LEGACY_ROLE_LABEL && value !== '') roles.add(value)
  }
  return [...roles].sort()
}

function nodeAddress(node: Node, type: string): string {
  return node.status?.addresses?.find((address) => address.type === type)?.address ?? '<none>'
}
