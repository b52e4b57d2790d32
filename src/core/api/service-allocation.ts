/**
 * The API server's allocators for Services: a cluster IP from the service CIDR and node ports from
 * 30000-32767, each unique in the cluster, as kube-apiserver's service REST storage does on create/update.
 */
import {InvalidError} from './errors.js'
import type {FieldError} from './field.js'
import {invalid} from './field.js'
import type {Service, StoredObject} from './types.js'

/** Kubernetes' default service CIDR, 10.96.0.0/12. */
const CIDR_BASE = (10 << 24) | (96 << 16)
const CIDR_SIZE = 1 << 20
/** .1 is the `kubernetes` service and .10 kube-dns in a real cluster: kept free so addresses look familiar. */
const RESERVED_OFFSETS = new Set([0, 1, 10, CIDR_SIZE - 1])
/** The default --service-node-port-range. */
export const NODE_PORT_MIN = 30000
export const NODE_PORT_MAX = 32767

function ipToOffset(ip: string): number | undefined {
  const parts = ip.split('.').map(Number)
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) return undefined
  const value = ((parts[0]! << 24) | (parts[1]! << 16) | (parts[2]! << 8) | parts[3]!) >>> 0
  const offset = value - (CIDR_BASE >>> 0)
  return offset >= 0 && offset < CIDR_SIZE ? offset : undefined
}

function offsetToIp(offset: number): string {
  const value = (CIDR_BASE >>> 0) + offset
  return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join('.')
}

/**
 * Fills in spec.clusterIP(s) and missing nodePorts of `service` (mutating it), keeping what `live` already
 * holds, and refuses addresses or ports another Service has. `others` are the cluster's other Services.
 */
export function allocateServiceAddresses(
  service: Service,
  live: Service | undefined,
  others: readonly StoredObject[],
  random: () => number,
): void {
  const errors: FieldError[] = []
  const spec = service.spec
  const takenIps = new Set(others.map((other) => (other as Service).spec.clusterIP).filter(Boolean))
  spec.clusterIP ||= live?.spec.clusterIP
  if (!spec.clusterIP)
    spec.clusterIP = pickFree(
      CIDR_SIZE,
      random,
      (offset) => !RESERVED_OFFSETS.has(offset) && !takenIps.has(offsetToIp(offset)),
      offsetToIp,
    )
  else if (spec.clusterIP !== 'None' && spec.clusterIP !== live?.spec.clusterIP) {
    if (ipToOffset(spec.clusterIP) === undefined)
      errors.push(
        invalid(
          'spec.clusterIPs',
          [spec.clusterIP],
          'failed to allocate IP ' +
            spec.clusterIP +
            ': the provided IP (' +
            spec.clusterIP +
            ') is not in the valid range. The range of valid IPs is 10.96.0.0/12',
        ),
      )
    else if (takenIps.has(spec.clusterIP))
      errors.push(
        invalid(
          'spec.clusterIPs',
          [spec.clusterIP],
          `failed to allocate IP ${spec.clusterIP}: provided IP is already allocated`,
        ),
      )
  }
  spec.clusterIPs = [spec.clusterIP]
  spec.ipFamilies ??= ['IPv4']
  spec.ipFamilyPolicy ??= 'SingleStack'
  if (spec.type === 'NodePort' || spec.type === 'LoadBalancer')
    allocateNodePorts(service, live, others, random, errors)
  if (errors.length) throw new InvalidError('Service', service.metadata.name ?? '', errors)
}

function allocateNodePorts(
  service: Service,
  live: Service | undefined,
  others: readonly StoredObject[],
  random: () => number,
  errors: FieldError[],
): void {
  const taken = new Set(
    others.flatMap((other) =>
      ((other as Service).spec.ports ?? []).map((port) => port.nodePort).filter((port) => port !== undefined),
    ),
  )
  const ports = service.spec.ports ?? []
  ports.forEach((port, index) => {
    const previous = live?.spec.ports?.find(
      (candidate) => candidate.port === port.port && candidate.protocol === port.protocol,
    )?.nodePort
    if (port.nodePort === undefined && previous !== undefined) port.nodePort = previous
    if (port.nodePort === undefined) {
      port.nodePort = pickFree(
        NODE_PORT_MAX - NODE_PORT_MIN + 1,
        random,
        (offset) => !taken.has(NODE_PORT_MIN + offset),
        (offset) => NODE_PORT_MIN + offset,
      )
    } else if (taken.has(port.nodePort) && port.nodePort !== previous) {
      errors.push(
        invalid(`spec.ports[${index}].nodePort`, port.nodePort, 'provided port is already allocated'),
      )
    }
    taken.add(port.nodePort)
  })
}

/** A random free slot, then a linear scan from it, like the API server's bitmap allocator. */
function pickFree<T>(
  size: number,
  random: () => number,
  free: (offset: number) => boolean,
  toValue: (offset: number) => T,
): T {
  const start = Math.floor(random() * size)
  for (let i = 0; i < size; i++) {
    const offset = (start + i) % size
    if (free(offset)) return toValue(offset)
  }
  throw new InvalidError('Service', '', [
    invalid('spec', null, 'range is full: no addresses or ports left to allocate'),
  ])
}
