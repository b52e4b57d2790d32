/**
 * A pod's status, computed as the kubelet's generateAPIPodStatus does (reference §2.1-2.5) from what the
 * runtime shows plus the kubelet's memory (reasons for waiting, probe results): containerStatuses sorted by
 * name, the phase, the four conditions, the pod IP of the infra container and hostIP 127.0.0.1 (every pod is
 * reached through the host's loopback). Host ports go to an annotation, see host-ports.ts.
 */
import {timestamp} from '../api/object-meta.js'
import type {Pod, PodStatus} from '../api/types.js'
import type {ProbeStatusView, WaitingReason} from './container-status.js'
import {containerStatus} from './container-status.js'
import type {ObservedPod} from './observed-pod.js'
import {isRunning} from './observed-pod.js'
import {podConditions} from './pod-conditions.js'
import {isTerminalPhase, podPhase} from './pod-phase.js'
import {shouldRestart} from './restart-policy.js'

/** The address pods are reached at from the host. */
export const HOST_IP = '127.0.0.1'

/** Everything a pod's status is derived from. */
export interface PodStatusInput {
  pod: Pod
  observed: ObservedPod
  /** The kubelet's reasons for containers not running, by container name. */
  reasons: ReadonlyMap<string, WaitingReason>
  probes: ProbeStatusView
  runtimeScheme: string
  now: Date
}

/** The status to write for a pod. */
export function computePodStatus(input: PodStatusInput): PodStatus {
  const {pod, observed} = input
  const old = pod.status ?? {}
  const terminal = isTerminalPhase(old.phase)
  const statuses = [...pod.spec.containers]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((container) => {
      const runs = observed.apps.get(container.name) ?? []
      const latest = runs[0]
      return containerStatus({
        pod,
        container,
        runs,
        reason: input.reasons.get(container.name),
        restarts: !terminal && (!latest || shouldRestart(pod.spec.restartPolicy, latest.exitCode)),
        probes: input.probes,
        runtimeScheme: input.runtimeScheme,
      })
    })
  const phase = podPhase(pod.spec, statuses, old.phase)
  const now = timestamp(input.now)
  const podIP = podIPOf(observed) ?? old.podIP
  return {
    phase,
    conditions: podConditions(pod.spec, statuses, phase, old.conditions, now),
    hostIP: HOST_IP,
    ...(podIP ? {podIP, podIPs: [{ip: podIP}]} : {}),
    startTime: old.startTime ?? now,
    containerStatuses: statuses,
    ...(old.qosClass ? {qosClass: old.qosClass} : {}),
  }
}

/** The running infra container's address on the engine's network. */
function podIPOf(observed: ObservedPod): string | undefined {
  const infra = observed.infra[0]
  return isRunning(infra) ? infra?.ip || undefined : undefined
}
