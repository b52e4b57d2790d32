import {describe, expect, it} from 'vitest'
import type {Deployment, ReplicaSet} from '../../../../../src/core/api/types.js'
import {
  planNewReplicaSet,
  planOldReplicaSets,
} from '../../../../../src/core/controllers/deployment/rolling.js'
import type {Harness} from './support/harness.js'
import {deploymentHarness, deploymentManifest} from './support/harness.js'
import {imageOf, runRollout} from './support/rollout.js'

/** A replica set with a size, available pods and a creation second. */
function rs(name: string, replicas: number, available: number, second = 0): ReplicaSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {name, creationTimestamp: `2024-05-14T12:00:0${second}Z`},
    spec: {replicas, selector: {}, template: {spec: {containers: []}}},
    status: {replicas, availableReplicas: available},
  }
}

function rollingDeployment(
  replicas: number,
  maxSurge: number | string,
  maxUnavailable: number | string,
): Deployment {
  return deploymentManifest('web', replicas, {
    strategy: {type: 'RollingUpdate', rollingUpdate: {maxSurge, maxUnavailable}},
  })
}

describe('planNewReplicaSet', () => {
  it.each([
    // replicas, surge, unavailable, old [spec, available], new [spec, available] -> new size (undefined: none)
    [3, 1, 0, [3, 3], [0, 0], 1],
    [3, 1, 0, [3, 3], [1, 0], undefined],
    [3, 1, 0, [2, 2], [1, 1], 2],
    [3, 1, 0, [0, 0], [2, 2], 3],
    [10, 3, 2, [10, 10], [0, 0], 3],
    [10, 3, 2, [8, 8], [3, 0], 5],
    [3, 0, 1, [3, 3], [0, 0], undefined],
    [3, 0, 1, [2, 2], [0, 0], 1],
    [3, 1, 0, [0, 0], [5, 5], 3],
  ] as const)(
    '%i replicas, surge %i, unavailable %i, old %j, new %j -> %s',
    (replicas, surge, unavailable, old, next, to) => {
      const d = rollingDeployment(replicas, surge, unavailable)
      const newRS = rs('new', next[0], next[1], 1)
      const step = planNewReplicaSet(d, [rs('old', old[0], old[1]), newRS], newRS)
      expect(step?.to).toBe(to)
    },
  )

  it('says how many pods and available ones the step leaves', () => {
    const d = rollingDeployment(3, '25%', '25%')
    const newRS = rs('web-new', 1, 1, 1)
    expect(planNewReplicaSet(d, [rs('web-old', 2, 2), newRS], newRS)?.why).toBe(
      'rolling update to web-new: scaled up to 2 (4 pods of max 4; 3 available of min 3)',
    )
  })
})

describe('planOldReplicaSets', () => {
  const sizes = (steps: {rs: ReplicaSet; to: number}[]): string[] =>
    steps.map((s) => `${s.rs.metadata.name}->${s.to}`)

  it('scales an old replica set down by the available pods beyond the minimum', () => {
    const d = rollingDeployment(3, 1, 0)
    const old = rs('web-old', 3, 3)
    const newRS = rs('web-new', 1, 1, 1)
    const steps = planOldReplicaSets(d, [old, newRS], [old], newRS)
    expect(sizes(steps)).toEqual(['web-old->2'])
    expect(steps[0]?.why).toBe('scaled down web-old to 2 (old pods available beyond the minimum: 1)')
  })

  it('keeps old pods while the new ones are not available', () => {
    const d = rollingDeployment(3, 1, 0)
    const old = rs('web-old', 3, 3)
    const newRS = rs('web-new', 1, 0, 1)
    expect(planOldReplicaSets(d, [old, newRS], [old], newRS)).toEqual([])
  })

  it('removes unavailable old pods first, oldest replica set first, within the budget', () => {
    // 10 replicas, unavailable 2: two old replica sets with unavailable pods, new one all available.
    const d = rollingDeployment(10, 3, 2)
    const oldest = rs('web-a', 5, 3, 0)
    const older = rs('web-b', 3, 2, 1)
    const newRS = rs('web-new', 5, 5, 2)
    const steps = planOldReplicaSets(d, [oldest, older, newRS], [oldest, older], newRS)
    // Budget 13 - 8 - 0 = 5: web-a loses its 2 unavailable, web-b its 1; then 10 available - 8 = 2 more from web-a.
    expect(sizes(steps)).toEqual(['web-a->3', 'web-b->2', 'web-a->1'])
    expect(steps[0]?.why).toBe('scaled down web-a to 3 (unavailable old pods go first: 2)')
  })

  it('does nothing when the new replica set has unavailable pods eating the budget', () => {
    const d = rollingDeployment(10, 3, 2)
    const old = rs('web-old', 8, 8)
    const newRS = rs('web-new', 5, 0, 1)
    expect(planOldReplicaSets(d, [old, newRS], [old], newRS)).toEqual([])
  })
})

