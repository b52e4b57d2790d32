/**
 * v1 Service (k8s@1.28 ValidateService, validateServicePort, ValidateServiceUpdate), plus the node port range
 * check of the API server's port allocator, which runs before anything is stored.
 */
import {isIP} from 'node:net'
import {externallyAccessible} from '../defaults/service.js'
import type {FieldError} from '../field.js'
import {duplicate, forbidden, invalid, notSupported, required} from '../field.js'
import {validateDNS1123Label, validateDNS1123Subdomain, validateLabels} from '../names.js'
import type {Service, ServicePort} from '../types.js'
import {goServicePortKey} from './go-value.js'
import {portNumberErrors, validatePortNumOrName, validateProtocol} from './ports.js'
import {oneOf} from './scalars.js'
import {indexed, isRecord, stringMap, text} from './shape.js'

/** kube-apiserver's default --service-node-port-range. */
export const NODE_PORT_RANGE = {min: 30000, max: 32767} as const
const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'] as const
const MAX_CLIENT_IP_AFFINITY_SECONDS = 86400

type ServiceSpec = Service['spec'] & {
  externalIPs?: unknown
  sessionAffinityConfig?: {clientIP?: {timeoutSeconds?: number}}
}

/** spec of a Service; `old` is the stored object on update. */
export function validateServiceSpec(service: Service, old?: Service): FieldError[] {
  const spec = service.spec as ServiceSpec
  const clusterIPs = clusterIPsOf(spec)
  const headless = clusterIPs[0] === 'None'
  const ports = indexed<ServicePort>(spec.ports)
  const errors: FieldError[] = []
  if (ports.length === 0 && !headless && spec.type !== 'ExternalName') errors.push(required('spec.ports', ''))
  errors.push(...validateTypeSpecifics(spec, clusterIPs))
  const names = new Set<string>()
  for (const [port, i] of ports)
    errors.push(...validateServicePort(port, ports.length > 1, names, `spec.ports[${i}]`))
  if (isRecord(spec.selector)) errors.push(...validateLabels(stringMap(spec.selector), 'spec.selector'))
  errors.push(...validateSessionAffinity(spec))
  errors.push(...validateClusterIPs(clusterIPs))
  if (!spec.type) errors.push(required('spec.type', ''))
  else if (!(SERVICE_TYPES as readonly string[]).includes(spec.type))
    errors.push(notSupported('spec.type', spec.type, SERVICE_TYPES))
  errors.push(...validateNodePorts(spec, ports))
  errors.push(...validateUniquePorts(ports))
  errors.push(...validateTrafficPolicies(service))
  if (old) errors.push(...validateClusterIPsUnchanged(service, old))
  return errors
}

function clusterIPsOf(spec: ServiceSpec): string[] {
  if (Array.isArray(spec.clusterIPs) && spec.clusterIPs.length) return spec.clusterIPs.map(text)
  return spec.clusterIP ? [spec.clusterIP] : []
}

function validateTypeSpecifics(spec: ServiceSpec, clusterIPs: string[]): FieldError[] {
  const headless = clusterIPs[0] === 'None'
  switch (spec.type) {
    case 'LoadBalancer':
    case 'NodePort':
      return headless
        ? [invalid('spec.clusterIPs[0]', 'None', `may not be set to 'None' for ${spec.type} services`)]
        : []
    case 'ExternalName': {
      const errors: FieldError[] = []
      if (clusterIPs.length)
        errors.push(forbidden('spec.clusterIPs', 'may not be set for ExternalName services'))
      if (Array.isArray(spec.ipFamilies) && spec.ipFamilies.length)
        errors.push(forbidden('spec.ipFamilies', 'may not be set for ExternalName services'))
      if (spec.ipFamilyPolicy)
        errors.push(forbidden('spec.ipFamilyPolicy', 'may not be set for ExternalName services'))
      // The name may end in a dot, marking it fully qualified.
      const cname = text(spec.externalName).replace(/\.$/, '')
      if (cname) errors.push(...validateDNS1123Subdomain(cname, 'spec.externalName'))
      else errors.push(required('spec.externalName', ''))
      return errors
    }
    default:
      return []
  }
}

/** One port: a DNS-label name (required when there are several), port 1-65535, protocol, targetPort. */
function validateServicePort(
  port: ServicePort,
  requireName: boolean,
  names: Set<string>,
  path: string,
): FieldError[] {
  if (!isRecord(port)) return [invalid(path, port, 'must be an object')]
  const errors: FieldError[] = []
  const name = text(port.name)
  if (requireName && !name) errors.push(required(`${path}.name`, ''))
  else if (name) {
    errors.push(...validateDNS1123Label(name, `${path}.name`))
    if (names.has(name)) errors.push(duplicate(`${path}.name`, name))
    else names.add(name)
  }
  const number = typeof port.port === 'number' ? port.port : 0
  errors.push(...portNumberErrors(number).map((message) => invalid(`${path}.port`, number, message)))
  errors.push(...validateProtocol(port.protocol, `${path}.protocol`))
  errors.push(...validatePortNumOrName(port.targetPort, `${path}.targetPort`))
  return errors
}

