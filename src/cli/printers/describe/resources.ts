/** Container resources as describe prints and sums them. */
import type {Quantity} from '../../../core/api/quantity.js'
import {
  addQuantities,
  formatQuantity,
  maxQuantity,
  parseOptionalQuantity,
} from '../../../core/api/quantity.js'
import type {Container, Pod, ResourceRequirements} from '../../../core/api/types.js'
import type {DescribeWriter} from './prefix-writer.js'

type ResourceList = Record<string, string | number>

/** Requests as the API server stores them: a resource with a limit but no request requests its limit. */
export function effectiveRequests(resources: ResourceRequirements | undefined): ResourceList {
  return {...(resources?.limits ?? {}), ...(resources?.requests ?? {})}
}

/** `Limits:` and `Requests:`, each resource on its own line in name order (describeResources). */
export function printResources(
  writer: DescribeWriter,
  resources: ResourceRequirements | undefined,
  level: number,
): void {
  printList(writer, 'Limits', resources?.limits ?? {}, level)
  printList(writer, 'Requests', effectiveRequests(resources), level)
}

function printList(writer: DescribeWriter, title: string, list: ResourceList, level: number): void {
  const names = Object.keys(list).sort()
  if (names.length > 0) writer.write(level, `${title}:\n`)
  for (const name of names) writer.write(level + 1, `${name}:\t${formatResource(list[name])}\n`)
}

/** A quantity in canonical form, or as written when it does not parse. */
export function formatResource(value: string | number | undefined): string {
  const quantity = parseOptionalQuantity(value)
  return quantity ? formatQuantity(quantity) : String(value ?? '')
}

/** Totals of one pod (kubectl's PodRequestsAndLimits): containers add up, each init container is a floor. */
export function podRequestsAndLimits(pod: Pod): {
  requests: Map<string, Quantity>
  limits: Map<string, Quantity>
} {
  const sum = (
    containers: readonly Container[],
    pick: (container: Container) => ResourceList,
  ): Map<string, Quantity> => {
    const total = new Map<string, Quantity>()
    for (const container of containers) mergeInto(total, pick(container), addQuantities)
    return total
  }
  const requests = sum(pod.spec.containers, (container) => effectiveRequests(container.resources))
  const limits = sum(pod.spec.containers, (container) => container.resources?.limits ?? {})
  for (const init of pod.spec.initContainers ?? []) {
    mergeInto(requests, effectiveRequests(init.resources), maxQuantity)
    mergeInto(limits, init.resources?.limits ?? {}, maxQuantity)
  }
  return {requests, limits}
}

function mergeInto(
  total: Map<string, Quantity>,
  list: ResourceList,
  combine: (a: Quantity, b: Quantity) => Quantity,
): void {
  for (const [name, value] of Object.entries(list)) {
    const quantity = parseOptionalQuantity(value)
    if (!quantity) continue
    const current = total.get(name)
    total.set(name, current ? combine(current, quantity) : quantity)
  }
}
