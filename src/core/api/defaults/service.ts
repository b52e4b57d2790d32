/**
 * Service defaults (k8s@1.28 pkg/apis/core/v1/defaults.go SetDefaults_Service). clusterIP and nodePort are
 * not defaults: the API server allocates them after validation.
 */
import type {Service, ServicePort} from '../types.js'
import {isRecord, records} from '../validation/shape.js'

/** Type ClusterIP, sessionAffinity None, ports TCP with targetPort = port, traffic policies Cluster. */
export function defaultService(service: Service): void {
  if (!isRecord(service.spec)) service.spec = {}
  const spec = service.spec
  spec.sessionAffinity ||= 'None'
  applySessionAffinityConfig(spec)
  spec.type ||= 'ClusterIP'
  for (const port of records<ServicePort>(spec.ports)) {
    port.protocol ||= 'TCP'
    // Go compares against intstr 0 and "": both mean "unset".
    if (port.targetPort === undefined || port.targetPort === 0 || port.targetPort === '')
      port.targetPort = port.port
  }
  if (externallyAccessible(service) && !spec.externalTrafficPolicy) spec.externalTrafficPolicy = 'Cluster'
  if (!spec.internalTrafficPolicy && spec.type !== 'ExternalName') spec.internalTrafficPolicy = 'Cluster'
}

/** v1.DefaultClientIPServiceAffinitySeconds: three hours. */
export const DEFAULT_CLIENT_IP_AFFINITY_SECONDS = 10800

type ServiceSpecWithAffinity = Service['spec'] & {
  sessionAffinityConfig?: {clientIP?: {timeoutSeconds?: number}}
}

/** ClientIP affinity gets a timeout; None drops any affinity config. */
function applySessionAffinityConfig(spec: ServiceSpecWithAffinity): void {
  if (spec.sessionAffinity === 'None') delete spec.sessionAffinityConfig
  else if (
    spec.sessionAffinity === 'ClientIP' &&
    typeof spec.sessionAffinityConfig?.clientIP?.timeoutSeconds !== 'number'
  ) {
    spec.sessionAffinityConfig = {clientIP: {timeoutSeconds: DEFAULT_CLIENT_IP_AFFINITY_SECONDS}}
  }
}

/** NodePort and LoadBalancer services, or ClusterIP ones with externalIPs (apiservice.ExternallyAccessible). */
export function externallyAccessible(service: Service): boolean {
  const type = service.spec.type
  const externalIPs = (service.spec as {externalIPs?: unknown}).externalIPs
  return (
    type === 'NodePort' ||
    type === 'LoadBalancer' ||
    (type === 'ClusterIP' && Array.isArray(externalIPs) && externalIPs.length > 0)
  )
}
