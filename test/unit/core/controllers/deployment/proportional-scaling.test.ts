import {describe, expect, it} from 'vitest'
import type {Deployment, ReplicaSet} from '../../../../../src/core/api/types.js'
import {
  findActiveOrLatest,
  isScalingEvent,
  proportionalSizes,
} from '../../../../../src/core/controllers/deployment/proportional-scaling.js'
import {deploymentHarness, deploymentManifest} from './support/harness.js'
import {imageOf, runRollout} from './support/rollout.js'

function rs(name: string, replicas: number, maxReplicas: number, second: number, desired = 10): ReplicaSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name,
      creationTimestamp: `2024-05-14T12:00:0${second}Z`,
      annotations: {
        'deployment.kubernetes.io/desired-replicas': String(desired),
        'deployment.kubernetes.io/max-replicas': String(maxReplicas),
      },
    },
    spec: {replicas, selector: {}, template: {spec: {containers: []}}},
  }
}

function deployment(replicas: number, maxSurge: number, maxUnavailable: number): Deployment {
  return deploymentManifest('web', replicas, {
    strategy: {type: 'RollingUpdate', rollingUpdate: {maxSurge, maxUnavailable}},
  })
}

const sized = (result: ReturnType<typeof proportionalSizes>): string[] =>
  result.sizes.map(({rs, to}) => `${rs.metadata.name}=${to}`)

describe('proportionalSizes', () => {
  it.each([
    // The Kubernetes docs' example: 10 replicas, surge 3, old 8 + new 5, scaled to 15 -> old 11, new 7.
    [15, [8, 5], 13, ['old=11', 'new=7']],
    // Scaling back down from there: 18 -> 13 allowed, older first among equals, largest first.
    [10, [11, 7], 18, ['old=8', 'new=5']],
    // Rounding leaves one over for the largest: 11 replicas + 3 = 14 allowed, 1 to add.
    [11, [8, 5], 13, ['old=9', 'new=5']],
    // To 0: everything goes.
    [0, [8, 5], 13, ['old=0', 'new=0']],
  ] as const)('scales to %i from %j (max-replicas %i)', (replicas, [old, next], max, expected) => {
    const d = deployment(replicas, 3, 2)
    const result = proportionalSizes(d, [rs('old', old, max, 0), rs('new', next, max, 1)])
    expect(sized(result).sort()).toEqual([...expected].sort())
  })

  it('grows newer replica sets first among equals and never grows one at 0', () => {
    const d = deployment(12, 3, 2)
    // 15 allowed, 10 now: each would take round(5 x 15 / 10) - 5 = 3; the newer gets 3, the older what is left.
    const result = proportionalSizes(d, [rs('old', 5, 10, 0), rs('new', 5, 10, 1), rs('idle', 0, 10, 2)])
    expect(sized(result)).toEqual(['new=8', 'old=7', 'idle=0'])
  })
})

describe('findActiveOrLatest and isScalingEvent', () => {
  it('finds the only active replica set, else the newest when none is active', () => {
    const [a, b] = [rs('a', 0, 13, 0), rs('b', 0, 13, 1)]
    expect(findActiveOrLatest(undefined, [a, b])?.metadata.name).toBe('b')
    expect(findActiveOrLatest(rs('n', 0, 13, 2), [a, b])?.metadata.name).toBe('n')
    expect(findActiveOrLatest(undefined, [a, rs('c', 2, 13, 2)])?.metadata.name).toBe('c')
    expect(findActiveOrLatest(rs('n', 1, 13, 3), [rs('c', 2, 13, 2)])).toBeUndefined()
  })

  it('sees a scaling event when an active replica set was sized for other replicas', () => {
    const d = deployment(15, 3, 2)
    expect(isScalingEvent(d, [rs('a', 8, 13, 0, 10)])).toBe(true)
    expect(isScalingEvent(d, [rs('a', 8, 13, 0, 15)])).toBe(false)
    expect(isScalingEvent(d, [rs('a', 0, 13, 0, 10)])).toBe(false)
  })
})

describe('scaling a deployment', () => {
  it('scales old and new in proportion mid-rollout (old 8 + new 5 to 15 replicas: old 11, new 7)', () => {
    const h = deploymentHarness()
    const strategy = {type: 'RollingUpdate' as const, rollingUpdate: {maxSurge: 3, maxUnavailable: 2}}
    h.api.create(deploymentManifest('web', 10, {strategy}))
    runRollout(h)
    h.advance(1000)
    h.setImage('tugboat/demo:v2')
    runRollout(h, (rs) => imageOf(rs) !== 'tugboat/demo:v2')
    expect(h.replicaSets().map((rs) => [imageOf(rs), rs.spec.replicas])).toEqual([
      ['tugboat/demo:v1', 8],
      ['tugboat/demo:v2', 5],
    ])

    h.edit((d) => {
      d.spec.replicas = 15
    })
    h.converge()
    const [oldRS, newRS] = h.replicaSets()
    expect([oldRS?.spec.replicas, newRS?.spec.replicas]).toEqual([11, 7])
    expect(oldRS?.metadata.annotations).toMatchObject({
      'deployment.kubernetes.io/desired-replicas': '15',
      'deployment.kubernetes.io/max-replicas': '18',
    })
    expect(h.eventsOf(h.deployment()).slice(-2)).toEqual([
      `Normal ScalingReplicaSet Scaled up replica set ${oldRS?.metadata.name} to 11 from 8`,
      `Normal ScalingReplicaSet Scaled up replica set ${newRS?.metadata.name} to 7 from 5`,
    ])
    expect(h.logs.at(-3)).toBe(
      `deployment/web: scaled up ${oldRS?.metadata.name} to 11 from 8 (proportional scaling: 18 pods allowed (15 + 3 surge) instead of 13)`,
    )
  })

  it('gives a lone replica set the new replica count', () => {
    const h = deploymentHarness()
    h.api.create(deploymentManifest('web', 3))
    runRollout(h)
    h.edit((d) => {
      d.spec.replicas = 5
    })
    h.converge()
    const rs = h.replicaSets()[0]!
    expect(rs.spec.replicas).toBe(5)
    expect(h.eventsOf(h.deployment()).at(-1)).toBe(
      `Normal ScalingReplicaSet Scaled up replica set ${rs.metadata.name} to 5 from 3`,
    )
    expect(h.logs.at(-1)).toBe(
      `deployment/web: scaled up ${rs.metadata.name} to 5 from 3 (spec.replicas is 5; it is the only active replica set)`,
    )
  })
})
