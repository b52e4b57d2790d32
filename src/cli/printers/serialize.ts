/** Objects as kubectl's -o yaml, -o json and -o name print them. */
import {Document, parse, Scalar, visit} from 'yaml'
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

/**
 * YAML as kubectl prints it: sorted keys, sequences not indented under their key, no line folding; strings a
 * YAML 1.1 reader would take for something else (`"123"`, `"y"`, `"on"`, timestamps, `""`) double-quoted,
 * other strings that need quotes single-quoted (`'x: y'`), as Go's yaml encoder writes them.
 */
export function toYaml(value: unknown): string {
  const document = new Document(sortKeys(value))
  visit(document, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && readsAsNonString(node.value)) node.type = Scalar.QUOTE_DOUBLE
    },
  })
  return document.toString({indentSeq: false, lineWidth: 0, minContentWidth: 0, singleQuote: true})
}

function readsAsNonString(text: string): boolean {
  if (text === '') return true
  if (text.includes('\n') || text.length > 64) return false
  try {
    const read: unknown = parse(text, {version: '1.1'})
    if (read === null) return /^(~|null|Null|NULL)$/.test(text)
    return typeof read === 'number' || typeof read === 'boolean' || read instanceof Date
  } catch {
    return false
  }
}

/**
 * JSON as kubectl prints it: four-space indent, a final newline, and <, > and & escaped as Go's encoder
 * escapes them. Keys are sorted, as for objects read from the API server; `asBuilt` keeps the order a
 * generator built them in, as kubectl prints a typed object in Go's struct order.
 */
export function toJson(document: unknown, options: {asBuilt?: boolean} = {}): string {
  const text = JSON.stringify(options.asBuilt ? document : sortKeys(document), null, 4)
  return `${text.replace(/[<>&\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`
}

/** `pod/web`, `deployment.apps/web`. */
export function toName(object: KubeObject): string {
  return `${qualifiedSingular(mustTypeForKind(object.kind))}/${object.metadata.name ?? ''}`
}
