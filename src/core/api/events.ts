/** Building events in Kubernetes' core/v1 shape; the store merges repeats into one with a count. */
import {timestamp} from './object-meta.js'
import {mustTypeForKind, apiVersionOf} from './resources.js'
import type {KubeEvent, StoredObject} from './types.js'

/** What a component says about an object. */
export interface EventInput {
  type: 'Normal' | 'Warning'
  reason: string
  message: string
  source: {component: string; host?: string}
  fieldPath?: string
}

/** A new event about `involved`, named `<object>.<hex unix-nanos>` as Kubernetes names them. */
export function newEvent(involved: StoredObject, input: EventInput, now: Date): KubeEvent {
  const stamp = timestamp(now)
  const nanos = BigInt(now.getTime()) * 1_000_000n
  const namespace = involved.metadata.namespace || 'default'
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: {name: `${involved.metadata.name}.${nanos.toString(16)}`, namespace, creationTimestamp: stamp},
    involvedObject: {
      apiVersion: apiVersionOf(mustTypeForKind(involved.kind)),
      kind: involved.kind,
      name: involved.metadata.name,
      namespace: involved.metadata.namespace,
      uid: involved.metadata.uid,
      resourceVersion: involved.metadata.resourceVersion,
      ...(input.fieldPath ? {fieldPath: input.fieldPath} : {}),
    },
    type: input.type,
    reason: input.reason,
    message: input.message,
    source: input.source,
    reportingComponent: input.source.component,
    reportingInstance: input.source.host ?? '',
    count: 1,
    firstTimestamp: stamp,
    lastTimestamp: stamp,
  }
}
