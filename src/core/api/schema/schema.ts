/**
 * The field schema of the kinds Tugboat serves: Kubernetes' own field tree, generated into kinds.json by
 * scripts/generate-schema.ts. The file is read and linked on first use only, so commands that never check or
 * explain fields (`tug get`) never pay for parsing it.
 */
import {createRequire} from 'node:module'
// Type-only: keeps kinds.json in the TypeScript program so the build copies it next to this module.
import type kindsFile from './kinds.json'

/** A field's type: a JSON scalar, a list, a map with string keys, or a named Kubernetes type. */
export type FieldType =
  | {kind: 'scalar'; name: 'string' | 'integer' | 'number' | 'boolean'}
  | {kind: 'array'; items: FieldType}
  | {kind: 'map'; values: FieldType}
  | {kind: 'named'; type: SchemaType}

/** One field of an object type. */
export interface SchemaField {
  name: string
  type: FieldType
  description: string
  required: boolean
}

/**
 * A named Kubernetes type. Objects have `fields` (in Go's sorted order); `open` objects take any content
 * (FieldsV1). Scalar types (Time, Quantity, IntOrString) have no fields and `display`, what explain prints for them.
 */
export interface SchemaType {
  name: string
  description: string
  fields?: ReadonlyMap<string, SchemaField>
  open: boolean
  display?: string
}

/** kinds.json as written by the generator: `f` maps a field to `[type, description, 1 if required]`. */
interface RawSchema {
  kinds: string[]
  types: Record<string, {d: string; f?: Record<string, (string | number)[]>; o?: number; s?: string}>
}

let linked: ReadonlyMap<string, SchemaType> | undefined

/** The schema of a kind (`Deployment`), or undefined for kinds without one. */
export function kindSchema(kind: string): SchemaType | undefined {
  linked ??= link(createRequire(import.meta.url)('./kinds.json') as typeof kindsFile)
  return linked.get(kind)
}

/** Turns the file's type table into linked SchemaTypes; every type is built once, shells first so references resolve. */
function link(raw: RawSchema): ReadonlyMap<string, SchemaType> {
  const types = new Map<string, SchemaType>()
  for (const [name, entry] of Object.entries(raw.types)) {
    types.set(name, {name, description: entry.d, open: entry.o === 1, display: entry.s})
  }
  for (const [name, entry] of Object.entries(raw.types)) {
    if (!entry.f) continue
    const fields = new Map<string, SchemaField>()
    for (const [field, [type, description, required]] of Object.entries(entry.f)) {
      fields.set(field, {
        name: field,
        type: parseType(String(type), types),
        description: String(description),
        required: required === 1,
      })
    }
    types.get(name)!.fields = fields
  }
  const kinds = new Map<string, SchemaType>()
  for (const kind of raw.kinds) kinds.set(kind, types.get(kind)!)
  return kinds
}

const SCALARS = new Set(['string', 'integer', 'number', 'boolean'])

/** Parses `[]Container`, `map[string]Quantity`, `integer` or `PodSpec`. */
function parseType(expression: string, types: ReadonlyMap<string, SchemaType>): FieldType {
  if (expression.startsWith('[]')) return {kind: 'array', items: parseType(expression.slice(2), types)}
  if (expression.startsWith('map[string]'))
    return {kind: 'map', values: parseType(expression.slice(11), types)}
  if (SCALARS.has(expression)) return {kind: 'scalar', name: expression as 'string'}
  const type = types.get(expression)
  if (!type) throw new Error(`internal: kinds.json names an unknown type ${expression}`)
  return {kind: 'named', type}
}
