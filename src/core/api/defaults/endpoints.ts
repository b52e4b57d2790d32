/** Endpoints defaults (k8s@1.28 pkg/apis/core/v1/defaults.go SetDefaults_Endpoints). */
import type {EndpointPort, EndpointSubset, Endpoints} from '../types.js'
import {records} from '../validation/shape.js'

/** Every port's protocol defaults to TCP. */
export function defaultEndpoints(endpoints: Endpoints): void {
  for (const subset of records<EndpointSubset>(endpoints.subsets))
    for (const port of records<EndpointPort>(subset.ports)) port.protocol ||= 'TCP'
}
