/** The status an object starts with, as the API server's create strategies reset it. */
import {compareQuantities, tryParseQuantity} from './quantity.js'
import type {Container, KubeObject, PodSpec} from './types.js'

/** `1` and `1000m` are the same amount of cpu. */
function sameQuantity(a: string | number | undefined, b: string | number | undefined): boolean {
  if (a === undefined || b === undefined) return false
  const [left, right] = [tryParseQuantity(a), tryParseQuantity(b)]
  return !('error' in left) && !('error' in right) && compareQuantities(left, right) === 0
}

/** Pod QoS class: BestEffort without requests or limits, Guaranteed when every container's limits equal its requests. */
export function qosClass(spec: PodSpec): 'BestEffort' | 'Burstable' | 'Guaranteed' {
  const containers: Container[] = [...spec.containers, ...(spec.initContainers ?? [])]
  const any = containers.some(
    (c) => Object.keys(c.resources?.requests ?? {}).length || Object.keys(c.resources?.limits ?? {}).length,
  )
  if (!any) return 'BestEffort'
  const guaranteed = containers.every((c) => {
    const limits = c.resources?.limits ?? {}
    const requests = c.resources?.requests ?? limits
    return ['cpu', 'memory'].every((r) => sameQuantity(limits[r], requests[r]))
  })
  return guaranteed ? 'Guaranteed' : 'Burstable'
}

/** The status a newly created object gets; undefined keeps none. Nodes keep what they register with. */
export function initialStatus(object: KubeObject): unknown {
  switch (object.kind) {
    case 'Pod':
      return {phase: 'Pending', qosClass: qosClass(object.spec as PodSpec)}
    case 'Deployment':
      return {}
    case 'ReplicaSet':
    case 'ReplicationController':
      // status.replicas has no omitempty in the Go types: a new replica set shows `replicas: 0`.
      return {replicas: 0}
    case 'Service':
      return {loadBalancer: {}}
    case 'Namespace':
      return {phase: 'Active'}
    default:
      return object.status
  }
}