/** A running 3-replica deployment, fully available, then a new image. */
function rolledOut(h: Harness): void {
  h.api.create(deploymentManifest('web', 3))
  runRollout(h)
  h.advance(1000)
  h.setImage('tugboat/demo:v2')
}

describe('a RollingUpdate, one step per sync', () => {
  it('replaces 3 pods never running more than 4 nor fewer than 3 available', () => {
    const h = deploymentHarness()
    rolledOut(h)
    const seen = runRollout(h)
    expect(seen).toEqual({maxSpec: 4, maxPods: 4, minAvailable: 3})

    const oldRS = h.rsFor('tugboat/demo:v1').metadata.name
    const newRS = h.rsFor('tugboat/demo:v2').metadata.name
    expect(h.eventsOf(h.deployment()).slice(1)).toEqual([
      `Normal ScalingReplicaSet Scaled up replica set ${newRS} to 1`,
      `Normal ScalingReplicaSet Scaled down replica set ${oldRS} to 2 from 3`,
      `Normal ScalingReplicaSet Scaled up replica set ${newRS} to 2 from 1`,
      `Normal ScalingReplicaSet Scaled down replica set ${oldRS} to 1 from 2`,
      `Normal ScalingReplicaSet Scaled up replica set ${newRS} to 3 from 2`,
      `Normal ScalingReplicaSet Scaled down replica set ${oldRS} to 0 from 1`,
    ])
    expect(h.logs).toContain(
      `deployment/web: rolling update to ${newRS}: scaled up to 2 (4 pods of max 4; 3 available of min 3)`,
    )
    expect(h.logs).toContain(
      `deployment/web: scaled down ${oldRS} to 1 (old pods available beyond the minimum: 1)`,
    )
    expect(h.logs.at(-1)).toBe(
      `deployment/web: rollout to ${newRS} complete: 3 of 3 replicas updated and available`,
    )
    const d = h.deployment()
    expect(d.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2')
    expect(d.status).toMatchObject({replicas: 3, updatedReplicas: 3, availableReplicas: 3})
    expect(d.status?.conditions?.find((c) => c.type === 'Progressing')?.reason).toBe('NewReplicaSetAvailable')
  })

  it('stalls at one new pod when the new image never becomes available, keeping all old pods', () => {
    const h = deploymentHarness()
    rolledOut(h)
    const seen = runRollout(h, (rs) => imageOf(rs) !== 'tugboat/demo:v2')
    expect(seen.minAvailable).toBe(3)
    expect(h.replicaSets().map((rs) => [imageOf(rs), rs.spec.replicas])).toEqual([
      ['tugboat/demo:v1', 3],
      ['tugboat/demo:v2', 1],
    ])
    const newRS = h.rsFor('tugboat/demo:v2').metadata.name
    expect(h.logs.at(-1)).toBe(
      `deployment/web: rolling update to ${newRS}: waiting for new pods to become available ` +
        '(0 of 1 new available; 4 pods of max 4; 3 available of min 3)',
    )
    expect(h.deployment().status).toMatchObject({
      replicas: 4,
      updatedReplicas: 1,
      availableReplicas: 3,
      unavailableReplicas: 1,
    })
  })
})