function validateSessionAffinity(spec: ServiceSpec): FieldError[] {
  const errors = oneOf(spec.sessionAffinity, ['ClientIP', 'None'], 'spec.sessionAffinity')
  const config = spec.sessionAffinityConfig
  if (spec.sessionAffinity === 'None' && config) {
    errors.push(forbidden('spec.sessionAffinityConfig', 'must not be set when session affinity is None'))
  }
  const timeout = config?.clientIP?.timeoutSeconds
  if (
    spec.sessionAffinity === 'ClientIP' &&
    typeof timeout === 'number' &&
    (timeout <= 0 || timeout > MAX_CLIENT_IP_AFFINITY_SECONDS)
  ) {
    const detail = `must be greater than 0 and less than ${MAX_CLIENT_IP_AFFINITY_SECONDS}`
    errors.push(invalid('spec.sessionAffinityConfig.clientIP.timeoutSeconds', timeout, detail))
  }
  return errors
}

/** A user-chosen cluster IP must be an IP, or `None` alone for a headless Service. */
function validateClusterIPs(clusterIPs: string[]): FieldError[] {
  const errors: FieldError[] = []
  clusterIPs.forEach((ip, i) => {
    if (i === 0 && ip === 'None') {
      if (clusterIPs.length > 1)
        errors.push(invalid('spec.clusterIPs', clusterIPs, "'None' must be the first and only value"))
    } else if (!isIP(ip)) {
      errors.push(
        invalid(`spec.clusterIPs[${i}]`, ip, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'),
      )
    }
  })
  return errors
}

/** nodePort: forbidden where nothing listens on nodes, in range where it does, unique per protocol. */
function validateNodePorts(spec: ServiceSpec, ports: [ServicePort, number][]): FieldError[] {
  const errors: FieldError[] = []
  const seen = new Set<string>()
  for (const [port, i] of ports) {
    if (!isRecord(port) || !port.nodePort) continue
    const path = `spec.ports[${i}].nodePort`
    // Kubernetes itself only refuses ClusterIP; an ExternalName Service has no proxy to listen either.
    if (spec.type === 'ClusterIP' || spec.type === 'ExternalName') {
      errors.push(forbidden(path, `may not be used when \`type\` is '${spec.type}'`))
    } else if (port.nodePort < NODE_PORT_RANGE.min || port.nodePort > NODE_PORT_RANGE.max) {
      const detail = `provided port is not in the valid range. The range of valid ports is ${NODE_PORT_RANGE.min}-${NODE_PORT_RANGE.max}`
      errors.push(invalid(path, port.nodePort, detail))
    }
    const key = `${text(port.protocol)}/${port.nodePort}`
    if (seen.has(key)) errors.push(duplicate(path, port.nodePort))
    seen.add(key)
  }
  return errors
}

/** Two entries may not expose the same (protocol, port). */
function validateUniquePorts(ports: [ServicePort, number][]): FieldError[] {
  const errors: FieldError[] = []
  const seen = new Set<string>()
  for (const [port, i] of ports) {
    if (!isRecord(port)) continue
    const key = `${text(port.protocol)}/${text(port.port)}`
    if (seen.has(key)) errors.push(duplicate(`spec.ports[${i}]`, goServicePortKey(port)))
    seen.add(key)
  }
  return errors
}

function validateTrafficPolicies(service: Service): FieldError[] {
  const {externalTrafficPolicy, internalTrafficPolicy, type} = service.spec
  const errors: FieldError[] = []
  if (!externallyAccessible(service)) {
    if (externalTrafficPolicy) {
      errors.push(
        invalid(
          'spec.externalTrafficPolicy',
          externalTrafficPolicy,
          'may only be set for externally-accessible services',
        ),
      )
    }
  } else {
    errors.push(...oneOf(externalTrafficPolicy, ['Cluster', 'Local'], 'spec.externalTrafficPolicy'))
  }
  if (!internalTrafficPolicy) {
    if (type === 'ClusterIP' || type === 'NodePort' || type === 'LoadBalancer')
      errors.push(required('spec.internalTrafficPolicy', ''))
  } else if (internalTrafficPolicy !== 'Cluster' && internalTrafficPolicy !== 'Local') {
    errors.push(notSupported('spec.internalTrafficPolicy', internalTrafficPolicy, ['Cluster', 'Local']))
  }
  return errors
}

/** An allocated cluster IP stays (unless the Service is, or was, an ExternalName). */
function validateClusterIPsUnchanged(service: Service, old: Service): FieldError[] {
  if (service.spec.type === 'ExternalName' || old.spec.type === 'ExternalName') return []
  const next = clusterIPsOf(service.spec)
  const previous = clusterIPsOf(old.spec)
  const changed = previous.some((ip, i) => i < next.length && ip !== next[i])
  return changed ? [invalid('spec.clusterIPs[0]', next, 'may not change once set')] : []
}
