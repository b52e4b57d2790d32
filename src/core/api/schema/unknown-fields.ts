/**
 * Strict decoding: the field paths of an object that its kind's schema does not know, as the API server's
 * strict field validation reports them (`unknown field "spec.template.spec.containers[0].imagee"`).
 */
import type {KubeObject} from '../types.js'
import type {FieldType, SchemaType} from './schema.js'
import {kindSchema} from './schema.js'

/** The decoder stops collecting after this many, like sigs.k8s.io/json's strict errors. */
const MAX_ERRORS = 100

/** A path under construction: field names, and list indexes as numbers. */
type Path = (string | number)[]

/**
 * Paths such as `spec.replicass` or `spec.template.spec.containers[0].imagee`, in document order. `status` is
 * accepted without looking inside: writes from clients ignore it. Kinds without a schema have no unknown fields.
 */
export function unknownFields(object: KubeObject): string[] {
  const schema = kindSchema(object.kind)
  const found: string[] = []
  if (schema) checkObject(object, schema, [], found, true)
  return found
}

function checkObject(value: object, type: SchemaType, path: Path, found: string[], top = false): void {
  const fields = type.fields
  if (!fields || type.open) return
  const record = value as Record<string, unknown>
  for (const key of Object.keys(record)) {
    if (found.length >= MAX_ERRORS) return
    const field = fields.get(key)
    if (!field) {
      found.push(formatPath(path, key))
      continue
    }
    const child = record[key]
    if (child === null || typeof child !== 'object' || (top && key === 'status')) continue
    path.push(key)
    checkValue(child, field.type, path, found)
    path.pop()
  }
}

function checkValue(value: object, type: FieldType, path: Path, found: string[]): void {
  switch (type.kind) {
    case 'named':
      if (!Array.isArray(value)) checkObject(value, type.type, path, found)
      return
    case 'array':
      if (!Array.isArray(value)) return
      for (let index = 0; index < value.length; index++) {
        const item: unknown = value[index]
        if (item === null || typeof item !== 'object') continue
        path.push(index)
        checkValue(item, type.items, path, found)
        path.pop()
      }
      return
    case 'map':
      // Any key is valid in a map; only its values have a shape.
      if (Array.isArray(value)) return
      for (const key of Object.keys(value)) {
        const item = (value as Record<string, unknown>)[key]
        if (item === null || typeof item !== 'object') continue
        path.push(key)
        checkValue(item, type.values, path, found)
        path.pop()
      }
      return
    case 'scalar':
      return
  }
}

/** `spec.template.spec.containers[0].imagee`: names joined by dots, indexes in brackets. */
function formatPath(path: Path, last: string): string {
  let text = ''
  for (const segment of path)
    text += typeof segment === 'number' ? `[${segment}]` : text ? `.${segment}` : segment
  return text ? `${text}.${last}` : last
}
