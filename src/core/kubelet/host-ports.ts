/**
 * Where the host reaches a pod. Every containerPort is published on 127.0.0.1 with a host port the engine
 * picks, so the same address works on Linux, macOS and Windows. The kubelet records the mapping in the pod's
 * annotation `tugboat.io/host-ports` (JSON, e.g. `[{"containerPort":8080,"protocol":"TCP","hostIP":"127.0.0.1",
 * "hostPort":32768}]`): status has no field for it in v1, and an annotation keeps `tug get pod -o yaml`
 * readable by any Kubernetes client. The service proxy and the probes read it back with hostPortFor.
 */
import type {KubeObject, Pod} from '../api/types.js'
import type {ContainerInfo} from '../runtime/container-runtime.js'

/** The annotation that carries a pod's host ports. */
export const HOST_PORTS_ANNOTATION = 'tugboat.io/host-ports'

/** One published port of a pod. */
export interface HostPort {
  containerPort: number
  protocol: 'TCP' | 'UDP'
  hostIP: string
  hostPort: number
}

/** The host ports published by a pod's infra container, in port order. */
export function hostPortsOf(infra: ContainerInfo | undefined): HostPort[] {
  return (infra?.ports ?? [])
    .map((port) => ({
      containerPort: port.containerPort,
      protocol: port.protocol === 'udp' ? ('UDP' as const) : ('TCP' as const),
      hostIP: port.hostIp || '127.0.0.1',
      hostPort: port.hostPort,
    }))
    .sort((a, b) => a.containerPort - b.containerPort || a.protocol.localeCompare(b.protocol))
}

/** The annotation's value. */
export function formatHostPorts(ports: readonly HostPort[]): string {
  return JSON.stringify(ports)
}

/** The host ports recorded on a pod (none when absent or unreadable). */
export function readHostPorts(pod: KubeObject): HostPort[] {
  const text = pod.metadata.annotations?.[HOST_PORTS_ANNOTATION]
  if (!text) return []
  try {
    const parsed: unknown = JSON.parse(text)
    return Array.isArray(parsed) ? (parsed as HostPort[]) : []
  } catch {
    return []
  }
}

/** The host port behind a pod's port, by number or by a container port's name. */
export function hostPortFor(
  pod: Pod,
  port: number | string,
  protocol: 'TCP' | 'UDP' = 'TCP',
): number | undefined {
  const containerPort = resolvePort(pod, port)
  return readHostPorts(pod).find((p) => p.containerPort === containerPort && p.protocol === protocol)
    ?.hostPort
}

/** A named port (`http`) resolves through the containers' ports; a number is itself. */
export function resolvePort(pod: Pod, port: number | string): number | undefined {
  if (typeof port === 'number') return port
  if (/^\d+$/.test(port)) return Number(port)
  for (const container of pod.spec.containers)
    for (const p of container.ports ?? []) if (p.name === port) return p.containerPort
  return undefined
}
