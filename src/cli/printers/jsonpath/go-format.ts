/**
 * Go's fmt and strconv spellings that kubectl's output and messages are made of: `%v` of numbers and
 * composite values, `%#v` (the object dump in execution errors), `%q` and `%#U`.
 */
import {GoNumber, NO_VALUE, compareGoStrings, isGoInt, isGoMap, sortedEntries} from './go-values.js'

/** A float64 as Go's `%v` prints it: shortest digits, exponent form below 1e-4 or from 1e6 on (`1e+06`). */
export function formatGoFloat(value: number): string {
  if (Number.isNaN(value)) return 'NaN'
  if (!Number.isFinite(value)) return value > 0 ? '+Inf' : '-Inf'
  if (value === 0) return Object.is(value, -0) ? '-0' : '0'
  const [mantissa = '', exponentText = '0'] = value.toExponential().split('e')
  const exponent = Number(exponentText)
  // strconv's %g with the shortest precision uses the exponent form when exp < -4 || exp >= 6 (eprec = 6).
  if (exponent < -4 || exponent >= 6) {
    const sign = exponent < 0 ? '-' : '+'
    return `${mantissa}e${sign}${String(Math.abs(exponent)).padStart(2, '0')}`
  }
  return String(value)
}

/** A number as Go prints it: JSON integers are int64, everything else float64. */
export function formatGoNumber(value: number | GoNumber): string {
  if (value instanceof GoNumber)
    return value.kind === 'float64' ? formatGoFloat(value.value) : String(value.value)
  return isGoInt(value) ? BigInt(value).toString() : formatGoFloat(value)
}

/** Go's `%v`: maps as `map[k:v]`, lists as `[a b]`, nil as `<nil>`. */
export function formatGoValue(value: unknown): string {
  if (value === NO_VALUE) return '<invalid reflect.Value>'
  if (value === null || value === undefined) return '<nil>'
  if (typeof value === 'string') return value
  if (typeof value === 'boolean') return String(value)
  if (typeof value === 'number' || value instanceof GoNumber) return formatGoNumber(value)
  if (Array.isArray(value)) return `[${value.map(formatGoValue).join(' ')}]`
  if (isGoMap(value)) {
    return `map[${sortedEntries(value)
      .map(([key, child]) => `${key}:${formatGoValue(child)}`)
      .join(' ')}]`
  }
  // Nothing else comes out of JSON; a bigint reads as the integer it is, anything stranger as nil.
  return typeof value === 'bigint' ? value.toString() : '<nil>'
}

/** Go's `%#v` of decoded JSON: `map[string]interface {}{"a":1, "b":[]interface {}{"x"}}`. */
export function formatGoSyntax(value: unknown, inInterface = false): string {
  if (value === null || value === undefined || value === NO_VALUE)
    return inInterface ? 'interface {}(nil)' : '<nil>'
  if (typeof value === 'string') return quoteGo(value)
  if (typeof value === 'boolean') return String(value)
  if (typeof value === 'number' || value instanceof GoNumber) return formatGoNumber(value)
  if (Array.isArray(value)) {
    return `[]interface {}{${value.map((child) => formatGoSyntax(child, true)).join(', ')}}`
  }
  if (isGoMap(value)) {
    const entries = Object.entries(value)
      .filter(([, child]) => child !== undefined)
      .sort(([a], [b]) => compareGoStrings(a, b))
    return `map[string]interface {}{${entries.map(([key, child]) => `${quoteGo(key)}:${formatGoSyntax(child, true)}`).join(', ')}}`
  }
  return typeof value === 'bigint' ? value.toString() : formatGoSyntax(null, inInterface)
}

const QUOTE_ESCAPES: Record<string, string> = {
  '\x07': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
  '"': '\\"',
  '\\': '\\\\',
}

/** Go's strconv.Quote (`%q`): printable characters as they are, the rest escaped. */
export function quoteGo(text: string): string {
  let quoted = '"'
  for (const char of text) {
    const point = char.codePointAt(0)!
    const escape = QUOTE_ESCAPES[char]
    if (escape !== undefined) quoted += escape
    else if (isGoPrintable(point)) quoted += char
    else if (point < 0x80) quoted += `\\x${hex(point, 2)}`
    else if (point < 0x10000) quoted += `\\u${hex(point, 4)}`
    else quoted += `\\U${hex(point, 8)}`
  }
  return `${quoted}"`
}

/** Go's `%#U`: `U+007E '~'`, without the quoted character when it is not printable. */
export function formatGoUnicode(point: number): string {
  const code = `U+${point.toString(16).toUpperCase().padStart(4, '0')}`
  return isGoPrintable(point) ? `${code} '${String.fromCodePoint(point)}'` : code
}

/** strconv.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
function isGoPrintable(point: number): boolean {
  return point === 0x20 || /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u.test(String.fromCodePoint(point))
}

function hex(value: number, width: number): string {
  return value.toString(16).padStart(width, '0')
}
