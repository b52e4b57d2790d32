/** v1 ReplicationController (k8s@1.28 ValidateReplicationControllerSpec): its selector is a plain map and mutable. */
import type {FieldError} from '../field.js'
import {required} from '../field.js'
import {selectorFromMap} from '../selectors.js'
import type {ReplicationController} from '../types.js'
import {nonNegative} from './scalars.js'
import {isRecord, stringMap} from './shape.js'
import {validateControllerTemplate} from './template.js'

/** spec of a ReplicationController (defaulting already copied template labels into an empty selector). */
export function validateReplicationControllerSpec(rc: ReplicationController): FieldError[] {
  const spec = rc.spec
  const errors = nonNegative(spec.minReadySeconds, 'spec.minReadySeconds')
  const selector = stringMap(spec.selector)
  if (Object.keys(selector).length === 0) errors.push(required('spec.selector', ''))
  errors.push(...nonNegative(spec.replicas, 'spec.replicas'))
  if (!isRecord(spec.template)) errors.push(required('spec.template', ''))
  else
    errors.push(
      ...validateControllerTemplate(
        spec.template,
        selectorFromMap(selector),
        'ReplicationController',
        'spec.template',
      ),
    )
  return errors
}
