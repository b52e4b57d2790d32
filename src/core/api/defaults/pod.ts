/**
 * Defaults only a Pod gets, not a template: requests copied from limits (SetDefaults_Pod), and what the
 * API server's default admission plugins add at create time (ServiceAccount, Priority, DefaultTolerationSeconds).
 */
import type {Container, Pod, Toleration} from '../types.js'
import {isRecord, records} from '../validation/shape.js'
import {defaultPodSpec} from './pod-spec.js'

/** DefaultTolerationSeconds' default: a pod rides out a lost node for 5 minutes before eviction. */
export const DEFAULT_NODE_TOLERATION_SECONDS = 300
/** The taint keys the node-lifecycle controller sets, which every pod tolerates for a while. */
export const NODE_NOT_READY_TAINT = 'node.kubernetes.io/not-ready'
/** Set when a node stops sending heartbeats. */
export const NODE_UNREACHABLE_TAINT = 'node.kubernetes.io/unreachable'

/** Fills a Pod's defaults in place. */
export function defaultPod(pod: Pod): void {
  if (!isRecord(pod.spec)) pod.spec = {} as Pod['spec']
  const spec = pod.spec
  defaultPodSpec(spec)
  for (const container of [
    ...records<Container>(spec.containers),
    ...records<Container>(spec.initContainers),
  ]) {
    requestsFromLimits(container)
  }
  // Admission, not defaulting, in Kubernetes; the observable result is the same stored pod.
  spec.serviceAccountName ||= 'default'
  spec.priority ??= 0
  addNodeTolerations(spec)
}

/** A limit without a request makes the request equal to the limit (so QoS can be Guaranteed). */
function requestsFromLimits(container: Container): void {
  const resources = container.resources
  if (!isRecord(resources) || !isRecord(resources.limits)) return
  const requests = isRecord(resources.requests) ? resources.requests : {}
  for (const [name, limit] of Object.entries(resources.limits)) requests[name] ??= limit
  resources.requests = requests
}

/** Adds the not-ready/unreachable NoExecute tolerations unless the pod tolerates those taints already. */
function addNodeTolerations(spec: Pod['spec']): void {
  const tolerations = Array.isArray(spec.tolerations) ? spec.tolerations : []
  for (const key of [NODE_NOT_READY_TAINT, NODE_UNREACHABLE_TAINT]) {
    const covered = records<Toleration>(tolerations).some(
      (toleration) =>
        (!toleration.key || toleration.key === key) &&
        (!toleration.effect || toleration.effect === 'NoExecute'),
    )
    if (!covered) {
      tolerations.push({
        key,
        operator: 'Exists',
        effect: 'NoExecute',
        tolerationSeconds: DEFAULT_NODE_TOLERATION_SECONDS,
      })
    }
  }
  spec.tolerations = tolerations
}
