/**
 * `tug scale`: set spec.replicas of Deployments, ReplicaSets and ReplicationControllers (the kinds with a
 * `scale` subresource), with kubectl's optional preconditions on the current size and resourceVersion.
 */
import type {ApiServer} from '../api/api-server.js'
import {ApiError, UserError} from '../api/errors.js'
import {cloneObject} from '../api/object-meta.js'
import type {KubeObject} from '../api/types.js'
import type {DryRun} from '../generators/dry-run.js'
import type {EditedObject, Target, TargetQuery} from './targets.js'
import {findTargets} from './targets.js'

/** The kinds that have a scale subresource in Tugboat (Kubernetes adds StatefulSet). */
export const SCALABLE_KINDS: readonly string[] = ['Deployment', 'ReplicaSet', 'ReplicationController']

/** A scale request. */
export interface ScaleRequest extends TargetQuery {
  replicas?: number
  /** Precondition: scale only if spec.replicas is this now; -1 (the default) means no condition. */
  currentReplicas?: number
  /** Precondition: scale only if the object's resourceVersion is this (one object only). */
  resourceVersion?: string
  dryRun: DryRun
}

/** Validates the request as kubectl's ScaleOptions.Validate does. */
function checkScaleRequest(request: ScaleRequest): number {
  if (request.replicas === undefined)
    throw new UserError('required flag(s) "replicas" not set', 'e.g. --replicas=3')
  if (request.replicas < 0)
    throw new UserError('The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0')
  if ((request.currentReplicas ?? -1) < -1)
    throw new UserError('The --current-replicas must specify an integer of -1 or greater')
  if (request.resources.length === 0) {
    throw new UserError(
      'You must provide one or more resources by argument or filename.',
      'e.g. tug scale deployment web --replicas=3',
    )
  }
  return request.replicas
}

/** Scales every target in one transaction; a failed precondition changes nothing. */
export function scaleObjects(api: ApiServer, request: ScaleRequest): EditedObject[] {
  const replicas = checkScaleRequest(request)
  return api.store.transaction(() => {
    const {targets} = findTargets(api, request)
    if (request.resourceVersion && targets.length > 1)
      throw new UserError('cannot use --resource-version with multiple resources')
    if (targets.length === 0) throw new UserError('no objects passed to scale')
    return targets.map((target) => ({type: target.type, object: scaleOne(api, target, replicas, request)}))
  })
}

function scaleOne(
  api: ApiServer,
  {type, object}: Target,
  replicas: number,
  request: ScaleRequest,
): KubeObject {
  // The API server has no scale subresource for other kinds; kubectl shows the server's 404 as it is.
  if (!SCALABLE_KINDS.includes(type.kind))
    throw new ApiError('NotFound', 'the server could not find the requested resource')
  const next = cloneObject(object) as KubeObject & {spec: {replicas?: number}}
  next.spec.replicas = replicas
  // kubectl's client dry run neither reads the scale nor checks preconditions: it only shows the object.
  if (request.dryRun === 'client') return next
  checkPreconditions(
    object.metadata.resourceVersion,
    (object.spec as {replicas?: number}).replicas ?? 1,
    request,
  )
  return api.update(next, {dryRun: request.dryRun === 'server'})
}

/** kubectl's ScalePrecondition: `Expected replicas to be 2, was 3`. */
function checkPreconditions(resourceVersion: string, current: number, request: ScaleRequest): void {
  const size = request.currentReplicas ?? -1
  if (size !== -1 && size !== current) throw new UserError(`Expected replicas to be ${size}, was ${current}`)
  if (request.resourceVersion && request.resourceVersion !== resourceVersion) {
    throw new UserError(`Expected resource version to be ${request.resourceVersion}, was ${resourceVersion}`)
  }
}
