/**
 * spec.selector of the apps/v1 controllers (ReplicaSet, Deployment): required, valid, not empty, and
 * immutable once created (k8s@1.28 ValidateReplicaSetSpec, ValidateDeploymentSpec, registry strategies).
 */
import type {FieldError} from '../field.js'
import {invalid, required} from '../field.js'
import {jsonEqual} from '../object-meta.js'
import {selectorFromLabelSelector, validateLabelSelector} from '../selectors.js'
import type {LabelSelector} from '../types.js'
import {goLabelSelector} from './go-value.js'
import {isRecord} from './shape.js'
import type {TemplateSelector} from './template.js'

/** Problems with the selector, and what it selects for the template check (undefined: skip that check). */
export function validateAppsSelector(
  selector: unknown,
  path: string,
): {errors: FieldError[]; selects: TemplateSelector | undefined} {
  // A missing selector converts to "nothing", so the template check also fails, as in Kubernetes.
  if (selector === undefined || selector === null) return {errors: [required(path, '')], selects: 'nothing'}
  const labelSelector = (isRecord(selector) ? selector : {}) as LabelSelector
  const errors = validateLabelSelector(labelSelector, path)
  const expressions = Array.isArray(labelSelector.matchExpressions)
    ? labelSelector.matchExpressions.length
    : 0
  if (Object.keys(labelSelector.matchLabels ?? {}).length + expressions === 0) {
    // Kubernetes says "deployment" for ReplicaSets too.
    errors.push(invalid(path, goLabelSelector(labelSelector), 'empty selector is invalid for deployment'))
  }
  try {
    return {errors, selects: selectorFromLabelSelector(labelSelector)}
  } catch {
    errors.push(invalid(path, goLabelSelector(labelSelector), 'invalid label selector'))
    return {errors, selects: undefined}
  }
}

/** apps/v1 selectors never change after creation (nil and empty lists and maps count as equal). */
export function validateSelectorUnchanged(next: unknown, previous: unknown, path: string): FieldError[] {
  if (jsonEqual(normalise(next), normalise(previous))) return []
  return [invalid(path, isRecord(next) ? goLabelSelector(next) : null, 'field is immutable')]
}

/** Drops empty maps and lists, as apimachinery's semantic equality treats them like nil. */
function normalise(value: unknown): unknown {
  if (Array.isArray(value)) return value.length ? value.map(normalise) : undefined
  if (!isRecord(value)) return value
  const entries = Object.entries(value)
    .map(([key, item]): [string, unknown] => [key, normalise(item)])
    .filter(([, item]) => item !== undefined)
  return entries.length ? Object.fromEntries(entries) : undefined
}
