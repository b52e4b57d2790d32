/** The `Pod Template:` section of controllers (describe.go DescribePodTemplate, kubectl 1.32). */
import type {PodTemplateSpec} from '../../../core/api/types.js'
import {printContainers} from './containers.js'
import {printAnnotations, printLabels, printTolerations} from './metadata.js'
import type {DescribeWriter} from './prefix-writer.js'
import {printVolumes} from './volumes.js'

/** Writes the template's labels, containers, volumes, node selectors and tolerations, indented one level. */
export function printPodTemplate(writer: DescribeWriter, template: PodTemplateSpec | undefined): void {
  writer.write(0, 'Pod Template:\n')
  // kubectl writes no newline after <unset>; the next section starts on the same line.
  if (!template) return writer.write(1, '<unset>')
  const {metadata = {}, spec} = template
  printLabels(writer, '  Labels', metadata.labels)
  if (Object.keys(metadata.annotations ?? {}).length > 0)
    printAnnotations(writer, '  Annotations', metadata.annotations)
  if (spec.serviceAccountName) writer.write(1, `Service Account:\t${spec.serviceAccountName}\n`)
  if (spec.initContainers?.length)
    printContainers(writer, 'Init Containers', spec.initContainers, undefined, {space: '  '})
  printContainers(writer, 'Containers', spec.containers, undefined, {space: '  '})
  printVolumes(writer, spec.volumes, '  ')
  printLabels(writer, '  Node-Selectors', spec.nodeSelector)
  printTolerations(writer, '  Tolerations', spec.tolerations)
}
