/** v1 Namespace (k8s@1.28 ValidateNamespace): its spec holds only finalizers. */
import type {FieldError} from '../field.js'
import type {Namespace} from '../types.js'
import {validateFinalizerName, validateKubeFinalizerName} from './meta.js'
import {indexed, isRecord, text} from './shape.js'

/** spec.finalizers: qualified names, bare ones standard (`kubernetes`). */
export function validateNamespaceSpec(namespace: Namespace): FieldError[] {
  const spec = isRecord(namespace.spec) ? namespace.spec : {}
  return indexed<unknown>(spec.finalizers).flatMap(([finalizer]) => [
    ...validateFinalizerName(text(finalizer), 'spec.finalizers'),
    ...validateKubeFinalizerName(text(finalizer), 'spec.finalizers'),
  ])
}
