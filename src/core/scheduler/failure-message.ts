/**
 * The text of FailedScheduling and of the PodScheduled=False condition (k8s@1.28 framework.FitError.Error and
 * the DefaultPreemption PostFilter): how many nodes there are, each reason with the number of nodes that gave
 * it, sorted as strings and joined by ", ", then what preemption found. Tugboat never preempts; it reports
 * what Kubernetes reports when no lower-priority pod could make room: nodes that failed for a reason removing
 * pods cannot fix say `Preemption is not helpful for scheduling`, the others `No preemption victims found for
 * incoming pod`.
 */
import type {PodSpec} from '../api/types.js'
import type {FilterFailure} from './filter.js'
import {compareStrings} from '../api/selector-requirement.js'

/** ErrNoNodesAvailable's text: the cluster has no nodes at all. */
export const NO_NODES_MESSAGE = 'no nodes available to schedule pods'
/** What preemption says of a node whose failure removing pods would not fix. */
export const PREEMPTION_NOT_HELPFUL = 'Preemption is not helpful for scheduling'
/** What preemption says of a node with no lower-priority pods to evict. */
export const NO_PREEMPTION_VICTIMS = 'No preemption victims found for incoming pod'
/** validation.NoteLengthLimit: events carry at most this many characters of message. */
export const NOTE_LENGTH_LIMIT = 1024

/**
 * `0/N nodes are available: <n> <reason>, ....`: every node's reasons counted, formatted `<n> <reason>`,
 * sorted as strings (so `10 x` sorts before `2 y`, as Go's sort.Strings does) and joined by ", ".
 * Example: one tainted node and two full ones give
 * `0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu.`
 */
export function fitErrorMessage(numAllNodes: number, failures: Iterable<FilterFailure>): string {
  const counts = new Map<string, number>()
  for (const failure of failures) {
    for (const reason of failure.reasons) counts.set(reason, (counts.get(reason) ?? 0) + 1)
  }
  const histogram = [...counts].map(([reason, count]) => `${count} ${reason}`).sort(compareStrings)
  const reasons = histogram.length ? ` ${histogram.join(', ')}.` : ''
  return `0/${numAllNodes} nodes are available:${reasons}`
}

/**
 * What DefaultPreemption's PostFilter says, prefixed `preemption: `: a pod that may not preempt says so;
 * otherwise a FitError over what preemption concluded for each node.
 */
export function preemptionMessage(spec: PodSpec, failures: readonly FilterFailure[]): string {
  if (spec.preemptionPolicy === 'Never') return 'preemption: not eligible due to preemptionPolicy=Never.'
  const verdicts = failures.map((failure): FilterFailure => ({
    plugin: 'DefaultPreemption',
    code: 'UnschedulableAndUnresolvable',
    reasons: [
      failure.code === 'UnschedulableAndUnresolvable' ? PREEMPTION_NOT_HELPFUL : NO_PREEMPTION_VICTIMS,
    ],
  }))
  return `preemption: ${fitErrorMessage(failures.length, verdicts)}`
}

/**
 * The whole message when no node fits: the fit error, then the preemption message and a full stop (which is
 * why Kubernetes 1.28's message ends in `..`).
 */
export function unschedulableMessage(spec: PodSpec, failures: readonly FilterFailure[]): string {
  return `${fitErrorMessage(failures.length, failures)} ${preemptionMessage(spec, failures)}.`
}

/** truncateMessage: an event message longer than the limit ends in ` ...`. */
export function truncateMessage(message: string): string {
  if (message.length <= NOTE_LENGTH_LIMIT) return message
  const suffix = ' ...'
  return message.slice(0, NOTE_LENGTH_LIMIT - suffix.length) + suffix
}
