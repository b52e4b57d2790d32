/**
 * Where the host reaches each ready endpoint. A pod's IP lives on the engine's network, which the host cannot
 * always route to (Docker Desktop, podman machine); every container port is also published on 127.0.0.1 (see
 * kubelet/host-ports.ts). The endpoints controller copies those published ports onto the Endpoints object in
 * the annotation `tugboat.io/endpoint-host-ports` (JSON, e.g. `[{"ip":"10.88.0.5","port":8080,
 * "protocol":"TCP","hostIP":"127.0.0.1","hostPort":32768}]`) so the service proxy needs only Services and
 * Endpoints, as kube-proxy does. v1 Endpoints has no field for it, and strict decoding refuses extra fields.
 */
import type {Endpoints} from '../../api/types.js'
import {compareStrings} from '../../api/selector-requirement.js'

/** The annotation that carries the published ports of an Endpoints object's ready addresses. */
export const ENDPOINT_HOST_PORTS_ANNOTATION = 'tugboat.io/endpoint-host-ports'

/** One ready address and port (as listed in subsets) and where the host reaches it. */
export interface EndpointHostPort {
  ip: string
  port: number
  protocol: 'TCP' | 'UDP' | 'SCTP'
  hostIP: string
  hostPort: number
}

/** The annotation's value, sorted by address and port (each once) so equal sets read equal. */
export function formatEndpointHostPorts(entries: readonly EndpointHostPort[]): string {
  const unique = new Map(entries.map((entry) => [`${entry.ip}/${entry.port}/${entry.protocol}`, entry]))
  const sorted = [...unique.values()].sort(
    (a, b) =>
      compareStrings(a.ip, b.ip) ||
      a.port - b.port ||
      compareStrings(a.protocol, b.protocol) ||
      a.hostPort - b.hostPort,
  )
  return JSON.stringify(sorted)
}

/** The entries recorded on an Endpoints object (none when absent or unreadable). */
export function readEndpointHostPorts(endpoints: Endpoints): EndpointHostPort[] {
  const text = endpoints.metadata.annotations?.[ENDPOINT_HOST_PORTS_ANNOTATION]
  if (!text) return []
  try {
    const parsed: unknown = JSON.parse(text)
    return Array.isArray(parsed) ? (parsed as EndpointHostPort[]).filter(isEntry) : []
  } catch {
    return []
  }
}

function isEntry(entry: unknown): entry is EndpointHostPort {
  const candidate = entry as Partial<EndpointHostPort> | null
  return (
    typeof candidate?.ip === 'string' &&
    typeof candidate.port === 'number' &&
    typeof candidate.hostPort === 'number'
  )
}
