/** Objects as kubectl's -o yaml, -o json and -o name print them. */
import {stringify} from 'yaml'
import {mustTypeForKind, qualifiedSingular} from '../../core/api/resources.js'
import type {KubeObject} from '../../core/api/types.js'

/** Recursively sorts map keys, as Go's encoding of unstructured objects does. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (typeof value !== 'object' || value === null) return value
  const sorted: Record<string, unknown> = {}
  for (const key of Object.keys(value).sort()) {
    const child = (value as Record<string, unknown>)[key]
    if (child !== undefined) sorted[key] = sortKeys(child)
  }
  return sorted
}

/** One object, or a `kind: List` of several, as kubectl wraps lists. */
export function asDocument(objects: readonly KubeObject[], single: boolean): unknown {
  if (single && objects.length === 1) return objects[0]
  return {apiVersion: 'v1', items: objects, kind: 'List', metadata: {resourceVersion: ''}}
}

/** YAML as kubectl prints it: sorted keys, sequences not indented under their key, no line folding. */
export function toYaml(document: unknown): string {
  return stringify(sortKeys(document), {indentSeq: false, lineWidth: 0, minContentWidth: 0})
}

/** JSON as kubectl prints it: sorted keys, four-space indent, a final newline. */
export function toJson(document: unknown): string {
  return `${JSON.stringify(sortKeys(document), null, 4)}\n`
}

/** `pod/web`, `deployment.apps/web`. */
export function toName(object: KubeObject): string {
  return `${qualifiedSingular(mustTypeForKind(object.kind))}/${object.metadata.name ?? ''}`
}
