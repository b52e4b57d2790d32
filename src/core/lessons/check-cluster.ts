/** The `service`, `node` and `object` checks. */
import type {ApiServer} from '../api/api-server.js'
import {mustTypeForKind, typeForKind} from '../api/resources.js'
import type {Endpoints, Node, Service} from '../api/types.js'
import {plural} from './check-pods.js'
import type {ConditionFields} from './types.js'

/** `service: {name, type?, endpoints?}`: endpoints counts the ready addresses the endpoints controller keeps. */
export function checkService(api: ApiServer, fields: ConditionFields): string[] {
  const name = fields.name as string
  const namespace = (fields.namespace as string | undefined) ?? 'default'
  const service = api.find(mustTypeForKind('Service'), namespace, name) as Service | undefined
  if (!service) return [`service "${name}" not found`]
  const reasons: string[] = []
  const type = service.spec.type ?? 'ClusterIP'
  if (fields.type !== undefined && type !== fields.type)
    reasons.push(`service "${name}" is of type ${type}, want ${fields.type as string}`)
  if (fields.endpoints !== undefined) {
    const endpoints = api.find(mustTypeForKind('Endpoints'), namespace, name) as Endpoints | undefined
    const ready = (endpoints?.subsets ?? []).reduce((sum, subset) => sum + (subset.addresses?.length ?? 0), 0)
    if (ready !== fields.endpoints)
      reasons.push(
        `service "${name}" has ${plural(ready, 'ready endpoint')}, want ${fields.endpoints as number}`,
      )
  }
  return reasons
}

/** `node: {name, ready?, unschedulable?}`: ready reads the Ready condition the node's heartbeat keeps. */
export function checkNode(api: ApiServer, fields: ConditionFields): string[] {
  const name = fields.name as string
  const node = api.find(mustTypeForKind('Node'), '', name) as Node | undefined
  if (!node) return [`node "${name}" not found`]
  const reasons: string[] = []
  const condition = node.status?.conditions?.find((c) => c.type === 'Ready')
  const ready = condition?.status === 'True'
  if (fields.ready !== undefined && ready !== fields.ready)
    reasons.push(
      `node "${name}" is ${ready ? 'Ready' : `NotReady (Ready is ${condition?.status ?? 'Unknown'})`}, want ${fields.ready ? 'Ready' : 'NotReady'}`,
    )
  const unschedulable = node.spec?.unschedulable ?? false
  if (fields.unschedulable !== undefined && unschedulable !== fields.unschedulable)
    reasons.push(
      `node "${name}" is ${unschedulable ? 'cordoned' : 'schedulable'}, want ${fields.unschedulable ? 'cordoned' : 'schedulable'}`,
    )
  return reasons
}

/** `object: {kind, name, exists}`: an object being deleted (deletionTimestamp set) still exists. */
export function checkObject(api: ApiServer, fields: ConditionFields): string[] {
  const type = typeForKind(fields.kind as string)
  const name = fields.name as string
  if (!type) return [`kind ${fields.kind as string} is not served by Tugboat`]
  const namespace = type.namespaced ? ((fields.namespace as string | undefined) ?? 'default') : ''
  const exists = api.find(type, namespace, name) !== undefined
  if (exists === fields.exists) return []
  return [
    `${type.singular} "${name}" ${exists ? 'still exists' : 'not found'}, want it ${fields.exists ? 'to exist' : 'gone'}`,
  ]
}
