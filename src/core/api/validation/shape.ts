/**
 * Reading manifests defensively: they are untyped JSON at runtime, so a list may be missing or hold a string.
 * Defaulting skips what it cannot use; validation reports it.
 */

/** True for a plain JSON object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The object entries of a list, skipping anything that is not an object. */
export function records<T>(list: unknown): T[] {
  return Array.isArray(list) ? (list.filter(isRecord) as T[]) : []
}

/** A list's entries paired with their index, for field paths like `spec.containers[1]`. */
export function indexed<T>(list: unknown): [T, number][] {
  return Array.isArray(list) ? list.map((item, i): [T, number] => [item as T, i]) : []
}

/** A string map, or an empty one for anything else. */
export function stringMap(value: unknown): Record<string, string> {
  return isRecord(value) ? (value as Record<string, string>) : {}
}

/** A string field as Go would hold it: missing is '', a number its digits, anything else JSON. */
export function text(value: unknown): string {
  if (typeof value === 'string') return value
  if (value === undefined || value === null) return ''
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value)
}
