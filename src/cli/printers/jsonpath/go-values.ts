/**
 * The values a template walks over, seen the way client-go's reflection sees the decoded JSON
 * (map[string]interface{}, []interface{}, string, int64, float64, bool, nil), plus the few Go-only values the
 * evaluator makes: typed literals and "no value".
 */

/** A number whose Go type is not the one JSON decoding would give: a template literal or a string's byte. */
export class GoNumber {
  constructor(
    readonly kind: 'int' | 'uint8' | 'float64',
    readonly value: number,
  ) {}
}

/** Go's invalid reflect.Value (`reflect.ValueOf(nil)`): what a range over null or over nothing hands on. */
export const NO_VALUE: unique symbol = Symbol('no value')

/** A JSON object (Go: a map). */
export type GoMap = Record<string, unknown>

/** Whether `value` is a JSON object rather than a list or scalar. */
export function isGoMap(value: unknown): value is GoMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof GoNumber)
}

/** Whether a JavaScript number decodes as Go's int64 (integral and in range) rather than float64. */
export function isGoInt(value: number): boolean {
  return Number.isInteger(value) && Math.abs(value) < 2 ** 63
}

/** The entries of a map in Go's order for printing and JSON: keys sorted bytewise; undefined means absent. */
export function sortedEntries(map: GoMap): [string, unknown][] {
  return Object.keys(map)
    .filter((key) => map[key] !== undefined)
    .sort(compareGoStrings)
    .map((key) => [key, map[key]])
}

/** The elements of a list, where an undefined hole reads as null (as JSON encodes it). */
export function listElements(list: readonly unknown[]): unknown[] {
  return Array.from(list, (element) => (element === undefined ? null : element))
}

/** Go compares strings by their UTF-8 bytes, which is code point order (not UTF-16 unit order). */
export function compareGoStrings(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'))
}

/** The UTF-8 bytes of a string, as Go indexes a string. */
export function stringBytes(text: string): GoNumber[] {
  return Array.from(Buffer.from(text, 'utf8'), (byte) => new GoNumber('uint8', byte))
}

/** Go's name for the type of a value, as `%v is not array or slice` prints it. */
export function goTypeName(value: unknown): string {
  if (value instanceof GoNumber) return value.kind
  if (typeof value === 'string') return 'string'
  if (typeof value === 'boolean') return 'bool'
  if (typeof value === 'number') return isGoInt(value) ? 'int64' : 'float64'
  if (Array.isArray(value)) return '[]interface {}'
  if (isGoMap(value)) return 'map[string]interface {}'
  return 'interface {}'
}
