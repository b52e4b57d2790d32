/**
 * One label requirement (`key op values`): how it is built and checked (labels.NewRequirement), how it
 * matches a label set, and how kubectl prints it (Requirement.String in apimachinery pkg/labels/selector.go).
 */
import type {FieldError} from './field.js'
import {formatFieldError, invalid} from './field.js'
import {isQualifiedName, isValidLabelValue} from './names.js'

/**
 * A requirement's operator. `==` parses to `=`. `Gt`/`Lt` (`replicas>2`) are the integer comparisons
 * labels.Parse also accepts.
 */
export type Operator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | '=' | '!=' | 'Gt' | 'Lt'

/** One requirement; a selector ANDs them. */
export interface Requirement {
  key: string
  operator: Operator
  values: string[]
}

/** Go's strconv.ParseInt(s, 10, 64) succeeds. */
function isInt64(value: string): boolean {
  if (!/^[+-]?\d+$/.test(value)) return false
  const n = BigInt(value)
  return n >= -(2n ** 63n) && n < 2n ** 63n
}

/**
 * NewRequirement's checks, with its field paths (`key`, `values`, `values[0][app]`) because the parser
 * passes no path prefix. Returns every problem; an empty list means the requirement is valid.
 */
export function requirementErrors(key: string, operator: Operator, values: readonly string[]): FieldError[] {
  const errors: FieldError[] = []
  const keyProblems = isQualifiedName(key)
  if (keyProblems.length > 0) errors.push(invalid('key', key, keyProblems.join('; ')))
  switch (operator) {
    case 'In':
    case 'NotIn':
      if (values.length === 0)
        errors.push(invalid('values', values, "for 'in', 'notin' operators, values set can't be empty"))
      break
    case '=':
    case '!=':
      if (values.length !== 1)
        errors.push(invalid('values', values, 'exact-match compatibility requires one single value'))
      break
    case 'Exists':
    case 'DoesNotExist':
      if (values.length !== 0)
        errors.push(invalid('values', values, 'values set must be empty for exists and does not exist'))
      break
    case 'Gt':
    case 'Lt':
      if (values.length !== 1)
        errors.push(invalid('values', values, "for 'Gt', 'Lt' operators, exactly one value is required"))
      values.forEach((value, i) => {
        if (!isInt64(value))
          errors.push(
            invalid(`values[${i}]`, value, "for 'Gt', 'Lt' operators, the value must be an integer"),
          )
      })
      break
  }
  values.forEach((value, i) => {
    const problems = isValidLabelValue(value)
    if (problems.length > 0) errors.push(invalid(`values[${i}][${key}]`, value, problems.join('; ')))
  })
  return errors
}

/** utilerrors.Aggregate's message: one error alone, several deduplicated inside `[a, b]`. */
export function aggregateMessage(errors: readonly FieldError[]): string {
  const messages = [...new Set(errors.map(formatFieldError))]
  return messages.length === 1 ? messages[0]! : `[${messages.join(', ')}]`
}

/** Requirement.Matches: `!=` and `notin` also match objects without the key, as in Kubernetes. */
export function matchesRequirement(
  requirement: Requirement,
  labels: Readonly<Record<string, string>>,
): boolean {
  const has = Object.hasOwn(labels, requirement.key)
  const value = has ? labels[requirement.key]! : undefined
  switch (requirement.operator) {
    case 'In':
    case '=':
      return value !== undefined && requirement.values.includes(value)
    case 'NotIn':
    case '!=':
      return value === undefined || !requirement.values.includes(value)
    case 'Exists':
      return has
    case 'DoesNotExist':
      return !has
    case 'Gt':
    case 'Lt':
      return compareInt(requirement, value)
  }
}

/** `replicas>2`: both sides must be integers, otherwise nothing matches. */
function compareInt(requirement: Requirement, value: string | undefined): boolean {
  const limit = requirement.values[0]
  if (value === undefined || requirement.values.length !== 1 || limit === undefined) return false
  if (!isInt64(value) || !isInt64(limit)) return false
  return requirement.operator === 'Gt' ? BigInt(value) > BigInt(limit) : BigInt(value) < BigInt(limit)
}

const SYMBOLS: Record<Operator, string> = {
  In: ' in ',
  NotIn: ' notin ',
  Exists: '',
  DoesNotExist: '',
  '=': '=',
  '!=': '!=',
  Gt: '>',
  Lt: '<',
}

/** Go's byte-wise string order (values and keys are ASCII once validated). */
export const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** Requirement.String: `!legacy`, `tier`, `app=web`, `env in (a,b)` with values sorted. */
export function formatRequirement(requirement: Requirement): string {
  const {key, operator} = requirement
  if (operator === 'Exists') return key
  if (operator === 'DoesNotExist') return `!${key}`
  const values = [...requirement.values].sort(compareStrings).join(',')
  const set = operator === 'In' || operator === 'NotIn'
  return `${key}${SYMBOLS[operator]}${set ? `(${values})` : values}`
}
