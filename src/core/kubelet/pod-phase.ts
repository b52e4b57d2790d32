/**
 * The pod phase, as the kubelet's getPhase computes it (k8s@1.28 pkg/kubelet/kubelet_pods.go): count the
 * containers by state, then read the first matching row of a table. A container waiting after a previous run
 * (CrashLoopBackOff) counts as stopped, not waiting, so a crash-looping pod stays Running under Always.
 */
import type {ContainerStatus, PodSpec, PodStatus} from '../api/types.js'
import type {RestartPolicy} from './restart-policy.js'

/** A pod phase. */
export type PodPhase = NonNullable<PodStatus['phase']>

/** Containers counted by state. */
export interface PhaseTally {
  waiting: number
  running: number
  stopped: number
  succeeded: number
  unknown: number
}

/** One row: the phase when the condition holds. */
interface PhaseRule {
  phase: PodPhase
  when: (tally: PhaseTally, policy: RestartPolicy) => boolean
}

const allStopped = (t: PhaseTally): boolean => t.running === 0 && t.stopped > 0 && t.unknown === 0

/** Rows in getPhase's order; the first match wins. */
export const PHASE_TABLE: readonly PhaseRule[] = [
  // One or more containers have not been started.
  {phase: 'Pending', when: (t) => t.waiting > 0},
  // All containers have been started and at least one runs.
  {phase: 'Running', when: (t) => t.running > 0 && t.unknown === 0},
  // All stopped, but Always restarts every one of them.
  {phase: 'Running', when: (t, policy) => allStopped(t) && policy === 'Always'},
  {phase: 'Succeeded', when: (t) => allStopped(t) && t.stopped === t.succeeded},
  {phase: 'Failed', when: (t, policy) => allStopped(t) && policy === 'Never'},
  // OnFailure with failures: they are being restarted.
  {phase: 'Running', when: (t) => allStopped(t)},
  {phase: 'Pending', when: () => true},
]

/** Counts the spec's containers by the state their status shows. */
export function tallyContainers(spec: PodSpec, statuses: readonly ContainerStatus[]): PhaseTally {
  const tally: PhaseTally = {waiting: 0, running: 0, stopped: 0, succeeded: 0, unknown: 0}
  for (const container of spec.containers) {
    const status = statuses.find((s) => s.name === container.name)
    const state = status?.state
    if (state?.running) tally.running++
    else if (state?.terminated) {
      tally.stopped++
      if (state.terminated.exitCode === 0) tally.succeeded++
    } else if (state?.waiting) {
      if (status?.lastState?.terminated) tally.stopped++
      else tally.waiting++
    } else tally.unknown++
  }
  return tally
}

/** The phase of a pod; a terminal phase, once reached, never changes (the kubelet refuses that transition). */
export function podPhase(spec: PodSpec, statuses: readonly ContainerStatus[], previous?: PodPhase): PodPhase {
  if (previous === 'Succeeded' || previous === 'Failed') return previous
  const tally = tallyContainers(spec, statuses)
  const policy = spec.restartPolicy ?? 'Always'
  return PHASE_TABLE.find((rule) => rule.when(tally, policy))?.phase ?? 'Pending'
}

/** Succeeded or Failed: nothing in the pod will run again. */
export function isTerminalPhase(phase: PodPhase | undefined): boolean {
  return phase === 'Succeeded' || phase === 'Failed'
}
