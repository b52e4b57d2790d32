/** v1 Pod (k8s@1.28 ValidatePodCreate, ValidatePodSpecificAnnotations). */
import type {FieldError} from '../field.js'
import {invalid} from '../field.js'
import type {Pod, PodSpec} from '../types.js'
import {validatePodSpec} from './pod-spec.js'
import {validatePodUpdate} from './pod-update.js'
import {isRecord, stringMap} from './shape.js'

/** The annotation that ranks pods for scale-down; it must hold a 32-bit integer. */
export const POD_DELETION_COST_ANNOTATION = 'controller.kubernetes.io/pod-deletion-cost'

/** spec and pod-specific annotations of a Pod; `old` is the stored pod on update. */
export function validatePodObject(pod: Pod, old?: Pod): FieldError[] {
  const spec = (isRecord(pod.spec) ? pod.spec : {}) as PodSpec
  const errors = [...validatePodAnnotations(pod), ...validatePodSpec(spec, 'spec')]
  if (old) errors.push(...validatePodUpdate(spec, old.spec))
  return errors
}

function validatePodAnnotations(pod: Pod): FieldError[] {
  const annotations = stringMap(pod.metadata.annotations)
  const cost = annotations[POD_DELETION_COST_ANNOTATION]
  if (cost === undefined) return []
  const value = /^[+-]?[0-9]+$/.test(cost) ? Number(cost) : Number.NaN
  const valid = Number.isInteger(value) && value >= -2147483648 && value <= 2147483647
  return valid
    ? []
    : [invalid(`metadata.annotations[${POD_DELETION_COST_ANNOTATION}]`, cost, 'must be a 32bit integer')]
}
