/**
 * What the service proxy should do for one Service, as a pure function of the Service and its Endpoints
 * (kube-proxy's ServicePortName and endpoints maps): one rule per TCP node port, forwarding to the ready
 * addresses of the Endpoints port of the same name, each reached through the port its pod publishes on the
 * host (the endpoint host ports the endpoints controller records). Not-ready addresses never get traffic.
 */
import type {Endpoints, Service, ServicePort} from '../api/types.js'
import type {EndpointHostPort} from '../controllers/endpoints/endpoint-host-ports.js'
import {readEndpointHostPorts} from '../controllers/endpoints/endpoint-host-ports.js'

/** One place a connection can go: a ready endpoint, reached on the host. */
export interface ProxyTarget {
  /** The endpoint as the Endpoints object lists it, `10.88.0.5:8080`. */
  endpoint: string
  host: string
  port: number
}

/** One node port and where its connections go. */
export interface NodePortRule {
  /** kube-proxy's ServicePortName: `default/web`, or `default/web:http` for a named port. */
  name: string
  nodePort: number
  targets: ProxyTarget[]
  /** Ready endpoints whose pod has not published the port on the host (yet): they get no traffic. */
  unpublished: number
}

/** A Service port the proxy leaves alone, and why. */
export interface SkippedPort {
  name: string
  reason: string
}

/** The rules of a Service (none unless it is a NodePort or LoadBalancer Service) and the ports it skips. */
export function nodePortRules(
  service: Service,
  endpoints: Endpoints | undefined,
): {rules: NodePortRule[]; skipped: SkippedPort[]} {
  const rules: NodePortRule[] = []
  const skipped: SkippedPort[] = []
  if (service.spec.type !== 'NodePort' && service.spec.type !== 'LoadBalancer') return {rules, skipped}
  const published = endpoints ? readEndpointHostPorts(endpoints) : []
  for (const port of service.spec.ports ?? []) {
    if (!port.nodePort) continue
    const name = servicePortName(service, port)
    const protocol = port.protocol ?? 'TCP'
    if (protocol !== 'TCP') {
      skipped.push({name, reason: `${protocol} node ports are not proxied, only TCP`})
      continue
    }
    rules.push({name, nodePort: port.nodePort, ...targetsOf(port, endpoints, published)})
  }
  return {rules, skipped}
}

/** `default/web` or `default/web:http` (proxy.ServicePortName.String). */
export function servicePortName(service: Service, port: ServicePort): string {
  const base = `${service.metadata.namespace ?? 'default'}/${service.metadata.name ?? ''}`
  return port.name ? `${base}:${port.name}` : base
}

/** The ready addresses of the Endpoints port named like the Service port, in the Endpoints' order. */
function targetsOf(
  port: ServicePort,
  endpoints: Endpoints | undefined,
  published: readonly EndpointHostPort[],
): {targets: ProxyTarget[]; unpublished: number} {
  const targets: ProxyTarget[] = []
  let unpublished = 0
  for (const subset of endpoints?.subsets ?? []) {
    const endpointPort = subset.ports?.find(
      (candidate) =>
        (candidate.name ?? '') === (port.name ?? '') &&
        (candidate.protocol ?? 'TCP') === (port.protocol ?? 'TCP'),
    )
    if (!endpointPort) continue
    for (const address of subset.addresses ?? []) {
      const entry = published.find(
        (candidate) =>
          candidate.ip === address.ip &&
          candidate.port === endpointPort.port &&
          candidate.protocol === (endpointPort.protocol ?? 'TCP'),
      )
      if (!entry) unpublished++
      else
        targets.push({
          endpoint: joinHostPort(address.ip, endpointPort.port),
          host: hostAddress(entry.hostIP),
          port: entry.hostPort,
        })
    }
  }
  return {targets, unpublished}
}

/** A port published on every address is reached through the host's loopback. */
function hostAddress(hostIP: string): string {
  return !hostIP || hostIP === '0.0.0.0' || hostIP === '::' ? '127.0.0.1' : hostIP
}

function joinHostPort(ip: string, port: number): string {
  return ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`
}
