/** `kubectl get services`: NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE [SELECTOR]. */
import type {KubeObject, Service} from '../../../core/api/types.js'
import {formatAge} from '../age.js'
import {mapSelectorCell} from './template-cells.js'
import type {KindColumns} from './types.js'

/** printers.go clips a LoadBalancer's addresses to this many bytes unless the output is wide. */
const LOAD_BALANCER_WIDTH = 16

/** Services' columns and cells (printers.go printService). */
export const serviceColumns: KindColumns = {
  columns: [
    {name: 'NAME', priority: 0, isName: true},
    {name: 'TYPE', priority: 0},
    {name: 'CLUSTER-IP', priority: 0},
    {name: 'EXTERNAL-IP', priority: 0},
    {name: 'PORT(S)', priority: 0},
    {name: 'AGE', priority: 0},
    {name: 'SELECTOR', priority: 1},
  ],
  cells(object: KubeObject, now: Date): string[] {
    const service = object as Service
    const clusterIP = service.spec.clusterIPs?.[0] || service.spec.clusterIP || '<none>'
    return [
      service.metadata.name ?? '',
      service.spec.type ?? '',
      clusterIP,
      externalIP(service, false),
      formatServicePorts(service) || '<none>',
      formatAge(service.metadata.creationTimestamp ?? undefined, now),
      mapSelectorCell(service.spec.selector),
    ]
  },
}

/** `80/TCP`, `80:30080/TCP`, comma-joined (printers.go makePortString). */
export function formatServicePorts(service: Service): string {
  return (service.spec.ports ?? [])
    .map((port) => {
      const protocol = port.protocol ?? 'TCP'
      return port.nodePort ? `${port.port}:${port.nodePort}/${protocol}` : `${port.port}/${protocol}`
    })
    .join(',')
}

/** EXTERNAL-IP by type (printers.go getServiceExternalIP); Tugboat has no spec.externalIPs. */
export function externalIP(service: Service, wide: boolean): string {
  switch (service.spec.type) {
    case 'ClusterIP':
    case 'NodePort':
      return '<none>'
    case 'LoadBalancer':
      return loadBalancerAddresses(service, wide) || '<pending>'
    case 'ExternalName':
      return service.spec.externalName ?? ''
    default:
      return '<unknown>'
  }
}

function loadBalancerAddresses(service: Service, wide: boolean): string {
  const ingress = service.status?.loadBalancer?.['ingress']
  const entries = Array.isArray(ingress) ? (ingress as {ip?: string; hostname?: string}[]) : []
  const addresses = [
    ...new Set(entries.map((entry) => entry.ip || entry.hostname || '').filter(Boolean)),
  ].sort()
  const joined = addresses.join(',')
  return !wide && joined.length > LOAD_BALANCER_WIDTH
    ? `${joined.slice(0, LOAD_BALANCER_WIDTH - 3)}...`
    : joined
}
