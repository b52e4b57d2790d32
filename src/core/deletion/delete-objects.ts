/** `tug delete`: by type and names, by label selector, every object of a type, or the objects of a manifest. */
import type {ApiServer, Cascade} from '../api/api-server.js'
import type {ApiError} from '../api/errors.js'
import {notFound, UserError} from '../api/errors.js'
import type {ResourceType} from '../api/resources.js'
import {qualifiedPlural} from '../api/resources.js'
import {parseSelector} from '../api/selectors.js'
import type {StoredObject} from '../api/types.js'
import type {TypeRequest} from '../queries/get-objects.js'

/** A delete request. */
export interface DeleteRequest {
  targets: readonly TypeRequest[]
  namespace: string
  selector?: string
  all?: boolean
  cascade: Cascade
  gracePeriodSeconds?: number
  dryRun?: boolean
}

/** One object deleted, or marked for deletion (Terminating, or waiting on the garbage collector). */
export interface Deleted {
  type: ResourceType
  object: StoredObject
  pending: boolean
}

/** What was deleted, and which names were not found. */
export interface DeleteResult {
  deleted: Deleted[]
  missing: ApiError[]
}

/** Deletes everything asked for in one transaction. */
export function deleteObjects(api: ApiServer, request: DeleteRequest): DeleteResult {
  const bulk = Boolean(request.selector) || Boolean(request.all)
  if (bulk && request.targets.some((target) => target.names.length)) {
    throw new UserError('name cannot be provided when a selector is specified')
  }
  if (!bulk && request.targets.every((target) => target.names.length === 0)) {
    throw new UserError(
      'resource(s) were provided, but no name was specified',
      'name the objects, or pass -l SELECTOR or --all',
    )
  }
  const selector = request.selector ? parseSelector(request.selector) : undefined
  return api.store.transaction(() => {
    const result: DeleteResult = {deleted: [], missing: []}
    for (const {type, names} of request.targets) {
      const objects = bulk
        ? api.list(type, {namespace: request.namespace, selector})
        : findNamed(api, type, request.namespace, names, result.missing)
      for (const object of objects) {
        const outcome = api.delete(type, request.namespace, object.metadata.name, {
          cascade: request.cascade,
          gracePeriodSeconds: request.gracePeriodSeconds,
          dryRun: request.dryRun,
        })
        result.deleted.push({type, ...outcome})
      }
    }
    return result
  })
}

function findNamed(
  api: ApiServer,
  type: ResourceType,
  namespace: string,
  names: string[],
  missing: ApiError[],
): StoredObject[] {
  return names.flatMap((name) => {
    const object = api.find(type, namespace, name)
    if (!object) missing.push(notFound(qualifiedPlural(type), name))
    return object ? [object] : []
  })
}
