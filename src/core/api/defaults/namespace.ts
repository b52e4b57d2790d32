/** Namespace defaults: the name label (SetDefaults_Namespace) and the `kubernetes` finalizer (namespace strategy). */
import type {Namespace} from '../types.js'
import {isRecord} from '../validation/shape.js'

/** The label every namespace carries with its own name, so selectors can pick namespaces by name. */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name'

/** Fills a Namespace's defaults in place. */
export function defaultNamespace(namespace: Namespace): void {
  const name = namespace.metadata.name
  // A nameless namespace (generateName not yet applied) cannot be labelled with its name.
  if (name)
    namespace.metadata.labels = {
      ...(isRecord(namespace.metadata.labels) ? namespace.metadata.labels : {}),
      [NAMESPACE_NAME_LABEL]: name,
    }
  if (!isRecord(namespace.spec)) namespace.spec = {}
  const finalizers = namespace.spec.finalizers
  if (!Array.isArray(finalizers) || finalizers.length === 0) namespace.spec.finalizers = ['kubernetes']
}
