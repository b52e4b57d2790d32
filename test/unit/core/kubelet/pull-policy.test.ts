import {describe, expect, it} from 'vitest'
import {pullDecision} from '../../../../src/core/kubelet/pull-policy.js'

describe('pullDecision', () => {
  it.each([
    ['Always', true, 'pull'],
    ['Always', false, 'pull'],
    ['IfNotPresent', true, 'use'],
    ['IfNotPresent', false, 'pull'],
    ['Never', true, 'use'],
    ['Never', false, 'never-pull'],
  ] as const)('imagePullPolicy %s with the image present=%s: %s', (policy, present, decision) => {
    expect(pullDecision(policy, present)).toBe(decision)
  })
})
