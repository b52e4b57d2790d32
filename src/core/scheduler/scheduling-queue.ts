/**
 * Which pods wait for the scheduler and which cluster changes are worth another attempt at the ones that
 * could not be placed (k8s@1.28 pkg/scheduler/eventhandlers.go: nodeSchedulingPropertiesChange, AssignedPodDelete).
 * A node's heartbeat changes nothing the filters read, so it never wakes the unschedulable pods.
 */
import {DEFAULT_SCHEDULER_NAME} from '../api/defaults/pod-spec.js'
import {jsonEqual} from '../api/object-meta.js'
import type {Node, Pod} from '../api/types.js'
import type {InformerEvent} from '../loop/informer.js'
import {isTerminal} from './node-info.js'

/** An unbound, live, unfinished pod addressed to this scheduler (or to none). */
export function needsScheduling(pod: Pod): boolean {
  return (
    !pod.spec?.nodeName &&
    !pod.metadata.deletionTimestamp &&
    !isTerminal(pod) &&
    (pod.spec?.schedulerName || DEFAULT_SCHEDULER_NAME) === DEFAULT_SCHEDULER_NAME
  )
}

/**
 * Whether a node event could let an unschedulable pod fit: a new node, or one that became schedulable again or
 * changed its allocatable resources, labels, taints or condition statuses.
 */
export function nodeChangeMayHelp(previous: Node | undefined, node: Node): boolean {
  if (!previous) return true
  const uncordoned = Boolean(previous.spec?.unschedulable) && !node.spec?.unschedulable
  return (
    uncordoned ||
    !jsonEqual(previous.status?.allocatable, node.status?.allocatable) ||
    !jsonEqual(previous.metadata.labels ?? {}, node.metadata.labels ?? {}) ||
    !jsonEqual(previous.spec?.taints ?? [], node.spec?.taints ?? []) ||
    !jsonEqual(conditionStatuses(previous), conditionStatuses(node))
  )
}

/** Whether a pod event frees room on a node: a bound pod deleted, or finished (Succeeded/Failed). */
export function podEventFreesResources(event: InformerEvent): boolean {
  const pod = event.object as Pod
  if (!pod.spec?.nodeName) return false
  if (event.type === 'DELETED') return !isTerminal(pod)
  const previous = event.previous as Pod | undefined
  return event.type === 'MODIFIED' && previous !== undefined && !isTerminal(previous) && isTerminal(pod)
}

/**
 * Whether a pod's own update could change where it fits: anything in its metadata or spec, not its status
 * (isPodUpdated), so the scheduler's own status write does not set off another attempt.
 */
export function podSpecChanged(previous: Pod | undefined, pod: Pod): boolean {
  if (!previous) return true
  return !jsonEqual(strip(previous), strip(pod))
}

function strip(pod: Pod): unknown {
  const {resourceVersion: _rv, generation: _generation, ...metadata} = pod.metadata
  return {metadata, spec: pod.spec}
}

function conditionStatuses(node: Node): Record<string, string> {
  return Object.fromEntries((node.status?.conditions ?? []).map((c) => [c.type, c.status]))
}
