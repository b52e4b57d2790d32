import {describe, expect, it} from 'vitest'
import type {Deployment, IntOrString} from '../../../../../src/core/api/types.js'
import {
  maxSurge,
  maxUnavailable,
  resolveFenceposts,
  scaledValue,
} from '../../../../../src/core/controllers/deployment/fenceposts.js'

function rolling(replicas: number, surge?: IntOrString, unavailable?: IntOrString): Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {name: 'web'},
    spec: {
      replicas,
      selector: {matchLabels: {app: 'web'}},
      template: {spec: {containers: []}},
      strategy: {type: 'RollingUpdate', rollingUpdate: {maxSurge: surge, maxUnavailable: unavailable}},
    },
  }
}

describe('resolveFenceposts', () => {
  it.each([
    // The reference's table for the 25%/25% defaults.
    [1, '25%', '25%', 1, 0],
    [3, '25%', '25%', 1, 0],
    [4, '25%', '25%', 1, 1],
    [10, '25%', '25%', 3, 2],
    // Integers are taken as they are.
    [1, 1, 0, 1, 0],
    [3, 2, 1, 2, 1],
    [4, 0, 2, 0, 2],
    [10, 5, 3, 5, 3],
    // Other percentages: surge rounds up, unavailable rounds down.
    [1, '50%', '50%', 1, 0],
    [3, '50%', '50%', 2, 1],
    [4, '10%', '90%', 1, 3],
    [10, '33%', '33%', 4, 3],
    // Both round to 0: unavailable becomes 1 so a pod can ever be replaced.
    [3, 0, '10%', 0, 1],
    [10, '0%', '5%', 0, 1],
    [1, '0%', '99%', 0, 1],
  ])(
    '%i replicas, maxSurge %s, maxUnavailable %s -> surge %i, unavailable %i',
    (replicas, s, u, surge, unavailable) => {
      expect(resolveFenceposts(s, u, replicas)).toEqual({surge, unavailable})
    },
  )
})

describe('maxSurge and maxUnavailable of a deployment', () => {
  it('caps unavailable at spec.replicas', () => {
    expect(maxUnavailable(rolling(2, 0, 5))).toBe(2)
  })

  it('has no unavailable pods to spare with 0 replicas', () => {
    expect(maxUnavailable(rolling(0, '25%', '25%'))).toBe(0)
  })

  it('allows neither for Recreate', () => {
    const d = rolling(4, '25%', '25%')
    d.spec.strategy = {type: 'Recreate'}
    expect([maxSurge(d), maxUnavailable(d)]).toEqual([0, 0])
  })
})

describe('scaledValue', () => {
  it('refuses a string that is not a percentage, as intstr does', () => {
    expect(() => scaledValue('3', 10, true)).toThrow(
      'invalid value for IntOrString: invalid type: string is not a percentage',
    )
  })

  it('reads an absent value as 0', () => {
    expect(scaledValue(undefined, 10, true)).toBe(0)
  })
})
