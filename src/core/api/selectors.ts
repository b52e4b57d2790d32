/**
 * Label selectors: one parser and one matcher for `-l` strings (`app=web,tier!=db,env in (a,b),!legacy,tier`)
 * and for objects' matchLabels/matchExpressions and equality maps, behaving as apimachinery's pkg/labels and
 * metav1.LabelSelectorAsSelector do.
 */
import {UserError} from './errors.js'
import type {FieldError} from './field.js'
import {forbidden, goValue, invalid, required} from './field.js'
import {validateLabelKey, validateLabels, validateLabelValue} from './names.js'
import {parseRequirements} from './selector-parser.js'
import type {Operator, Requirement} from './selector-requirement.js'
import {
  aggregateMessage,
  compareStrings,
  formatRequirement,
  matchesRequirement,
  requirementErrors,
} from './selector-requirement.js'
import type {LabelSelector, LabelSelectorRequirement} from './types.js'

export type {Operator, Requirement} from './selector-requirement.js'

/** A parsed selector; the empty selector matches everything. */
export type Selector = readonly Requirement[]

const SELECTOR_HINT = 'a selector is a comma-separated list such as: app=web,tier!=db,env in (a,b),!legacy'

/** Requirements ordered by key, as labels.Parse and Selector.Add leave them (stable for repeated keys). */
const byKey = (requirements: Requirement[]): Selector =>
  requirements.sort((a, b) => compareStrings(a.key, b.key))

/**
 * Parses a `-l` selector string; throws UserError with kubectl's message on bad syntax, e.g.
 * `the provided selector "a b" is not valid: unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt`.
 * Empty or blank text is the everything selector.
 */
export function parseSelector(text: string): Selector {
  // kubectl trims the flag before parsing and quotes the trimmed text in its message.
  const trimmed = text.trim()
  const result = parseRequirements(trimmed)
  if ('error' in result)
    throw new UserError(
      `the provided selector ${goValue(trimmed)} is not valid: ${result.error}`,
      SELECTOR_HINT,
    )
  return byKey(result.requirements)
}

const EXPRESSION_OPERATORS: Readonly<Record<string, Operator>> = {
  In: 'In',
  NotIn: 'NotIn',
  Exists: 'Exists',
  DoesNotExist: 'DoesNotExist',
}

/**
 * Converts an apps/v1 LabelSelector (matchLabels + matchExpressions); `{}` selects everything. Stored
 * objects were validated already, so a bad selector here is reported with LabelSelectorAsSelector's message.
 */
export function selectorFromLabelSelector(selector: LabelSelector): Selector {
  const requirements: Requirement[] = Object.entries(selector.matchLabels ?? {}).map(([key, value]) =>
    checked({key, operator: '=', values: [value]}),
  )
  for (const expression of selector.matchExpressions ?? []) {
    const operator = Object.hasOwn(EXPRESSION_OPERATORS, expression.operator)
      ? EXPRESSION_OPERATORS[expression.operator]
      : undefined
    if (!operator)
      throw new UserError(`${goValue(expression.operator)} is not a valid label selector operator`)
    requirements.push(checked({key: expression.key, operator, values: [...(expression.values ?? [])]}))
  }
  return byKey(requirements)
}

function checked(requirement: Requirement): Requirement {
  const errors = requirementErrors(requirement.key, requirement.operator, requirement.values)
  if (errors.length > 0) throw new UserError(aggregateMessage(errors))
  return requirement
}

/**
 * Converts an equality map (RC and Service selectors), unvalidated like labels.SelectorFromSet. An empty map
 * selects everything: callers that mean "no selector, no pods" (a Service without one) must check first.
 */
export function selectorFromMap(map: Record<string, string>): Selector {
  return byKey(Object.entries(map).map(([key, value]) => ({key, operator: '=', values: [value]})))
}

/** True when the labels satisfy every requirement; missing labels count as an empty set. */
export function matchesSelector(selector: Selector, labels: Record<string, string> | undefined): boolean {
  const set = labels ?? {}
  return selector.every((requirement) => matchesRequirement(requirement, set))
}

/** kubectl's rendering: `app=web,env in (a,b),!legacy,tier`, requirements sorted by key, values sorted. */
export function formatSelector(selector: Selector): string {
  return byKey([...selector])
    .map(formatRequirement)
    .join(',')
}

/** True for the selector that matches everything. */
export function isEverything(selector: Selector): boolean {
  return selector.length === 0
}

/** Validates a LabelSelector object at a field path (keys, values, operators), as the API server does. */
export function validateLabelSelector(selector: LabelSelector, path: string): FieldError[] {
  const errors = validateLabels(selector.matchLabels, `${path}.matchLabels`)
  ;(selector.matchExpressions ?? []).forEach((expression, i) => {
    errors.push(...validateExpression(expression, `${path}.matchExpressions[${i}]`))
  })
  return errors
}

/** ValidateLabelSelectorRequirement (v1.28, values checked as label values). */
function validateExpression(expression: LabelSelectorRequirement, path: string): FieldError[] {
  const errors: FieldError[] = []
  const values = expression.values ?? []
  // Manifests are untyped at runtime: a missing operator is Go's empty string.
  const operator = (expression.operator as string | undefined) ?? ''
  switch (operator) {
    case 'In':
    case 'NotIn':
      if (values.length === 0)
        errors.push(required(`${path}.values`, "must be specified when `operator` is 'In' or 'NotIn'"))
      break
    case 'Exists':
    case 'DoesNotExist':
      if (values.length > 0) {
        errors.push(
          forbidden(`${path}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"),
        )
      }
      break
    default:
      errors.push(invalid(`${path}.operator`, operator, 'not a valid selector operator'))
  }
  errors.push(...validateLabelKey(expression.key, `${path}.key`))
  values.forEach((value, i) => errors.push(...validateLabelValue(value, `${path}.values[${i}]`)))
  return errors
}
