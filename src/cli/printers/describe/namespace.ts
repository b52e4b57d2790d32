/** `tug describe namespace` (describe.go describeNamespace); Tugboat has no quotas or limit ranges. */
import type {Namespace} from '../../../core/api/types.js'
import {printAnnotations, printLabels} from './metadata.js'
import {tabbedString} from './prefix-writer.js'

/** The describe text of a namespace; namespaces have no events block in kubectl. */
export function describeNamespace(namespace: Namespace): string {
  return tabbedString((writer) => {
    writer.write(0, `Name:\t${namespace.metadata.name ?? ''}\n`)
    printLabels(writer, 'Labels', namespace.metadata.labels)
    printAnnotations(writer, 'Annotations', namespace.metadata.annotations)
    writer.write(0, `Status:\t${namespace.status?.phase ?? ''}\n`)
    writer.write(0, '\nNo resource quota.\n')
    writer.write(0, '\nNo LimitRange resource.\n')
  })
}
