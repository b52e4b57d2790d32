/**
 * What a Service's Endpoints should hold (k8s@1.28 pkg/controller/endpoint/endpoints_controller.go
 * syncService), as a pure function of the Service and the pods its selector matches: each pod that has an IP,
 * has not finished and is not being deleted is listed once per Service port, under `addresses` when Ready and
 * `notReadyAddresses` otherwise, with the Service port's name and the pod's resolved target port.
 */
import type {EndpointAddress, EndpointPort, Pod, Service, ServicePort} from '../../api/types.js'
import {readHostPorts} from '../../kubelet/host-ports.js'
import {isPodReady} from '../replicaset/pod-readiness.js'
import type {EndpointHostPort} from './endpoint-host-ports.js'
import type {EndpointEntry} from './repack.js'
import {repackSubsets} from './repack.js'

/** The label the controller puts on the Endpoints of a headless Service (v1.IsHeadlessService). */
export const HEADLESS_LABEL = 'service.kubernetes.io/headless'

/** The desired content of one Endpoints object. */
export interface DesiredEndpoints {
  subsets: ReturnType<typeof repackSubsets>
  labels: Record<string, string>
  /** Where the host reaches each ready address and port. */
  hostPorts: EndpointHostPort[]
  /** Pods listed as ready, and as not ready. */
  ready: number
  notReady: number
}

/** The Endpoints a Service with a selector should have, given the pods in its namespace that it selects. */
export function desiredEndpoints(service: Service, selected: readonly Pod[]): DesiredEndpoints {
  const publishNotReady = service.spec.publishNotReadyAddresses === true
  const headless = service.spec.clusterIP === 'None'
  const ports = service.spec.ports ?? []
  const entries: EndpointEntry[] = []
  const hostPorts: EndpointHostPort[] = []
  let ready = 0
  let notReady = 0
  for (const pod of selected) {
    if (!shouldPodBeInEndpoints(pod, publishNotReady)) continue
    const address = endpointAddress(service, pod)
    const isReady = publishNotReady || isPodReady(pod)
    if (isReady) ready++
    else notReady++
    // A headless Service may have no ports: its pods are listed bare.
    if (ports.length === 0 && headless) entries.push({address, ready: isReady})
    for (const servicePort of ports) {
      const port = endpointPort(pod, servicePort)
      if (!port) continue
      entries.push({address, ready: isReady, port})
      if (isReady) hostPorts.push(...publishedPorts(pod, address.ip, port))
    }
  }
  const labels = {...(service.metadata.labels ?? {})}
  if (headless) labels[HEADLESS_LABEL] = ''
  return {subsets: repackSubsets(entries), labels, hostPorts, ready, notReady}
}

/**
 * ShouldPodBeInEndpoints (pkg/controller/util/endpoint): not finished, has an IP, and not being deleted
 * unless the Service publishes not-ready addresses.
 */
export function shouldPodBeInEndpoints(pod: Pod, includeTerminating: boolean): boolean {
  const phase = pod.status?.phase
  if (phase === 'Succeeded' || phase === 'Failed') return false
  if (!pod.status?.podIP && !pod.status?.podIPs?.length) return false
  return includeTerminating || !pod.metadata.deletionTimestamp
}

/** podToEndpointAddressForService: the pod's IP, node and identity (and hostname when it asks for one). */
function endpointAddress(service: Service, pod: Pod): EndpointAddress {
  const spec = pod.spec as Pod['spec'] & {subdomain?: string}
  const namespace = pod.metadata.namespace ?? 'default'
  // ShouldSetHostname: a pod whose subdomain is this Service's name gets a DNS name under it.
  const hostname =
    spec.hostname && spec.subdomain === service.metadata.name && namespace === service.metadata.namespace
      ? spec.hostname
      : undefined
  return {
    ip: pod.status?.podIP || pod.status?.podIPs?.[0]?.ip || '',
    ...(hostname ? {hostname} : {}),
    ...(spec.nodeName ? {nodeName: spec.nodeName} : {}),
    targetRef: {kind: 'Pod', namespace, name: pod.metadata.name ?? '', uid: pod.metadata.uid ?? ''},
  }
}

/** The Service port as the pod serves it, or undefined when a named target port is not among its ports. */
function endpointPort(pod: Pod, servicePort: ServicePort): EndpointPort | undefined {
  const protocol = servicePort.protocol ?? 'TCP'
  const number = findPort(pod, servicePort.targetPort ?? servicePort.port, protocol)
  if (number === undefined) return undefined
  return {...(servicePort.name ? {name: servicePort.name} : {}), port: number, protocol}
}

/**
 * podutil.FindPort: a number is itself; a name is the containerPort of the container port of that name
 * and protocol. E.g. targetPort `http` with a container port {name: http, containerPort: 8080} is 8080.
 */
export function findPort(pod: Pod, target: number | string, protocol: string): number | undefined {
  if (typeof target === 'number') return target
  if (/^\d+$/.test(target)) return Number(target)
  for (const container of pod.spec.containers)
    for (const port of container.ports ?? [])
      if (port.name === target && (port.protocol ?? 'TCP') === protocol) return port.containerPort
  return undefined
}

/** The kubelet's record of where the pod's port is published on the host (kubelet/host-ports.ts). */
function publishedPorts(pod: Pod, ip: string, port: EndpointPort): EndpointHostPort[] {
  const protocol = port.protocol ?? 'TCP'
  const published = readHostPorts(pod).find(
    (candidate) => candidate.containerPort === port.port && candidate.protocol === protocol,
  )
  if (!published) return []
  return [{ip, port: port.port, protocol, hostIP: published.hostIP, hostPort: published.hostPort}]
}
