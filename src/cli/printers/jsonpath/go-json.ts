/**
 * Go's json.Marshal of decoded JSON, which is how kubectl's jsonpath prints a map or a list: compact,
 * keys sorted, and `<`, `>`, `&`, U+2028 and U+2029 escaped for HTML safety.
 */
import {GoNumber, NO_VALUE, isGoMap, listElements, sortedEntries} from './go-values.js'

/** The compact JSON of a value, byte for byte as Go's encoding/json writes it. */
export function marshalGoJson(value: unknown): string {
  if (value === null || value === undefined || value === NO_VALUE) return 'null'
  if (typeof value === 'string') return quoteJson(value)
  if (typeof value === 'boolean') return String(value)
  // Go writes float64 with 'f' below 1e21 and from 1e-6, 'e' outside, with a two-digit-free exponent:
  // exactly JavaScript's number to string conversion.
  if (typeof value === 'number') return String(value)
  if (value instanceof GoNumber) return String(value.value)
  if (Array.isArray(value)) return `[${listElements(value).map(marshalGoJson).join(',')}]`
  if (isGoMap(value)) {
    return `{${sortedEntries(value)
      .map(([key, child]) => `${quoteJson(key)}:${marshalGoJson(child)}`)
      .join(',')}}`
  }
  // Nothing else comes out of JSON; a bigint reads as the integer it is, anything stranger as null.
  return typeof value === 'bigint' ? value.toString() : 'null'
}

const HTML_SAFE: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

/** A JSON string as Go quotes it: JSON.stringify's escapes plus the HTML-safe ones; lone surrogates become U+FFFD. */
function quoteJson(text: string): string {
  const wellFormed = text.replace(LONE_SURROGATE, '\ufffd')
  return JSON.stringify(wellFormed).replace(/[<>&\u2028\u2029]/g, (char) => HTML_SAFE[char] ?? char)
}
