/**
 * How label, annotate and set image split their arguments: resources first (`pod web`, `deploy/web`), then
 * changes (`key=value`, `key-`), as kubectl's cmdutil GetResourcesAndPairs and ParsePairs do.
 */
import {UserError} from '../api/errors.js'

/** The arguments before the first change, and the changes. */
export interface ResourcesAndPairs {
  resources: string[]
  pairs: string[]
}

/** A set of changes to a string map: keys to set, and keys to remove. */
export interface MapChanges {
  set: Record<string, string>
  remove: string[]
}

/** A map without a prototype, so keys such as `__proto__` or `constructor` are plain keys. */
export function emptyMap(): Record<string, string> {
  return Object.create(null) as Record<string, string>
}

/** A change has an `=` after its first character, or ends with `-` (a removal); anything else names a resource. */
function isPair(arg: string): boolean {
  return (arg.includes('=') && !arg.startsWith('=')) || (arg.endsWith('-') && arg !== '-')
}

/** Splits `TYPE NAME k=v k2-` into resources and changes; a resource after a change is refused. */
export function splitResourcesAndPairs(args: readonly string[], pairType: string): ResourcesAndPairs {
  const resources: string[] = []
  const pairs: string[] = []
  for (const arg of args) {
    if (isPair(arg)) pairs.push(arg)
    else if (pairs.length)
      throw new UserError(`all resources must be specified before ${pairType} changes: ${arg}`)
    else resources.push(arg)
  }
  return {resources, pairs}
}

/** `k=v` (the value may contain `=`) and, when removal is supported, `k-`; anything else is an invalid format. */
export function parsePairs(pairs: readonly string[], pairType: string, supportRemove: boolean): MapChanges {
  const changes: MapChanges = {set: emptyMap(), remove: []}
  const invalid: string[] = []
  for (const pair of pairs) {
    const equals = pair.indexOf('=')
    if (equals > 0) changes.set[pair.slice(0, equals)] = pair.slice(equals + 1)
    else if (supportRemove && pair.endsWith('-') && pair !== '-') changes.remove.push(pair.slice(0, -1))
    else invalid.push(pair)
  }
  if (invalid.length) throw new UserError(`invalid ${pairType} format: ${invalid.join(', ')}`)
  return changes
}
