/** Validating one condition of a step's check against the check kinds' schema. */
import {UserError} from '../api/errors.js'
import type {FieldError} from '../api/field.js'
import {invalid, notSupported, required} from '../api/field.js'
import {typeForKind} from '../api/resources.js'
import {parseSelector} from '../api/selectors.js'
import {CONDITION_SCHEMA, typeProblem} from './condition-schema.js'
import type {CheckKind, Condition} from './types.js'
import {CHECK_KINDS} from './types.js'

/** A condition and every problem found in it; the condition is undefined when it cannot be read at all. */
export interface ParsedCondition {
  condition?: Condition
  errors: FieldError[]
}

/** Reads `{<kind>: {field: value...}}` at `path`, reporting every problem at once. */
export function parseCondition(value: unknown, path: string): ParsedCondition {
  if (!isMap(value)) return {errors: [invalid(path, value, 'must be a map with one check kind, e.g. pods:')]}
  const keys = Object.keys(value)
  if (keys.length !== 1)
    return {errors: [invalid(path, keys, 'must name exactly one check kind, e.g. pods: or deployment:')]}
  const kind = keys[0]!
  if (!CHECK_KINDS.includes(kind as CheckKind))
    return {errors: [notSupported(`${path}.${kind}`, kind, CHECK_KINDS)]}
  const fields = value[kind]
  const at = `${path}.${kind}`
  if (!isMap(fields)) return {errors: [invalid(at, fields, 'must be a map of fields')]}
  const errors = fieldErrors(kind as CheckKind, fields, at)
  if (errors.length) return {errors}
  return {condition: {kind: kind as CheckKind, fields: fields as Condition['fields']}, errors}
}

function fieldErrors(kind: CheckKind, fields: Record<string, unknown>, at: string): FieldError[] {
  const schema = CONDITION_SCHEMA[kind]
  const errors: FieldError[] = []
  for (const [name, spec] of Object.entries(schema))
    if (spec.required && fields[name] === undefined) errors.push(required(`${at}.${name}`))
  for (const [name, fieldValue] of Object.entries(fields)) {
    const spec = schema[name]
    if (!spec) {
      errors.push(notSupported(`${at}.${name}`, name, Object.keys(schema)))
      continue
    }
    const problem = typeProblem(spec.type, fieldValue)
    if (problem) errors.push(invalid(`${at}.${name}`, fieldValue, problem))
  }
  if (errors.length === 0) errors.push(...meaningErrors(kind, fields, at))
  return errors
}

/** Checks that need more than a type: a selector that parses, a kind Tugboat serves. */
function meaningErrors(kind: CheckKind, fields: Record<string, unknown>, at: string): FieldError[] {
  if (kind === 'pods') {
    try {
      parseSelector(fields.selector as string)
    } catch (error) {
      if (!(error instanceof UserError)) throw error
      return [invalid(`${at}.selector`, fields.selector, error.message)]
    }
  }
  if (kind === 'object' && !typeForKind(fields.kind as string))
    return [invalid(`${at}.kind`, fields.kind, 'must be a kind Tugboat serves, e.g. Pod or Deployment')]
  return []
}

/** A YAML mapping, not a list or a scalar. */
export function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
