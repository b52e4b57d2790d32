/**
 * Field errors, shaped like apimachinery's field.Error: `<path>: <Type>[: <value>][: <detail>]`.
 * Values print as Go prints them in kubectl 1.28-1.32: strings quoted, numbers bare,
 * maps as `map[string]string{"app":"web"}`.
 */

/** The kinds of field error the API server reports. */
export type FieldErrorType =
  | 'Required value'
  | 'Invalid value'
  | 'Unsupported value'
  | 'Forbidden'
  | 'Duplicate value'
  | 'Not found'
  | 'Too long'
  | 'Too many'

/** One validation failure at one field path. */
export interface FieldError {
  type: FieldErrorType
  field: string
  value?: unknown
  detail?: string
}

const OMITS_VALUE: ReadonlySet<FieldErrorType> = new Set([
  'Required value',
  'Forbidden',
  'Too long',
  'Too many',
])

/** Renders one cause exactly as the API server's message does. */
export function formatFieldError(error: FieldError): string {
  const parts = [`${error.field}: ${error.type}`]
  if (!OMITS_VALUE.has(error.type) && error.value !== undefined) parts.push(goValue(error.value))
  if (error.detail) parts.push(error.detail)
  return parts.join(': ')
}

/**
 * A value already written in Go syntax, such as a struct literal (`v1.LabelSelector{...}`) that cannot be
 * derived from JSON: goValue prints it as it is. A class, so that no decoded manifest can pass for one.
 */
export class GoLiteral {
  constructor(readonly text: string) {}
}

/** Go's %#v-like rendering of a value inside a field error. */
export function goValue(value: unknown): string {
  if (value instanceof GoLiteral) return value.text
  if (value === null) return 'null'
  if (typeof value === 'string') return JSON.stringify(value)
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (Array.isArray(value)) {
    const items = value as unknown[]
    if (items.every((item) => typeof item === 'string'))
      return `[]string{${items.map((item) => JSON.stringify(item)).join(', ')}}`
    return JSON.stringify(items)
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
    if (entries.every(([, v]) => typeof v === 'string')) {
      const body = entries
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`)
        .join(', ')
      return `map[string]string{${body}}`
    }
    return JSON.stringify(value)
  }
  // undefined, bigint and the like never come from decoded JSON; print them plainly all the same.
  return typeof value === 'bigint' ? value.toString() : 'undefined'
}

/** `<path>: Required value[: detail]`. */
export const required = (field: string, detail?: string): FieldError => ({
  type: 'Required value',
  field,
  detail,
})

/** `<path>: Invalid value: <value>: detail`. */
export const invalid = (field: string, value: unknown, detail: string): FieldError => ({
  type: 'Invalid value',
  field,
  value,
  detail,
})

/** `<path>: Unsupported value: <value>: supported values: "A", "B"`. */
export const notSupported = (field: string, value: unknown, supported: readonly string[]): FieldError => ({
  type: 'Unsupported value',
  field,
  value,
  detail: `supported values: ${supported.map((s) => JSON.stringify(s)).join(', ')}`,
})

/** `<path>: Forbidden: detail`. */
export const forbidden = (field: string, detail: string): FieldError => ({type: 'Forbidden', field, detail})

/** `<path>: Duplicate value: <value>[: detail]`. */
export const duplicate = (field: string, value: unknown, detail?: string): FieldError => ({
  type: 'Duplicate value',
  field,
  value,
  detail,
})

/** `<path>: Too long: may not be longer than N`. */
export const tooLong = (field: string, max: number): FieldError => ({
  type: 'Too long',
  field,
  detail: `may not be longer than ${max}`,
})
