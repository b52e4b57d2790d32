/** apps/v1 ReplicaSet (k8s@1.28 ValidateReplicaSet, ValidateReplicaSetUpdate; selector immutability from its strategy). */
import type {FieldError} from '../field.js'
import type {PodTemplateSpec, ReplicaSet} from '../types.js'
import {validateAppsSelector, validateSelectorUnchanged} from './apps-selector.js'
import {nonNegative} from './scalars.js'
import {isRecord} from './shape.js'
import {validateControllerTemplate} from './template.js'

/** spec of a ReplicaSet; `old` is the stored object on update. */
export function validateReplicaSetSpec(rs: ReplicaSet, old?: ReplicaSet): FieldError[] {
  const spec = rs.spec
  const errors = [
    ...nonNegative(spec.replicas, 'spec.replicas'),
    ...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'),
  ]
  const selector = validateAppsSelector(spec.selector, 'spec.selector')
  errors.push(...selector.errors)
  const template = (isRecord(spec.template) ? spec.template : {}) as PodTemplateSpec
  errors.push(...validateControllerTemplate(template, selector.selects, 'ReplicaSet', 'spec.template'))
  if (old) errors.push(...validateSelectorUnchanged(spec.selector, old.spec.selector, 'spec.selector'))
  return errors
}
