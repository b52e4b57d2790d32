/** The `deployment`, `replicaset` and `replicationcontroller` checks: a controller's spec and status. */
import type {ApiServer} from '../api/api-server.js'
import {mustTypeForKind} from '../api/resources.js'
import type {Deployment, PodTemplateSpec, ReplicaSet, ReplicaStatus} from '../api/types.js'
import {REVISION_ANNOTATION} from '../rollout/annotations.js'
import type {ConditionFields} from './types.js'

/** The shape the three controllers share, as far as the checks read it. */
interface Controller {
  metadata: {annotations?: Record<string, string>}
  spec: {replicas?: number; template?: PodTemplateSpec}
  status?: ReplicaStatus
}

/** `deployment: {name, replicas?, revision?, image?, available?}`. */
export function checkDeployment(api: ApiServer, fields: ConditionFields): string[] {
  const what = `deployment "${fields.name as string}"`
  const deployment = findController(api, 'Deployment', fields) as Deployment | undefined
  if (!deployment) return [`${what} not found`]
  const reasons = common(what, deployment, fields)
  // The deployment controller numbers revisions in this annotation; `tug rollout history` lists them.
  const revision = Number(deployment.metadata.annotations?.[REVISION_ANNOTATION] ?? 0)
  if (fields.revision !== undefined && revision !== fields.revision)
    reasons.push(`${what} is at revision ${revision}, want ${fields.revision as number}`)
  const available = deployment.status?.availableReplicas ?? 0
  if (fields.available !== undefined && available !== fields.available)
    reasons.push(`${what} has ${available} available replicas, want ${fields.available as number}`)
  return reasons
}

/** `replicaset: {name, replicas?, ready?, image?, created?}`. */
export function checkReplicaSet(api: ApiServer, fields: ConditionFields): string[] {
  return checkReplicated(api, 'ReplicaSet', 'replicaset', fields)
}

/** `replicationcontroller: {name, replicas?, ready?, image?, created?}`. */
export function checkReplicationController(api: ApiServer, fields: ConditionFields): string[] {
  return checkReplicated(api, 'ReplicationController', 'replicationcontroller', fields)
}

function checkReplicated(api: ApiServer, kind: string, noun: string, fields: ConditionFields): string[] {
  const what = `${noun} "${fields.name as string}"`
  const controller = findController(api, kind, fields) as ReplicaSet | undefined
  if (!controller) return [`${what} not found`]
  const reasons = common(what, controller, fields)
  const ready = controller.status?.readyReplicas ?? 0
  if (fields.ready !== undefined && ready !== fields.ready)
    reasons.push(`${what} has ${ready} ready replicas, want ${fields.ready as number}`)
  if (fields.created !== undefined) {
    const created = createdPods(api, controller)
    if (created < (fields.created as number))
      reasons.push(`${what} has created ${created} pods so far, want at least ${fields.created as number}`)
  }
  return reasons
}

/** How many pods a controller has created, from its SuccessfulCreate events (repeats merged into counts). */
function createdPods(api: ApiServer, controller: ReplicaSet): number {
  const uid = (controller.metadata as {uid?: string}).uid
  if (!uid) return 0
  return api.store
    .listEvents({involvedUid: uid})
    .filter((event) => event.reason === 'SuccessfulCreate')
    .reduce((sum, event) => sum + (event.count ?? 1), 0)
}

function findController(api: ApiServer, kind: string, fields: ConditionFields): Controller | undefined {
  const namespace = (fields.namespace as string | undefined) ?? 'default'
  return api.find(mustTypeForKind(kind), namespace, fields.name as string) as Controller | undefined
}

/** The fields every controller check shares: desired replicas and the template's image. */
function common(what: string, controller: Controller, fields: ConditionFields): string[] {
  const reasons: string[] = []
  // An unset spec.replicas defaults to 1 in the API server; read it the same way.
  const replicas = controller.spec.replicas ?? 1
  if (fields.replicas !== undefined && replicas !== fields.replicas)
    reasons.push(`${what} has spec.replicas ${replicas}, want ${fields.replicas as number}`)
  const images = controller.spec.template?.spec.containers.map((c) => c.image ?? '') ?? []
  if (fields.image !== undefined && !images.includes(fields.image as string))
    reasons.push(`${what} runs ${images.join(', ') || 'no image'}, want ${fields.image as string}`)
  return reasons
}
