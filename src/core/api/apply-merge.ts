/**
 * The three-way merge behind `tug apply`: what the user applied now, what they applied last time (the
 * last-applied-configuration annotation), and the live object. Fields the user removed from their file since
 * the last apply are removed; fields others set (status, defaults, `tug label`, `tug scale`) stay unless the
 * file sets them. Maps merge key by key; lists are replaced whole, which is what kubectl's strategic merge
 * does for every list but the keyed ones (containers, ports, env), where replacing still yields the
 * applied list once defaults are filled in again.
 */

type Json = null | boolean | number | string | Json[] | {[key: string]: Json}

function isMap(value: unknown): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Returns the merged value; never mutates its inputs. */
export function threeWayMerge(live: unknown, applied: unknown, lastApplied: unknown): unknown {
  if (!isMap(applied) || !isMap(live)) return structuredClone(applied)
  const last = isMap(lastApplied) ? lastApplied : {}
  const merged: Record<string, unknown> = structuredClone(live)
  for (const key of Object.keys(last)) {
    if (!(key in applied)) delete merged[key]
  }
  for (const [key, value] of Object.entries(applied)) {
    if (value === null) delete merged[key]
    else merged[key] = threeWayMerge(live[key], value, last[key])
  }
  return merged
}
