/**
 * Reading the engines' JSON without trusting its shape: each helper returns a typed value or a neutral one,
 * so a field an engine version leaves out (or renames) degrades to "unknown" instead of a crash.
 */

/** A JSON object, or an empty one when the value is not an object. */
export function objectAt(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {}
}

/** A string, or '' when absent. */
export function stringAt(value: unknown): string {
  return typeof value === 'string' ? value : ''
}

/** A finite number, or undefined. */
export function numberAt(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined
}

/** A string-to-string map such as Labels; non-string values are dropped. */
export function stringMapAt(value: unknown): Record<string, string> {
  const map: Record<string, string> = {}
  for (const [key, entry] of Object.entries(objectAt(value))) {
    if (typeof entry === 'string') map[key] = entry
  }
  return map
}

/** Parses text that must be a JSON array (both engines' `inspect`); anything else yields undefined. */
export function parseJsonArray(text: string): unknown[] | undefined {
  try {
    const value: unknown = JSON.parse(text)
    return Array.isArray(value) ? value : undefined
  } catch {
    return undefined
  }
}

/** An RFC 3339 timestamp with nanoseconds as an ISO string with milliseconds; Go's zero time is undefined. */
export function timestampAt(value: unknown): string | undefined {
  const text = stringAt(value)
  if (!text || text.startsWith('0001-01-01')) return undefined
  // Date.parse copes with milliseconds, not with Go's nine fractional digits.
  const trimmed = text.replace(/(\.\d{3})\d+/, '$1')
  const time = Date.parse(trimmed)
  return Number.isNaN(time) ? undefined : new Date(time).toISOString()
}
