/** `kubectl get endpoints`: NAME ENDPOINTS AGE. */
import type {Endpoints, KubeObject} from '../../../core/api/types.js'
import {formatAge} from '../age.js'
import {formatEndpointAddresses} from '../endpoint-addresses.js'
import type {KindColumns} from './types.js'

/** Endpoints' columns and cells (printers.go printEndpoints). */
export const endpointsColumns: KindColumns = {
  columns: [
    {name: 'NAME', priority: 0, isName: true},
    {name: 'ENDPOINTS', priority: 0},
    {name: 'AGE', priority: 0},
  ],
  cells(object: KubeObject, now: Date): string[] {
    const endpoints = object as Endpoints
    return [
      endpoints.metadata.name ?? '',
      formatEndpointAddresses(endpoints),
      formatAge(endpoints.metadata.creationTimestamp ?? undefined, now),
    ]
  },
}
