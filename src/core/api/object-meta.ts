/** Small, pure helpers over objects' metadata and identity. */
import type {ResourceType} from './resources.js'
import {qualifiedPlural} from './resources.js'
import type {ObjectKey} from './store.js'
import type {KubeObject, StoredObject} from './types.js'

/** A deep copy, so nothing read from the store or a cache is mutated in place. */
export function cloneObject<T>(object: T): T {
  return structuredClone(object)
}

/** The store key of an object of a given type. */
export function keyFor(type: ResourceType, namespace: string, name: string): ObjectKey {
  return {kind: type.kind, namespace: type.namespaced ? namespace : '', name}
}

/** `default/web` or `web`, for messages and logs. */
export function namespacedName(object: KubeObject): string {
  const {namespace, name} = object.metadata
  return namespace ? `${namespace}/${name ?? ''}` : (name ?? '')
}

/** `deployments.apps "web"`: how API errors name an object. */
export function resourceName(type: ResourceType, object: StoredObject): string {
  return `${qualifiedPlural(type)} "${object.metadata.name}"`
}

/** RFC 3339 with seconds, as Kubernetes writes timestamps. */
export function timestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z')
}

/** Deep equality of JSON-shaped values, insensitive to key order. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((item, i) => jsonEqual(item, b[i]))
  const left = a as Record<string, unknown>
  const right = b as Record<string, unknown>
  const keys = Object.keys(left).filter((key) => left[key] !== undefined)
  if (keys.length !== Object.keys(right).filter((key) => right[key] !== undefined).length) return false
  return keys.every((key) => jsonEqual(left[key], right[key]))
}
