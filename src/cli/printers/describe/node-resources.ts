/**
 * The `Non-terminated Pods` and `Allocated resources` tables of describe node (describe.go
 * describeNodeResource): each pod's CPU and memory requests and limits, then the totals, as a percentage of
 * what the node can allocate (truncated, like Go's int64 conversion).
 */
import type {Quantity} from '../../../core/api/quantity.js'
import {
  addQuantities,
  formatQuantity,
  milliValue,
  parseOptionalQuantity,
  unitValue,
  ZERO_QUANTITY,
} from '../../../core/api/quantity.js'
import type {Node, Pod} from '../../../core/api/types.js'
import {formatAge} from '../age.js'
import type {DescribeWriter} from './prefix-writer.js'
import {podRequestsAndLimits} from './resources.js'

type Totals = ReturnType<typeof podRequestsAndLimits>

/** `100m (5%)`: a quantity and its share of what the node can allocate of that resource. */
type Share = (used: Quantity | undefined, resource: string) => string

/** Resources counted in millis when computing shares; the rest in whole units. */
const MILLI_RESOURCES = new Set(['cpu'])

/** Writes both tables for the pods running on the node. */
export function printNodeResources(
  writer: DescribeWriter,
  node: Node,
  pods: readonly Pod[],
  now: Date,
): void {
  const status = node.status ?? {}
  const allocatable =
    Object.keys(status.allocatable ?? {}).length > 0 ? (status.allocatable ?? {}) : (status.capacity ?? {})
  const share: Share = (used, resource) => {
    const value = used ?? ZERO_QUANTITY
    return `${formatQuantity(value)} (${percent(value, parseOptionalQuantity(allocatable[resource]), MILLI_RESOURCES.has(resource))}%)`
  }
  const totals = printPods(writer, pods, share, now)
  writer.write(0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n')
  writer.write(1, 'Resource\tRequests\tLimits\n')
  writer.write(1, '--------\t--------\t------\n')
  const names = Object.keys(allocatable).sort()
  for (const name of [
    'cpu',
    'memory',
    'ephemeral-storage',
    ...names.filter((candidate) => candidate.startsWith('hugepages-')),
  ]) {
    writer.write(
      1,
      `${name}\t${share(totals.requests.get(name), name)}\t${share(totals.limits.get(name), name)}\n`,
    )
  }
  // Extended resources print without a share: anything but the standard container resources and the pod count.
  const standard = new Set(['cpu', 'memory', 'ephemeral-storage', 'pods'])
  for (const name of names.filter(
    (candidate) => !standard.has(candidate) && !candidate.startsWith('hugepages-'),
  )) {
    writer.write(
      1,
      `${name}\t${formatQuantity(totals.requests.get(name) ?? ZERO_QUANTITY)}\t${formatQuantity(totals.limits.get(name) ?? ZERO_QUANTITY)}\n`,
    )
  }
}

/** The per-pod table; returns the totals over all pods. */
function printPods(writer: DescribeWriter, pods: readonly Pod[], share: Share, now: Date): Totals {
  writer.write(0, `Non-terminated Pods:\t(${pods.length} in total)\n`)
  writer.write(1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n')
  writer.write(1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n')
  const totals: Totals = {requests: new Map(), limits: new Map()}
  for (const pod of pods) {
    const {requests, limits} = podRequestsAndLimits(pod)
    addAll(totals.requests, requests)
    addAll(totals.limits, limits)
    const usage = [
      share(requests.get('cpu'), 'cpu'),
      share(limits.get('cpu'), 'cpu'),
      share(requests.get('memory'), 'memory'),
      share(limits.get('memory'), 'memory'),
    ]
    const age = formatAge(pod.metadata.creationTimestamp ?? undefined, now)
    writer.write(
      1,
      `${pod.metadata.namespace ?? ''}\t${pod.metadata.name ?? ''}\t\t${usage.join('\t')}\t${age}\n`,
    )
  }
  return totals
}

function addAll(total: Map<string, Quantity>, more: Map<string, Quantity>): void {
  for (const [name, quantity] of more) {
    const current = total.get(name)
    total.set(name, current ? addQuantities(current, quantity) : quantity)
  }
}

/** used / allocatable in percent, truncated; 0 when the node reports nothing allocatable. */
function percent(used: Quantity, allocatable: Quantity | undefined, milli: boolean): number {
  const units = milli ? milliValue : unitValue
  const of = allocatable ? units(allocatable) : 0
  return of === 0 ? 0 : Math.trunc((units(used) / of) * 100)
}
