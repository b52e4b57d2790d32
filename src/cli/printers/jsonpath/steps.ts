/**
 * The steps that need no evaluator state, as client-go's evalField, evalArray, evalWildcard and
 * evalRecursive: each maps a list of current values to the next list. null (Go's nil) is skipped.
 */
import {JsonPathEvalError} from './failures.js'
import {NO_VALUE, goTypeName, isGoMap, listElements, sortedEntries, stringBytes} from './go-values.js'
import type {SliceParam} from './nodes.js'

/** `.name`: the key of every map that has it; none at all is an error unless missing keys are allowed. */
export function selectField(input: readonly unknown[], name: string, allowMissingKeys: boolean): unknown[] {
  const results: unknown[] = []
  if (input.length === 0) return results
  for (const value of input) {
    if (isGoMap(value) && Object.hasOwn(value, name) && value[name] !== undefined) results.push(value[name])
  }
  if (results.length === 0 && !allowMissingKeys) throw new JsonPathEvalError(`${name} is not found`, results)
  return results
}

/**
 * `[n]`, `[start:end:step]`: Python-like bounds where negatives count from the end, but out-of-range
 * indexes are errors rather than clipped, as in client-go.
 */
export function selectSlice(
  input: readonly unknown[],
  params: readonly [SliceParam, SliceParam, SliceParam],
): unknown[] {
  const result: unknown[] = []
  for (const value of input) {
    if (value === null || value === NO_VALUE) continue
    if (!Array.isArray(value))
      throw new JsonPathEvalError(`${goTypeName(value)} is not array or slice`, input)
    const length = value.length
    let start = params[0].known ? params[0].value : 0
    if (start < 0) start += length
    let end = params[1].known ? params[1].value : length
    // `[-1]` is `-1:0` with a derived end: both count from the end, giving the last element.
    if (end < 0 || (end === 0 && params[1].derived)) end += length
    if (end === start) return result
    if (start >= length || start < 0) {
      throw new JsonPathEvalError(`array index out of bounds: index ${start}, length ${length}`, input)
    }
    if (end > length || end < 0)
      throw new JsonPathEvalError(`array index out of bounds: index ${end - 1}, length ${length}`, input)
    if (start > end)
      throw new JsonPathEvalError(`starting index ${start} is greater than ending index ${end}`, input)
    let step = 1
    if (params[2].known) {
      if (params[2].value <= 0) throw new JsonPathEvalError('step must be > 0', input)
      step = params[2].value
    }
    const elements = listElements(value.slice(start, end))
    for (let i = 0; i < elements.length; i += step) result.push(elements[i])
  }
  return result
}

/**
 * The children of a value: a map's values, a list's elements, a string's UTF-8 bytes. Go visits map keys
 * in random order; we take them sorted so output is stable.
 */
function childrenOf(value: unknown): unknown[] {
  if (Array.isArray(value)) return listElements(value)
  if (typeof value === 'string') return stringBytes(value)
  if (isGoMap(value)) return sortedEntries(value).map(([, child]) => child)
  return []
}

/** `.*`: every child of every value (`[*]` is a slice, for lists only). */
export function selectWildcard(input: readonly unknown[]): unknown[] {
  return input.flatMap((value) => (value === null ? [] : childrenOf(value)))
}

/** `..`: every value that has children, then (depth first) everything below it. Leaves are left out. */
export function selectRecursive(input: readonly unknown[]): unknown[] {
  const result: unknown[] = []
  for (const value of input) {
    if (value === null) continue
    const children = childrenOf(value)
    if (children.length === 0) continue
    result.push(value, ...selectRecursive(children))
  }
  return result
}
