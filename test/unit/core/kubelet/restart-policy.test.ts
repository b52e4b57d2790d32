import {describe, expect, it} from 'vitest'
import {restartsAfterKill, shouldRestart} from '../../../../src/core/kubelet/restart-policy.js'

describe('shouldRestart', () => {
  it.each([
    ['Always', 0, true],
    ['Always', 1, true],
    ['OnFailure', 0, false],
    ['OnFailure', 137, true],
    ['Never', 0, false],
    ['Never', 1, false],
    [undefined, 0, true],
  ] as const)('restartPolicy %s, exit code %i: restart %s', (policy, exitCode, restart) => {
    expect(shouldRestart(policy, exitCode)).toBe(restart)
  })

  it.each([
    ['Always', true],
    ['OnFailure', true],
    ['Never', false],
  ] as const)('a liveness kill under %s restarts: %s', (policy, restart) => {
    expect(restartsAfterKill(policy)).toBe(restart)
  })
})
