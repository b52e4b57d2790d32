/**
 * Filter comparisons (`==`, `!=`, `<`, `>`, `<=`, `>=`) with the rules of Go's text/template eq/lt, which
 * client-go forks: both sides must be the same basic kind (an int64 field never equals the float `1.0`),
 * and booleans only compare for equality.
 */
import {GoNumber, compareGoStrings, isGoInt} from './go-values.js'

type BasicKind = 'bool' | 'int' | 'uint' | 'float' | 'string'

/** A comparison Go refuses, with text/template's message. */
export class ComparisonError extends Error {
  override name = 'ComparisonError'
}

interface Basic {
  kind: BasicKind
  value: number | string | boolean
}

function basic(value: unknown): Basic {
  if (typeof value === 'string') return {kind: 'string', value}
  if (typeof value === 'boolean') return {kind: 'bool', value}
  if (typeof value === 'number') return {kind: isGoInt(value) ? 'int' : 'float', value}
  if (value instanceof GoNumber)
    return {
      kind: value.kind === 'float64' ? 'float' : value.kind === 'uint8' ? 'uint' : 'int',
      value: value.value,
    }
  throw new ComparisonError('invalid type for comparison')
}

/** Whether two integers of different signedness are the one case Go compares across kinds. */
function mixedIntegers(a: Basic, b: Basic): boolean {
  return (a.kind === 'int' && b.kind === 'uint') || (a.kind === 'uint' && b.kind === 'int')
}

function equal(left: unknown, right: unknown): boolean {
  const a = basic(left)
  const b = basic(right)
  if (a.kind !== b.kind && !mixedIntegers(a, b))
    throw new ComparisonError('incompatible types for comparison')
  return a.value === b.value
}

function less(left: unknown, right: unknown): boolean {
  const a = basic(left)
  const b = basic(right)
  if (a.kind !== b.kind && !mixedIntegers(a, b))
    throw new ComparisonError('incompatible types for comparison')
  if (a.kind === 'bool') throw new ComparisonError('invalid type for comparison')
  if (typeof a.value === 'string' && typeof b.value === 'string')
    return compareGoStrings(a.value, b.value) < 0
  return (a.value as number) < (b.value as number)
}

/** Applies a filter operator; throws ComparisonError where Go's template functions return an error. */
export function compareValues(operator: string, left: unknown, right: unknown): boolean {
  switch (operator) {
    case '==':
      return equal(left, right)
    case '!=':
      return !equal(left, right)
    case '<':
      return less(left, right)
    case '<=':
      return less(left, right) || equal(left, right)
    case '>':
      return !(less(left, right) || equal(left, right))
    case '>=':
      return !less(left, right)
    default:
      throw new ComparisonError(`unrecognized filter operator ${operator}`)
  }
}
