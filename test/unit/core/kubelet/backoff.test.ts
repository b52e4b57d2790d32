import {describe, expect, it} from 'vitest'
import {Backoff, CLASSROOM_BACKOFF, KUBERNETES_BACKOFF} from '../../../../src/core/kubelet/backoff.js'

/** Delays of `failures` crashes in a row, each right after the previous restart. */
function delays(backoff: Backoff, clock: {now: number}, failures: number): number[] {
  const seen: number[] = []
  for (let i = 0; i < failures; i++) {
    backoff.next('web', clock.now)
    seen.push(backoff.get('web'))
    clock.now += backoff.get('web')
  }
  return seen
}

describe('Backoff', () => {
  it('doubles from 10s to a 300s cap with the Kubernetes profile', () => {
    const clock = {now: 0}
    const backoff = new Backoff(KUBERNETES_BACKOFF, {now: () => clock.now})
    expect(delays(backoff, clock, 8)).toEqual([10, 20, 40, 80, 160, 300, 300, 300].map((s) => s * 1000))
  })

  it('doubles from 1s to a 20s cap with the classroom profile', () => {
    const clock = {now: 0}
    const backoff = new Backoff(CLASSROOM_BACKOFF, {now: () => clock.now})
    expect(delays(backoff, clock, 7)).toEqual([1, 2, 4, 8, 16, 20, 20].map((s) => s * 1000))
  })

  it('holds a restart back until the delay has passed since the container finished', () => {
    const clock = {now: 0}
    const backoff = new Backoff(KUBERNETES_BACKOFF, {now: () => clock.now})
    expect(backoff.isInBackOffSince('web', 0)).toBe(false)
    backoff.next('web', 0)
    clock.now = 2_000
    expect(backoff.isInBackOffSince('web', 2_000)).toBe(true)
    clock.now = 11_999
    expect(backoff.isInBackOffSince('web', 2_000)).toBe(true)
    clock.now = 12_000
    expect(backoff.isInBackOffSince('web', 2_000)).toBe(false)
  })

  it('starts from the initial delay again after running twice the cap (10 min)', () => {
    const clock = {now: 0}
    const backoff = new Backoff(KUBERNETES_BACKOFF, {now: () => clock.now})
    delays(backoff, clock, 4)
    const lastRestart = clock.now - 80_000
    expect(backoff.isInBackOffSince('web', lastRestart + 600_001)).toBe(false)
    backoff.next('web', lastRestart + 600_001)
    expect(backoff.get('web')).toBe(10_000)
  })

  it('keeps doubling when the container failed within 10 min', () => {
    const clock = {now: 0}
    const backoff = new Backoff(KUBERNETES_BACKOFF, {now: () => clock.now})
    backoff.next('web', 0)
    backoff.next('web', 599_000)
    expect(backoff.get('web')).toBe(20_000)
  })

  it('measures image pull back-off from the last failed pull', () => {
    const clock = {now: 1_000}
    const backoff = new Backoff(KUBERNETES_BACKOFF, {now: () => clock.now})
    backoff.next('uid_nginx', clock.now)
    expect(backoff.isInBackOffSinceUpdate('uid_nginx', 5_000)).toBe(true)
    clock.now = 5_000
    expect(backoff.remainingSinceUpdate('uid_nginx')).toBe(6_000)
    expect(backoff.isInBackOffSinceUpdate('uid_nginx', 11_000)).toBe(false)
  })

  it('forgets the keys of a pod that is gone', () => {
    const backoff = new Backoff(KUBERNETES_BACKOFF, {now: () => 0})
    backoff.next('web_default_u1_app_1', 0)
    backoff.next('api_default_u2_app_1', 0)
    backoff.forgetPrefix('web_default_u1_')
    expect([backoff.get('web_default_u1_app_1'), backoff.get('api_default_u2_app_1')]).toEqual([0, 10_000])
  })
})
