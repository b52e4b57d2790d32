import {describe, expect, it} from 'vitest'
import type {ProbeResult} from '../../../../src/core/kubelet/probe-worker.js'
import {initialProbeState, nextProbeState} from '../../../../src/core/kubelet/probe-worker.js'
import type {ProbeKind} from '../../../../src/core/kubelet/probes.js'

/** The verdict after each outcome of a sequence (`+` passes, `-` fails). */
function verdicts(
  kind: ProbeKind,
  sequence: string,
  thresholds = {successThreshold: 1, failureThreshold: 3},
): ProbeResult[] {
  let state = initialProbeState(kind)
  return [...sequence].map((step) => {
    const outcome = {result: step === '+' ? ('success' as const) : ('failure' as const), output: ''}
    state = nextProbeState(kind, thresholds, state, outcome)
    return state.result
  })
}

describe('probe results', () => {
  it('starts readiness failed, liveness passing and startup unknown', () => {
    expect((['readiness', 'liveness', 'startup'] as const).map((k) => initialProbeState(k).result)).toEqual([
      'failure',
      'success',
      'unknown',
    ])
  })

  it('fails liveness only after failureThreshold failures in a row', () => {
    expect(verdicts('liveness', '--+---')).toEqual([
      'success',
      'success',
      'success',
      'success',
      'success',
      'failure',
    ])
  })

  it('passes readiness only after successThreshold passes in a row', () => {
    expect(verdicts('readiness', '+-++', {successThreshold: 2, failureThreshold: 1})).toEqual([
      'failure',
      'failure',
      'failure',
      'success',
    ])
  })

  it('holds a failed liveness probe until the container is replaced', () => {
    let state = initialProbeState('liveness')
    for (let i = 0; i < 3; i++)
      state = nextProbeState('liveness', {failureThreshold: 3}, state, {result: 'failure', output: ''})
    expect(state).toMatchObject({result: 'failure', onHold: true})
  })
})
