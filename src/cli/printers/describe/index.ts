/**
 * `tug describe`: kubectl's describers (kubectl 1.32 pkg/describe/describe.go) as pure functions of an object,
 * its events and the related objects the command looked up.
 */
import type {
  Deployment,
  KubeEvent,
  Namespace,
  Node,
  Pod,
  ReplicaSet,
  ReplicationController,
  Service,
  StoredObject,
} from '../../../core/api/types.js'
import {describeDeployment} from './deployment.js'
import {describeEndpoints} from './endpoints.js'
import {describeNamespace} from './namespace.js'
import {describeNode} from './node.js'
import {describePod} from './pod.js'
import {describeReplicaSet, describeReplicationController} from './replicaset.js'
import {describeService} from './service.js'

/**
 * What a describer needs beyond the object. pods: for a ReplicaSet/RC the pods its selector matches (its
 * `Pods Status`), for a Service the pods its selector matches (its `Endpoints`), for a Node the pods in the
 * cluster (those bound to it are listed). replicaSets: for a Deployment, the replica sets in its namespace
 * (those it controls become OldReplicaSets/NewReplicaSet). endpoints: for a Service, its Endpoints object.
 */
export interface DescribeRelated {
  pods?: StoredObject[]
  replicaSets?: StoredObject[]
  endpoints?: StoredObject
}

/** The describe text of an object, ending with its Events block (namespaces have none, as in kubectl). */
export function describeObject(
  object: StoredObject,
  events: KubeEvent[],
  related: DescribeRelated,
  now: Date,
): string {
  const pods = related.pods ?? []
  switch (object.kind) {
    case 'Pod':
      return describePod(object as Pod & StoredObject, events, now)
    case 'ReplicaSet':
      return describeReplicaSet(object as ReplicaSet & StoredObject, events, pods, now)
    case 'ReplicationController':
      return describeReplicationController(object as ReplicationController & StoredObject, events, pods, now)
    case 'Deployment':
      return describeDeployment(object as Deployment & StoredObject, events, related.replicaSets ?? [], now)
    case 'Service':
      return describeService(
        object as Service & StoredObject,
        events,
        {pods, endpoints: related.endpoints},
        now,
      )
    case 'Endpoints':
      return describeEndpoints(object, events, now)
    case 'Node':
      return describeNode(object as Node & StoredObject, events, pods, now)
    case 'Namespace':
      return describeNamespace(object as Namespace & StoredObject)
    default:
      throw new Error(`internal: no describer for kind ${object.kind}`)
  }
}
