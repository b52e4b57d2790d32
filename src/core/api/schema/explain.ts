/**
 * `tug explain TYPE[.field.path]`: kubectl 1.28's plaintext explain output (kubectl
 * pkg/explain/v2/templates/plaintext.tmpl), rendered from kinds.json instead of the server's OpenAPI v3.
 *
 * The template's walk is reproduced over our field types: a field of a named type describes itself and then
 * the type (OpenAPI's allOf), lists and maps are walked through to their items, and fields are listed in Go's
 * sorted order.
 */
import {UserError} from '../errors.js'
import type {ResourceType} from '../resources.js'
import {resolveResourceType} from '../resources.js'
import type {FieldType, SchemaField, SchemaType} from './schema.js'
import {kindSchema} from './schema.js'
import {indent, wrapString} from './word-wrap.js'

/** Options of explain; `recursive` lists every nested field, without descriptions. */
export interface ExplainOptions {
  recursive?: boolean
}

/** A point of the walk: a type, with the description of the field that has it (none for the kind itself). */
interface Node {
  type: FieldType
  description?: string
}

/** Explains a resource type (`deploy`, `pods`, `Deployment`) or one of its fields (`po.spec.containers`). */
export function explain(path: string, options: ExplainOptions = {}): string {
  // kubectl ignores a trailing period; the first segment names the resource, the rest the field path.
  const [resource = '', ...fieldPath] = path.replace(/\.$/, '').split('.')
  const type = resolveResourceType(resource)
  const schema = kindSchema(type.kind)
  if (!schema) throw new Error(`internal: no schema for kind ${type.kind}`)
  const body = output({type: {kind: 'named', type: schema}}, fieldPath, options.recursive ?? false)
  // Like kubectl, name the last segment of the path, whichever segment was missing.
  if (!body) throw new UserError(`field "${fieldPath.at(-1)}" does not exist`)
  return `${header(type)}${body}\n`
}

function header(type: ResourceType): string {
  const group = type.group ? `GROUP:      ${type.group}\n` : ''
  return `${group}KIND:       ${type.kind}\nVERSION:    ${type.version}\n\n`
}

/** Follows the field path, then prints the description and fields of where it ends; '' when a field is missing. */
function output(node: Node, fieldPath: readonly string[], recursive: boolean): string {
  const [first, ...rest] = fieldPath
  if (first === undefined) {
    const description = descriptionOf(node) || '<empty>'
    const fields = fieldList(node.type, 1, recursive, new Set())
    return `DESCRIPTION:\n${indent(4, wrapString(description, 76))}\n${fields && `FIELDS:\n${fields}`}`
  }
  const field = objectOf(node.type)?.fields?.get(first)
  if (!field) return ''
  const title = rest.length === 0 ? `FIELD: ${first} <${typeName(field.type)}>\n\n` : ''
  return title + output({type: field.type, description: field.description}, rest, recursive)
}

/** The object type a path walks into: lists and maps are walked through to their items. */
function objectOf(type: FieldType): SchemaType | undefined {
  if (type.kind === 'array') return objectOf(type.items)
  if (type.kind === 'map') return objectOf(type.values)
  return type.kind === 'named' ? type.type : undefined
}

/** The field's own description, then its type's (through lists and maps), each ending its line. */
function descriptionOf(node: Node): string {
  const parts = node.description ? [node.description] : []
  let type: FieldType = node.type
  while (type.kind === 'array' || type.kind === 'map') type = type.kind === 'array' ? type.items : type.values
  if (type.kind === 'named' && type.type.description) parts.push(type.type.description)
  return parts.map((part) => `${part}\n`).join('')
}

/**
 * The FIELDS section: one entry per field, and with `recursive` the fields of fields, indented two spaces per
 * level. `seen` holds the types on the current path so a recursive type stops expanding, as kubectl's does.
 */
function fieldList(type: FieldType, level: number, recursive: boolean, seen: Set<string>): string {
  const object = objectOf(type)
  if (!object?.fields || seen.has(object.name)) return ''
  seen.add(object.name)
  let text = ''
  for (const field of object.fields.values()) {
    text += fieldDetail(field, level, recursive)
    if (recursive) text += fieldList(field.type, level + 1, recursive, seen)
  }
  seen.delete(object.name)
  return text
}

/** `  name\t<type> -required-`, then (unless short) the description wrapped to fit 80 columns and a blank line. */
function fieldDetail(field: SchemaField, level: number, short: boolean): string {
  const indentAmount = level * 2
  const required = field.required ? ' -required-' : ''
  const line = `${indent(indentAmount, field.name)}\t<${typeName(field.type)}>${required}\n`
  if (short) return line
  const description = wrapString(field.description || '<no description>', 78 - indentAmount)
  return `${line}${indent(indentAmount + 2, description)}\n\n`
}

/** kubectl's type hint: `string`, `[]Container`, `map[string]string`, `ObjectMeta`, `IntOrString`. */
function typeName(type: FieldType): string {
  switch (type.kind) {
    case 'array':
      return `[]${typeName(type.items)}`
    case 'map':
      return `map[string]${typeName(type.values)}`
    case 'named':
      return type.type.display ?? type.type.name
    case 'scalar':
      return type.name
  }
}
