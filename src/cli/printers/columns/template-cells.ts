/** Cells shared by the kinds that carry a pod template: CONTAINERS, IMAGES and SELECTOR of `-o wide`. */
import {formatSelector, selectorFromLabelSelector, selectorFromMap} from '../../../core/api/selectors.js'
import type {LabelSelector, PodTemplateSpec} from '../../../core/api/types.js'

/** Container names and images, each comma-joined in spec order (printers.go layoutContainerCells). */
export function containerCells(template: PodTemplateSpec | undefined): [names: string, images: string] {
  const containers = template?.spec.containers ?? []
  return [
    containers.map((container) => container.name).join(','),
    containers.map((container) => container.image ?? '').join(','),
  ]
}

/** An apps/v1 selector as metav1.FormatLabelSelector prints it: `<none>` when it selects everything. */
export function labelSelectorCell(selector: LabelSelector | undefined): string {
  return formatSelector(selectorFromLabelSelector(selector ?? {})) || '<none>'
}

/** An equality selector (RC, Service) as labels.FormatLabels prints it: `<none>` when empty. */
export function mapSelectorCell(selector: Record<string, string> | undefined): string {
  return formatSelector(selectorFromMap(selector ?? {})) || '<none>'
}
