/**
 * The `Endpoints:` line of describe service. kubectl reads the Endpoints object the endpoints controller keeps
 * and lists the ready addresses of the port's name (formatEndpoints). Before that controller has run (no
 * Endpoints object yet), Tugboat derives the same from the pods the service selects, with the controller's
 * rules: a pod counts once it has an IP and is neither finished nor being deleted; only ready pods are listed,
 * as `ip:targetPort`. No such pod: `<none>` (no subsets); such pods but none ready: an empty value.
 */
import type {Endpoints, KubeObject, Pod, Service, ServicePort} from '../../../core/api/types.js'
import {formatEndpointAddresses, joinHostPort} from '../endpoint-addresses.js'

/** kubectl lists this many addresses, then ` + N more...` (describe.go formatEndpoints). */
const MAX_LISTED = 3

/** The Endpoints value for one port of the service: from its Endpoints object, else from its pods. */
export function formatServiceEndpoints(
  service: Service,
  port: ServicePort,
  endpoints: Endpoints | undefined,
  candidates: readonly KubeObject[],
): string {
  if (endpoints) return formatEndpointAddresses(endpoints, new Set([port.name ?? '']))
  return endpointsFromPods(service, port, candidates)
}

function endpointsFromPods(service: Service, port: ServicePort, candidates: readonly KubeObject[]): string {
  if (!service.spec.selector || Object.keys(service.spec.selector).length === 0) return '<none>'
  const pods = (candidates as readonly Pod[]).filter(
    (pod) =>
      pod.status?.podIP &&
      !pod.metadata.deletionTimestamp &&
      pod.status.phase !== 'Succeeded' &&
      pod.status.phase !== 'Failed',
  )
  if (pods.length === 0) return '<none>'
  const addresses = pods
    .filter((pod) =>
      pod.status?.conditions?.some((condition) => condition.type === 'Ready' && condition.status === 'True'),
    )
    .flatMap((pod) => {
      const target = targetPort(pod, port)
      return target === undefined ? [] : [{ip: pod.status?.podIP ?? '', port: target}]
    })
    .sort((a, b) => (a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : 0))
    .map(({ip, port: number}) => joinHostPort(ip, number))
  const listed = addresses.slice(0, MAX_LISTED).join(',')
  return addresses.length > MAX_LISTED ? `${listed} + ${addresses.length - MAX_LISTED} more...` : listed
}

/** A number, or a named container port of the pod; the API server defaults targetPort to the port. */
function targetPort(pod: Pod, port: ServicePort): number | undefined {
  const target = port.targetPort ?? port.port
  if (typeof target === 'number') return target
  if (/^\d+$/.test(target)) return Number(target)
  const protocol = port.protocol ?? 'TCP'
  for (const container of pod.spec.containers) {
    const found = container.ports?.find(
      (candidate) => candidate.name === target && (candidate.protocol ?? 'TCP') === protocol,
    )
    if (found) return found.containerPort
  }
  return undefined
}
