/** apps/v1 Deployment (k8s@1.28 ValidateDeploymentSpec, ValidateDeploymentStrategy, ValidateRollingUpdateDeployment). */
import type {FieldError} from '../field.js'
import {forbidden, invalid, notSupported, required} from '../field.js'
import {regexError} from '../names.js'
import type {Deployment, DeploymentStrategy, PodTemplateSpec} from '../types.js'
import {validateAppsSelector, validateSelectorUnchanged} from './apps-selector.js'
import {goDeploymentStrategy} from './go-value.js'
import {nonNegative} from './scalars.js'
import {isRecord} from './shape.js'
import {validateControllerTemplate} from './template.js'

const PERCENT_FMT = '[0-9]+%'

/** spec of a Deployment; `old` is the stored object on update. */
export function validateDeploymentSpec(deployment: Deployment, old?: Deployment): FieldError[] {
  const spec = deployment.spec
  const errors = nonNegative(spec.replicas, 'spec.replicas')
  const selector = validateAppsSelector(spec.selector, 'spec.selector')
  errors.push(...selector.errors)
  const template = (isRecord(spec.template) ? spec.template : {}) as PodTemplateSpec
  errors.push(...validateControllerTemplate(template, selector.selects, 'ReplicaSet', 'spec.template'))
  errors.push(...validateStrategy(isRecord(spec.strategy) ? spec.strategy : {}, 'spec.strategy'))
  errors.push(...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'))
  errors.push(...nonNegative(spec.revisionHistoryLimit, 'spec.revisionHistoryLimit'))
  if (spec.progressDeadlineSeconds !== undefined) {
    errors.push(...nonNegative(spec.progressDeadlineSeconds, 'spec.progressDeadlineSeconds'))
    if (
      Number.isInteger(spec.progressDeadlineSeconds) &&
      spec.progressDeadlineSeconds <= (spec.minReadySeconds ?? 0)
    ) {
      errors.push(
        invalid(
          'spec.progressDeadlineSeconds',
          spec.progressDeadlineSeconds,
          'must be greater than minReadySeconds',
        ),
      )
    }
  }
  if (old) errors.push(...validateSelectorUnchanged(spec.selector, old.spec.selector, 'spec.selector'))
  return errors
}

/** Recreate takes no rollingUpdate; RollingUpdate needs sane maxSurge/maxUnavailable. */
function validateStrategy(strategy: DeploymentStrategy, path: string): FieldError[] {
  switch (strategy.type) {
    case 'Recreate':
      return strategy.rollingUpdate
        ? [forbidden(`${path}.rollingUpdate`, "may not be specified when strategy `type` is 'Recreate'")]
        : []
    case 'RollingUpdate':
      if (!isRecord(strategy.rollingUpdate))
        return [required(`${path}.rollingUpdate`, 'this should be defaulted and never be nil')]
      return validateRollingUpdate(strategy.rollingUpdate, `${path}.rollingUpdate`)
    default:
      return [notSupported(path, goDeploymentStrategy(strategy), ['Recreate', 'RollingUpdate'])]
  }
}

/**
 * Both counts are ints or percentages; they may not both be 0 (no pod could ever be replaced), and
 * maxUnavailable may not pass 100%. Example: maxSurge 0 + maxUnavailable 0% is refused; 0 + 1 is fine.
 */
function validateRollingUpdate(
  rollingUpdate: {maxSurge?: unknown; maxUnavailable?: unknown},
  path: string,
): FieldError[] {
  const {maxSurge, maxUnavailable} = rollingUpdate
  const errors = [
    ...validateIntOrPercent(maxUnavailable, `${path}.maxUnavailable`),
    ...validateIntOrPercent(maxSurge, `${path}.maxSurge`),
  ]
  if (intOrPercentValue(maxUnavailable) === 0 && intOrPercentValue(maxSurge) === 0) {
    errors.push(invalid(`${path}.maxUnavailable`, maxUnavailable ?? 0, 'may not be 0 when `maxSurge` is 0'))
  }
  const percent = percentValue(maxUnavailable)
  if (percent !== undefined && percent > 100)
    errors.push(invalid(`${path}.maxUnavailable`, maxUnavailable, 'must not be greater than 100%'))
  return errors
}

/** ValidatePositiveIntOrPercent: a non-negative int, or a string like `25%`. */
function validateIntOrPercent(value: unknown, path: string): FieldError[] {
  if (typeof value === 'string') {
    if (percentValue(value) !== undefined) return []
    const message = regexError(
      "a valid percent string must be a numeric string followed by an ending '%'",
      PERCENT_FMT,
      '1%',
      '93%',
    )
    return [invalid(path, value, message)]
  }
  if (value === undefined || typeof value === 'number') return nonNegative(value, path)
  return [invalid(path, value, "must be an integer or percentage (e.g '5%')")]
}

function percentValue(value: unknown): number | undefined {
  return typeof value === 'string' && new RegExp(`^${PERCENT_FMT}$`).test(value)
    ? Number(value.slice(0, -1))
    : undefined
}

/** The number in `25%` or `3`; anything unparsable counts as 0, as intstr's IntValue does (getIntOrPercentValue). */
function intOrPercentValue(value: unknown): number {
  if (typeof value === 'number') return value
  const percent = percentValue(value)
  if (percent !== undefined) return percent
  return typeof value === 'string' && /^[+-]?[0-9]+$/.test(value) ? Number(value) : 0
}
