/**
 * The READY, STATUS and RESTARTS cells of `kubectl get pods`, derived as the v1.28 API server's printPod does
 * (pkg/printers/internalversion/printers.go). STATUS is not the phase: it is the most telling reason found in
 * the pod's status, read in a fixed order (worked examples in the tests):
 *   1. phase, overridden by status.reason (Evicted, NodeLost) and by a SchedulingGated PodScheduled condition;
 *   2. init containers in order: the first unfinished one decides (`Init:Error`, `Init:ExitCode:1`,
 *      `Init:CrashLoopBackOff`, `Init:0/2`) and regular containers are then ignored;
 *   3. otherwise regular containers from last to first, each waiting/terminated reason overwriting the
 *      previous, so the alphabetically first container (statuses are sorted by name) with a reason wins;
 *   4. `Completed` while another container still runs reads `Running` (pod Ready) or `NotReady`;
 *   5. a deletion timestamp reads `Terminating` (`Unknown` when the node was lost).
 */
import type {ContainerStatus, Pod, PodStatus} from '../../../core/api/types.js'
import {humanDuration} from '../age.js'

/** The three derived cells. */
export interface PodSummary {
  ready: string
  status: string
  restarts: string
}

/** Running tally while walking container statuses. */
interface Tally {
  reason: string
  restarts: number
  lastRestart: number | undefined
  ready: number
}

/** READY, STATUS and RESTARTS of a pod at `now`. */
export function summarizePod(pod: Pod, now: Date): PodSummary {
  const status = pod.status ?? {}
  const tally: Tally = {reason: initialReason(status), restarts: 0, lastRestart: undefined, ready: 0}
  const initializing = walkInitContainers(pod, tally)
  if (!initializing || hasCondition(status, 'Initialized')) {
    // Regular containers count from scratch once initialisation is over (init restarts no longer show).
    tally.restarts = 0
    tally.lastRestart = undefined
    walkContainers(status, tally)
  }
  if (pod.metadata.deletionTimestamp) tally.reason = status.reason === 'NodeLost' ? 'Unknown' : 'Terminating'
  return {
    ready: `${tally.ready}/${pod.spec.containers.length}`,
    status: tally.reason,
    restarts: formatRestarts(tally, now),
  }
}

function initialReason(status: PodStatus): string {
  let reason: string = status.reason || status.phase || ''
  for (const condition of status.conditions ?? []) {
    if (condition.type === 'PodScheduled' && condition.reason === 'SchedulingGated')
      reason = 'SchedulingGated'
  }
  return reason
}

/** Step 2; returns true when an init container is still unfinished. */
function walkInitContainers(pod: Pod, tally: Tally): boolean {
  const total = pod.spec.initContainers?.length ?? 0
  for (const [index, container] of (pod.status?.initContainerStatuses ?? []).entries()) {
    countRestarts(container, tally)
    const terminated = container.state?.terminated
    if (terminated && terminated.exitCode === 0) continue
    const waiting = container.state?.waiting
    if (terminated) tally.reason = `Init:${terminatedReason(terminated)}`
    else if (waiting?.reason && waiting.reason !== 'PodInitializing') tally.reason = `Init:${waiting.reason}`
    else tally.reason = `Init:${index}/${total}`
    return true
  }
  return false
}

/** Step 3 and 4: last to first, each container with a reason overwriting the previous one. */
function walkContainers(status: PodStatus, tally: Tally): void {
  let hasRunning = false
  for (const container of [...(status.containerStatuses ?? [])].reverse()) {
    countRestarts(container, tally)
    const {waiting, terminated, running} = container.state ?? {}
    if (waiting?.reason) tally.reason = waiting.reason
    else if (terminated) tally.reason = terminatedReason(terminated)
    else if (container.ready && running) {
      hasRunning = true
      tally.ready++
    }
  }
  if (tally.reason === 'Completed' && hasRunning)
    tally.reason = hasCondition(status, 'Ready') ? 'Running' : 'NotReady'
}

/** `Error`, `OOMKilled`, or `Signal:9` / `ExitCode:2` when the runtime gave no reason. */
function terminatedReason(terminated: {exitCode: number; signal?: number; reason?: string}): string {
  if (terminated.reason) return terminated.reason
  return terminated.signal ? `Signal:${terminated.signal}` : `ExitCode:${terminated.exitCode}`
}

function countRestarts(container: ContainerStatus, tally: Tally): void {
  tally.restarts += container.restartCount
  const finished = container.lastState?.terminated?.finishedAt
  const at = finished ? Date.parse(finished) : Number.NaN
  if (!Number.isNaN(at) && (tally.lastRestart === undefined || at > tally.lastRestart)) tally.lastRestart = at
}

/** `0`, `3`, or `3 (25s ago)` when the last restart's finish time is known. */
function formatRestarts(tally: Tally, now: Date): string {
  if (tally.restarts === 0 || tally.lastRestart === undefined) return String(tally.restarts)
  return `${tally.restarts} (${humanDuration(now.getTime() - tally.lastRestart)} ago)`
}

function hasCondition(status: PodStatus, type: string): boolean {
  return (status.conditions ?? []).some((condition) => condition.type === type && condition.status === 'True')
}
