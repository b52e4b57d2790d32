/** `kubectl get namespaces`: NAME STATUS AGE. */
import type {KubeObject, Namespace} from '../../../core/api/types.js'
import {formatAge} from '../age.js'
import type {KindColumns} from './types.js'

/** Namespaces' columns and cells (printers.go printNamespace). */
export const namespaceColumns: KindColumns = {
  columns: [
    {name: 'NAME', priority: 0, isName: true},
    {name: 'STATUS', priority: 0},
    {name: 'AGE', priority: 0},
  ],
  cells(object: KubeObject, now: Date): string[] {
    const namespace = object as Namespace
    return [
      namespace.metadata.name ?? '',
      namespace.status?.phase ?? '',
      formatAge(namespace.metadata.creationTimestamp ?? undefined, now),
    ]
  },
}
