/** Which columns print which kind. */
import {deploymentColumns} from './deployments.js'
import {endpointsColumns} from './endpoints.js'
import {eventColumns} from './events.js'
import {namespaceColumns} from './namespaces.js'
import {nodeColumns} from './nodes.js'
import {podColumns} from './pods.js'
import {replicaSetColumns, replicationControllerColumns} from './replicasets.js'
import {serviceColumns} from './services.js'
import type {KindColumns} from './types.js'

const BY_KIND: Readonly<Record<string, KindColumns>> = {
  Pod: podColumns,
  ReplicaSet: replicaSetColumns,
  ReplicationController: replicationControllerColumns,
  Deployment: deploymentColumns,
  Service: serviceColumns,
  Endpoints: endpointsColumns,
  Node: nodeColumns,
  Event: eventColumns,
  Namespace: namespaceColumns,
}

/** The columns of a kind Tugboat serves; a kind without a printer is a bug in the caller. */
export function columnsForKind(kind: string): KindColumns {
  const columns = BY_KIND[kind]
  if (!columns) throw new Error(`internal: no table columns for kind ${kind}`)
  return columns
}
