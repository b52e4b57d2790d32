/** What `tug get` asks of the API server: objects by type, names, namespace and label selector. */
import type {ApiServer} from '../api/api-server.js'
import type {ApiError} from '../api/errors.js'
import {notFound, UserError} from '../api/errors.js'
import type {ResourceType} from '../api/resources.js'
import {qualifiedPlural} from '../api/resources.js'
import type {Selector} from '../api/selectors.js'
import {matchesSelector, parseSelector} from '../api/selectors.js'
import type {StoredObject} from '../api/types.js'

/** One requested type and, optionally, names. */
export interface TypeRequest {
  type: ResourceType
  names: string[]
}

/** A get request. */
export interface GetRequest {
  types: readonly TypeRequest[]
  namespace: string
  allNamespaces: boolean
  selector?: string
}

/** The objects found per type, and a NotFound error per missing name. */
export interface GetResult {
  groups: {type: ResourceType; objects: StoredObject[]}[]
  missing: ApiError[]
  /** The resourceVersion the result reflects, for a watch to start after. */
  resourceVersion: number
}

/** Reads everything in one consistent snapshot of the store. */
export function getObjects(api: ApiServer, request: GetRequest): GetResult {
  const selector = request.selector ? parseSelector(request.selector) : undefined
  return api.store.read(() => {
    const missing: ApiError[] = []
    const groups = request.types.map(({type, names}) => ({
      type,
      objects: findObjects(api, type, names, request, selector, missing),
    }))
    return {groups, missing, resourceVersion: api.store.latestResourceVersion()}
  })
}

function findObjects(
  api: ApiServer,
  type: ResourceType,
  names: string[],
  request: GetRequest,
  selector: Selector | undefined,
  missing: ApiError[],
): StoredObject[] {
  const matches = (object: StoredObject): boolean =>
    !selector || matchesSelector(selector, object.metadata.labels)
  if (names.length === 0) {
    const namespace = request.allNamespaces ? undefined : request.namespace
    const all =
      type.kind === 'Event'
        ? (api.store.listEvents({namespace}) as unknown as StoredObject[])
        : api.list(type, {namespace})
    return all.filter(matches)
  }
  if (request.allNamespaces)
    throw new UserError('a resource cannot be retrieved by name across all namespaces')
  return names.flatMap((name) => {
    const object = api.find(type, request.namespace, name)
    if (!object) missing.push(notFound(qualifiedPlural(type), name))
    return object && matches(object) ? [object] : []
  })
}
