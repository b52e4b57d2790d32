/**
 * The `Non-terminated Pods` and `Allocated resources` tables of describe node (describe.go
 * describeNodeResource): each pod's CPU and memory requests and limits, then the totals, as a percentage of
 * what the node can allocate (truncated, like Go's int64 conversion).
 */
import type {Node, Pod} from '../../../core/api/types.js'
import {formatAge} from '../age.js'
import type {DescribeWriter} from './prefix-writer.js'
import {
  addQuantities,
  formatQuantity,
  milliUnits,
  parseQuantity,
  wholeUnits,
  ZERO,
  type Quantity,
} from './quantity.js'
import {podRequestsAndLimits} from './resources.js'

type Totals = ReturnType<typeof podRequestsAndLimits>

/** Writes both tables for the pods running on the node. */
export function printNodeResources(
  writer: DescribeWriter,
  node: Node,
  pods: readonly Pod[],
  now: Date,
): void {
  const allocatable =
    Object.keys(node.status?.allocatable ?? {}).length > 0
      ? (node.status?.allocatable ?? {})
      : (node.status?.capacity ?? {})
  const share = (used: Quantity | undefined, name: string, milli: boolean): string => {
    const value = used ?? ZERO
    return `${formatQuantity(value)} (${percent(value, parseQuantity(allocatable[name]), milli)}%)`
  }
  writer.write(0, `Non-terminated Pods:\t(${pods.length} in total)\n`)
  writer.write(1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n')
  writer.write(1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n')
  const totals: Totals = {requests: new Map(), limits: new Map()}
  for (const pod of pods) {
    const {requests, limits} = podRequestsAndLimits(pod)
    addAll(totals.requests, requests)
    addAll(totals.limits, limits)
    const cells = [
      share(requests.get('cpu'), 'cpu', true),
      share(limits.get('cpu'), 'cpu', true),
      share(requests.get('memory'), 'memory', false),
      share(limits.get('memory'), 'memory', false),
    ]
    writer.write(
      1,
      `${pod.metadata.namespace ?? ''}\t${pod.metadata.name ?? ''}\t\t${cells.join('\t')}\t${formatAge(pod.metadata.creationTimestamp ?? undefined, now)}\n`,
    )
  }
  writer.write(0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n')
  writer.write(1, 'Resource\tRequests\tLimits\n')
  writer.write(1, '--------\t--------\t------\n')
  for (const [name, milli] of [
    ['cpu', true],
    ['memory', false],
    ['ephemeral-storage', false],
  ] as const) {
    writer.write(
      1,
      `${name}\t${share(totals.requests.get(name), name, milli)}\t${share(totals.limits.get(name), name, milli)}\n`,
    )
  }
  printOtherResources(writer, allocatable, totals, share)
}

/** Huge pages with percentages, then extended resources without, each in name order. */
function printOtherResources(
  writer: DescribeWriter,
  allocatable: Record<string, string>,
  totals: Totals,
  share: (used: Quantity | undefined, name: string, milli: boolean) => string,
): void {
  const names = Object.keys(allocatable).sort()
  for (const name of names.filter((candidate) => candidate.startsWith('hugepages-'))) {
    writer.write(
      1,
      `${name}\t${share(totals.requests.get(name), name, false)}\t${share(totals.limits.get(name), name, false)}\n`,
    )
  }
  // Extended resources: anything but the standard container resources and the pod count.
  const standard = new Set(['cpu', 'memory', 'ephemeral-storage', 'pods'])
  for (const name of names.filter(
    (candidate) => !standard.has(candidate) && !candidate.startsWith('hugepages-'),
  )) {
    writer.write(
      1,
      `${name}\t${formatQuantity(totals.requests.get(name) ?? ZERO)}\t${formatQuantity(totals.limits.get(name) ?? ZERO)}\n`,
    )
  }
}

function addAll(total: Map<string, Quantity>, more: Map<string, Quantity>): void {
  for (const [name, quantity] of more) {
    const current = total.get(name)
    total.set(name, current ? addQuantities(current, quantity) : quantity)
  }
}

/** used / allocatable in percent, truncated; 0 when the node reports nothing allocatable. */
function percent(used: Quantity, allocatable: Quantity | undefined, milli: boolean): number {
  const whole = milli ? milliUnits : wholeUnits
  const of = allocatable ? Number(whole(allocatable)) : 0
  return of === 0 ? 0 : Math.trunc((Number(whole(used)) / of) * 100)
}
