/** Pod tolerations and taint effects (k8s@1.28 ValidateTolerations, validateTaintEffect, validateOnlyAddedTolerations). */
import type {FieldError} from '../field.js'
import {forbidden, invalid, notSupported, required} from '../field.js'
import {isValidLabelValue, validateLabelKey} from '../names.js'
import {jsonEqual} from '../object-meta.js'
import type {Toleration} from '../types.js'
import {indexed, isRecord, records, text} from './shape.js'

/** Taint effects in the order Kubernetes lists them. */
export const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'] as const

/** A taint or toleration effect; tolerations may leave it empty (all effects). */
export function validateTaintEffect(effect: unknown, allowEmpty: boolean, path: string): FieldError[] {
  if (!effect) return allowEmpty ? [] : [required(path, '')]
  return (TAINT_EFFECTS as readonly unknown[]).includes(effect)
    ? []
    : [notSupported(path, effect, TAINT_EFFECTS)]
}

/** Every toleration: key, operator/value pairing, effect, and tolerationSeconds only with NoExecute. */
export function validateTolerations(tolerations: unknown, path: string): FieldError[] {
  const errors: FieldError[] = []
  for (const [toleration, i] of indexed<Toleration>(tolerations)) {
    const at = `${path}[${i}]`
    if (!isRecord(toleration)) {
      errors.push(invalid(at, toleration, 'must be an object'))
      continue
    }
    const key = text(toleration.key)
    const operator = text(toleration.operator)
    const value = text(toleration.value)
    if (key) errors.push(...validateLabelKey(key, `${at}.key`))
    if (!key && operator !== 'Exists') {
      errors.push(
        invalid(
          `${at}.operator`,
          operator,
          'operator must be Exists when `key` is empty, which means "match all values and all keys"',
        ),
      )
    }
    if (
      toleration.tolerationSeconds !== undefined &&
      toleration.tolerationSeconds !== null &&
      toleration.effect !== 'NoExecute'
    ) {
      errors.push(
        invalid(
          `${at}.effect`,
          text(toleration.effect),
          "effect must be 'NoExecute' when `tolerationSeconds` is set",
        ),
      )
    }
    if (operator === 'Equal' || operator === '') {
      const problems = isValidLabelValue(value)
      if (problems.length) errors.push(invalid(`${at}.operator`, value, problems.join(';')))
    } else if (operator === 'Exists') {
      // Kubernetes prints the whole toleration here; its JSON is the readable equivalent.
      if (value)
        errors.push(invalid(`${at}.operator`, toleration, "value must be empty when `operator` is 'Exists'"))
    } else {
      errors.push(notSupported(`${at}.operator`, operator, ['Equal', 'Exists']))
    }
    errors.push(...validateTaintEffect(toleration.effect, true, `${at}.effect`))
  }
  return errors
}

/** On pod update, existing tolerations stay (only their tolerationSeconds may change); new ones may be added. */
export function validateOnlyAddedTolerations(next: unknown, previous: unknown, path: string): FieldError[] {
  const added = records<Toleration>(next)
  for (const old of records<Toleration>(previous)) {
    const kept = added.some((candidate) =>
      jsonEqual({...old, tolerationSeconds: candidate.tolerationSeconds}, candidate),
    )
    if (!kept)
      return [forbidden(path, 'existing toleration can not be modified except its tolerationSeconds')]
  }
  return validateTolerations(next, path)
}
