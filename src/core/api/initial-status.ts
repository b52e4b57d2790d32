/** The status an object starts with, as the API server's create strategies reset it. */
import type {Container, KubeObject, PodSpec} from './types.js'

/** Pod QoS class: BestEffort without requests or limits, Guaranteed when every container's limits equal its requests. */
export function qosClass(spec: PodSpec): 'BestEffort' | 'Burstable' | 'Guaranteed' {
  const containers: Container[] = [...spec.containers, ...(spec.initContainers ?? [])]
  const any = containers.some((c) => Object.keys(c.resources?.requests ?? {}).length || Object.keys(c.resources?.limits ?? {}).length)
  if (!any) return 'BestEffort'
  const guaranteed = containers.every((c) => {
    const limits = c.resources?.limits ?? {}
    const requests = c.resources?.requests ?? limits
    return ['cpu', 'memory'].every((r) => limits[r] !== undefined && String(requests[r]) === String(limits[r]))
  })
  return guaranteed ? 'Guaranteed' : 'Burstable'
}

/** The status a newly created object gets; undefined keeps none. Nodes keep what they register with. */
export function initialStatus(object: KubeObject): unknown {
  switch (object.kind) {
    case 'Pod':
      return {phase: 'Pending', qosClass: qosClass(object.spec as PodSpec)}
    case 'Deployment':
    case 'ReplicaSet':
    case 'ReplicationController':
      return {}
    case 'Service':
      return {loadBalancer: {}}
    case 'Namespace':
      return {phase: 'Active'}
    default:
      return object.status
  }
}
