/**
 * The result bookkeeping of one probe of one container, as the kubelet's prober worker keeps it
 * (k8s@1.28 pkg/kubelet/prober/worker.go doProbe): a result changes only after `successThreshold` passes or
 * `failureThreshold` failures in a row. Readiness starts failed (not ready until a probe passes), liveness
 * starts passing, startup starts unknown. A failed liveness or startup result puts the worker on hold until
 * the container is replaced.
 */
import type {Probe} from '../api/types.js'
import type {ProbeKind, ProbeOutcome} from './probes.js'

/** A probe's current verdict. */
export type ProbeResult = 'success' | 'failure' | 'unknown'

/** One worker's state. */
export interface ProbeState {
  result: ProbeResult
  /** The last outcome and how many times in a row it came. */
  last?: ProbeOutcome['result']
  run: number
  /** Stop probing: the container failed liveness/startup and is about to be killed. */
  onHold: boolean
}

const INITIAL: Readonly<Record<ProbeKind, ProbeResult>> = {
  liveness: 'success',
  readiness: 'failure',
  startup: 'unknown',
}

/** The state a new worker starts in. */
export function initialProbeState(kind: ProbeKind): ProbeState {
  return {result: INITIAL[kind], run: 0, onHold: false}
}

/** The state after one more outcome. */
export function nextProbeState(
  kind: ProbeKind,
  probe: Probe,
  state: ProbeState,
  outcome: ProbeOutcome,
): ProbeState {
  const run = state.last === outcome.result ? state.run + 1 : 1
  const threshold = outcome.result === 'failure' ? probe.failureThreshold || 3 : probe.successThreshold || 1
  if (run < threshold) return {...state, last: outcome.result, run}
  const failed = outcome.result === 'failure' && kind !== 'readiness'
  return {result: outcome.result, last: outcome.result, run: failed ? 0 : run, onHold: failed}
}
