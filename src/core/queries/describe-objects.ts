/** What `tug describe` shows beside an object: its events, and the objects it owns. */
import type {ApiServer} from '../api/api-server.js'
import {mustTypeForKind} from '../api/resources.js'
import {selectorFromMap} from '../api/selectors.js'
import type {KubeEvent, Service, StoredObject} from '../api/types.js'
import type {TypeRequest} from './get-objects.js'
import {getObjects} from './get-objects.js'

/** One object to describe, with its context. */
export interface DescribeSubject {
  object: StoredObject
  events: KubeEvent[]
  related: {pods?: StoredObject[]; replicaSets?: StoredObject[]; endpoints?: StoredObject}
}

/** The subjects, and the NotFound errors of missing names. */
export interface DescribeResult {
  subjects: DescribeSubject[]
  missing: Error[]
}

/** Which kinds an owner's describe lists, by the owner's kind. */
const OWNED_KIND: Record<string, 'pods' | 'replicaSets'> = {
  ReplicaSet: 'pods',
  ReplicationController: 'pods',
  Deployment: 'replicaSets',
}

/** Reads the objects (all of the type when no names are given), their events and dependents. */
export function describeObjects(
  api: ApiServer,
  request: {types: TypeRequest[]; namespace: string; selector?: string},
): DescribeResult {
  const result = getObjects(api, {...request, allNamespaces: false})
  const subjects = result.groups.flatMap((group) =>
    group.objects.map((object) => ({
      object,
      events: api.store.listEvents({involvedUid: object.metadata.uid}),
      related: relatedOf(api, object),
    })),
  )
  return {subjects, missing: result.missing}
}

function relatedOf(api: ApiServer, owner: StoredObject): DescribeSubject['related'] {
  if (owner.kind === 'Service') {
    // A Service's Endpoints lines come from its Endpoints object, as kubectl's do.
    const endpoints = api.find(
      mustTypeForKind('Endpoints'),
      owner.metadata.namespace ?? '',
      owner.metadata.name,
    )
    if (endpoints) return {endpoints}
    // None yet (no control plane has run): from the pods its selector matches; no selector selects none.
    const selector = (owner as Service).spec.selector
    if (!selector || Object.keys(selector).length === 0) return {pods: []}
    return {
      pods: api.list(mustTypeForKind('Pod'), {
        namespace: owner.metadata.namespace,
        selector: selectorFromMap(selector),
      }),
    }
  }
  const owned = OWNED_KIND[owner.kind]
  if (!owned) return {}
  const type = mustTypeForKind(owned === 'pods' ? 'Pod' : 'ReplicaSet')
  const dependents = api
    .list(type, {namespace: owner.metadata.namespace})
    .filter((object) =>
      object.metadata.ownerReferences?.some((ref) => ref.uid === owner.metadata.uid && ref.controller),
    )
  return {[owned]: dependents}
}
