/**
 * `tug describe node` (describe.go describeNode, kubectl 1.32). Tugboat keeps no Lease objects: the Lease
 * section reports the node as its own holder, renewed at its Ready condition's last heartbeat.
 */
import type {KubeEvent, KubeObject, Node, Pod} from '../../../core/api/types.js'
import {nodeRoles} from '../columns/nodes.js'
import {printEvents} from './events.js'
import {printAnnotations, printLabels, printTaints} from './metadata.js'
import {printNodeResources} from './node-resources.js'
import {tabbedString, type DescribeWriter} from './prefix-writer.js'
import {formatResource} from './resources.js'
import {formatRFC1123Z} from './time.js'

/** The describe text of a node; `pods` are candidates, those bound to it and not finished are listed. */
export function describeNode(
  node: Node,
  events: readonly KubeEvent[],
  pods: readonly KubeObject[],
  now: Date,
): string {
  return tabbedString((writer) => {
    const name = node.metadata.name ?? ''
    writer.write(0, `Name:\t${name}\n`)
    writer.write(0, `Roles:\t${nodeRoles(node).join(',') || '<none>'}\n`)
    printLabels(writer, 'Labels', node.metadata.labels)
    printAnnotations(writer, 'Annotations', node.metadata.annotations)
    writer.write(0, `CreationTimestamp:\t${formatRFC1123Z(node.metadata.creationTimestamp)}\n`)
    printTaints(writer, 'Taints', node.spec?.taints)
    writer.write(0, `Unschedulable:\t${node.spec?.unschedulable ?? false}\n`)
    printLease(writer, node)
    printConditions(writer, node)
    printStatusLists(writer, node)
    if (node.spec?.podCIDR) writer.write(0, `PodCIDR:\t${node.spec.podCIDR}\n`)
    const running = (pods as readonly Pod[]).filter(
      (pod) =>
        pod.spec.nodeName === name && pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed',
    )
    printNodeResources(writer, node, running, now)
    printEvents(writer, events, now)
  })
}

function printLease(writer: DescribeWriter, node: Node): void {
  const heartbeat = node.status?.conditions?.find(
    (condition) => condition.type === 'Ready',
  )?.lastHeartbeatTime
  writer.write(0, 'Lease:\n')
  writer.write(1, `HolderIdentity:\t${node.metadata.name ?? ''}\n`)
  writer.write(1, 'AcquireTime:\t<unset>\n')
  writer.write(1, `RenewTime:\t${heartbeat ? formatRFC1123Z(heartbeat) : '<unset>'}\n`)
}

function printConditions(writer: DescribeWriter, node: Node): void {
  const conditions = node.status?.conditions ?? []
  if (conditions.length === 0) return
  writer.write(0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n')
  writer.write(1, '----\t------\t-----------------\t------------------\t------\t-------\n')
  for (const condition of conditions) {
    const times = `${formatRFC1123Z(condition.lastHeartbeatTime)} \t${formatRFC1123Z(condition.lastTransitionTime)} `
    writer.write(
      1,
      `${condition.type} \t${condition.status} \t${times}\t${condition.reason ?? ''} \t${condition.message ?? ''}\n`,
    )
  }
}

/** Addresses, Capacity, Allocatable and System Info. */
function printStatusLists(writer: DescribeWriter, node: Node): void {
  writer.write(0, 'Addresses:\n')
  for (const address of node.status?.addresses ?? [])
    writer.write(1, `${address.type}:\t${address.address}\n`)
  for (const [title, list] of [
    ['Capacity', node.status?.capacity],
    ['Allocatable', node.status?.allocatable],
  ] as const) {
    const names = Object.keys(list ?? {}).sort()
    if (names.length === 0) continue
    writer.write(0, `${title}:\n`)
    for (const resource of names) writer.write(0, `  ${resource}:\t${formatResource(list?.[resource])}\n`)
  }
  const info: Record<string, string | undefined> = node.status?.nodeInfo ?? {}
  writer.write(0, 'System Info:\n')
  for (const [label, key] of [
    ['Machine ID', 'machineID'],
    ['System UUID', 'systemUUID'],
    ['Boot ID', 'bootID'],
    ['Kernel Version', 'kernelVersion'],
    ['OS Image', 'osImage'],
    ['Operating System', 'operatingSystem'],
    ['Architecture', 'architecture'],
    ['Container Runtime Version', 'containerRuntimeVersion'],
    ['Kubelet Version', 'kubeletVersion'],
    ['Kube-Proxy Version', 'kubeProxyVersion'],
  ] as const) {
    writer.write(0, `  ${label}:\t${info[key] ?? ''}\n`)
  }
}
