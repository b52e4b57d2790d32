/**
 * Endpoints' canonical layout (k8s@1.28 pkg/api/v1/endpoints/util.go RepackSubsets): the controller first
 * lists one (address, port) pair at a time, then finds for each port the addresses that offer it, and puts
 * ports offered by the very same addresses into one subset, so equal sets of endpoints always produce equal
 * objects and an unchanged set writes nothing. E.g. pods a and b serving http:8080 and metrics:9090, and pod
 * c serving only http:8080, give two subsets: {a, b, c} x {http:8080} and {a, b} x {metrics:9090}.
 */
import type {EndpointAddress, EndpointPort, EndpointSubset} from '../../api/types.js'
import {compareStrings} from '../../api/selector-requirement.js'

/** One address offering one port (none: a headless Service without ports), ready or not. */
export interface EndpointEntry {
  address: EndpointAddress
  ready: boolean
  port?: EndpointPort
}

/** The subsets of a list of entries, sorted. */
export function repackSubsets(entries: readonly EndpointEntry[]): EndpointSubset[] {
  // First each port and the addresses that offer it (RepackSubsets' portToAddrReadyMap).
  const byPort = new Map<string, {port?: EndpointPort; addresses: Map<string, EndpointEntry>}>()
  for (const entry of entries) {
    const portKey = entry.port ? JSON.stringify(portFields(entry.port)) : ''
    const group = byPort.get(portKey) ?? {port: entry.port, addresses: new Map()}
    group.addresses.set(addressKey(entry.address), entry)
    byPort.set(portKey, group)
  }
  // Then each set of addresses and the ports they all offer.
  const bySet = new Map<string, {addresses: EndpointEntry[]; ports: EndpointPort[]}>()
  for (const {port, addresses} of byPort.values()) {
    const members = [...addresses.values()]
    const setKey = members
      .map((member) => `${addressKey(member.address)}/${member.ready}`)
      .sort()
      .join(',')
    const subset = bySet.get(setKey) ?? {addresses: members, ports: []}
    if (port) subset.ports.push(port)
    bySet.set(setKey, subset)
  }
  return [...bySet.values()].map(toSubset).sort(compareSubsets)
}

function toSubset(group: {addresses: EndpointEntry[]; ports: EndpointPort[]}): EndpointSubset {
  const ready = group.addresses.filter((entry) => entry.ready).map((entry) => entry.address)
  const notReady = group.addresses.filter((entry) => !entry.ready).map((entry) => entry.address)
  return {
    ...(ready.length ? {addresses: ready.sort(compareAddresses)} : {}),
    ...(notReady.length ? {notReadyAddresses: notReady.sort(compareAddresses)} : {}),
    ...(group.ports.length ? {ports: group.ports.sort(comparePorts)} : {}),
  }
}

/** addressKey: the IP and, for a pod, its uid. */
function addressKey(address: EndpointAddress): string {
  return `${address.ip}/${address.targetRef?.uid ?? ''}`
}

function portFields(port: EndpointPort): [string, number, string] {
  return [port.name ?? '', port.port, port.protocol ?? 'TCP']
}

/** LessEndpointAddress: by IP as a string, then by the pod's uid. */
function compareAddresses(a: EndpointAddress, b: EndpointAddress): number {
  return compareStrings(a.ip, b.ip) || compareStrings(a.targetRef?.uid ?? '', b.targetRef?.uid ?? '')
}

/**
 * Kubernetes orders ports and subsets by a hash of their contents, which only needs to be stable; Tugboat
 * orders them by name and number, and subsets by their first address, which is stable and easier to read.
 */
function comparePorts(a: EndpointPort, b: EndpointPort): number {
  const [left, right] = [portFields(a), portFields(b)]
  return compareStrings(left[0], right[0]) || left[1] - right[1] || compareStrings(left[2], right[2])
}

function compareSubsets(a: EndpointSubset, b: EndpointSubset): number {
  const first = (subset: EndpointSubset) => subset.addresses?.[0] ?? subset.notReadyAddresses?.[0]
  const [left, right] = [first(a), first(b)]
  if (!left || !right) return left ? -1 : right ? 1 : 0
  return compareAddresses(left, right) || compareStrings(JSON.stringify(a.ports), JSON.stringify(b.ports))
}
