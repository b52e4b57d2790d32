import {describe, expect, it} from 'vitest'
import type {Condition, Deployment, ReplicaSet} from '../../../../../src/core/api/types.js'
import {calculateStatus, rolloutStatus} from '../../../../../src/core/controllers/deployment/status.js'
import {deploymentHarness, deploymentManifest} from './support/harness.js'
import {imageOf, runRollout} from './support/rollout.js'

const NOW = Date.parse('2024-05-14T12:00:00Z')

function rs(
  name: string,
  spec: number,
  pods: number,
  ready: number,
  available: number,
  conditions?: Condition[],
): ReplicaSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {name},
    spec: {replicas: spec, selector: {}, template: {spec: {containers: []}}},
    status: {
      replicas: pods,
      readyReplicas: ready,
      availableReplicas: available,
      ...(conditions ? {conditions} : {}),
    },
  }
}

const brief = (conditions: Condition[] | undefined): string[] =>
  (conditions ?? []).map((c) => `${c.type} ${c.status} ${c.reason} ${c.message}`)

describe('calculateStatus', () => {
  it('sums the replica sets and leaves zero counts out', () => {
    const d = {...deploymentManifest('web', 3), metadata: {name: 'web', generation: 4}}
    const newRS = rs('web-new', 1, 1, 1, 0)
    const status = calculateStatus([rs('web-old', 3, 3, 3, 3), newRS], newRS, d, NOW)
    expect({...status, conditions: brief(status.conditions)}).toEqual({
      observedGeneration: 4,
      replicas: 4,
      updatedReplicas: 1,
      readyReplicas: 4,
      availableReplicas: 3,
      unavailableReplicas: 1,
      conditions: ['Available True MinimumReplicasAvailable Deployment has minimum availability.'],
    })
  })

  it.each([
    // replicas, maxUnavailable, available -> Available
    [3, 0, 2, 'False MinimumReplicasUnavailable Deployment does not have minimum availability.'],
    [3, 0, 3, 'True MinimumReplicasAvailable Deployment has minimum availability.'],
    [4, 1, 3, 'True MinimumReplicasAvailable Deployment has minimum availability.'],
    [4, 1, 2, 'False MinimumReplicasUnavailable Deployment does not have minimum availability.'],
  ])(
    '%i replicas, maxUnavailable %i, %i available: Available %s',
    (replicas, unavailable, available, expected) => {
      const d = deploymentManifest('web', replicas, {
        strategy: {type: 'RollingUpdate', rollingUpdate: {maxSurge: 1, maxUnavailable: unavailable}},
      })
      const only = rs('web-a', replicas, replicas, available, available)
      expect(brief(calculateStatus([only], only, d, NOW).conditions)).toEqual([`Available ${expected}`])
    },
  )
})

describe('rolloutStatus', () => {
  it('copies a replica set failure, the new replica set first', () => {
    const failure = (message: string): Condition => ({
      type: 'ReplicaFailure',
      status: 'True',
      reason: 'FailedCreate',
      message,
      lastTransitionTime: '2024-05-14T11:00:00Z',
    })
    const d = deploymentManifest('web', 2)
    const newRS = rs('web-new', 1, 0, 0, 0, [failure('new: quota')])
    const status = rolloutStatus(d, [rs('web-old', 2, 2, 2, 2, [failure('old: quota')]), newRS], newRS, NOW)
    expect(status.conditions?.find((c) => c.type === 'ReplicaFailure')).toEqual({
      ...failure('new: quota'),
      lastUpdateTime: '2024-05-14T11:00:00Z',
    })
  })

  it('refreshes lastUpdateTime on progress but keeps lastTransitionTime', () => {
    const progressing: Condition = {
      type: 'Progressing',
      status: 'True',
      reason: 'ReplicaSetUpdated',
      message: 'ReplicaSet "web-new" is progressing.',
      lastUpdateTime: '2024-05-14T11:00:00Z',
      lastTransitionTime: '2024-05-14T10:00:00Z',
    }
    const d = {
      ...deploymentManifest('web', 3, {progressDeadlineSeconds: 600}),
      status: {replicas: 4, updatedReplicas: 1, conditions: [progressing]},
    }
    const newRS = rs('web-new', 2, 2, 0, 0)
    const status = rolloutStatus(d, [rs('web-old', 2, 2, 2, 2), newRS], newRS, NOW)
    expect(status.conditions?.find((c) => c.type === 'Progressing')).toEqual({
      ...progressing,
      lastUpdateTime: '2024-05-14T12:00:00Z',
    })
  })
})

describe('progress deadline', () => {
  it('reports ProgressDeadlineExceeded once a stalled rollout passes progressDeadlineSeconds, rolling nothing back', () => {
    const h = deploymentHarness()
    h.api.create(deploymentManifest('web', 3, {progressDeadlineSeconds: 600}))
    runRollout(h)
    h.advance(1000)
    h.setImage('tugboat/demo:bad')
    runRollout(h, (rs) => imageOf(rs) !== 'tugboat/demo:bad')
    const newRS = h.rsFor('tugboat/demo:bad').metadata.name

    // Nothing moves: the controller asks to look again just after the deadline, plus Kubernetes' second.
    expect(h.sync()).toEqual({requeueAfterMs: 601_000})
    h.advance(300_000)
    expect(h.sync()).toEqual({requeueAfterMs: 301_000})
    h.advance(300_000)
    // At the deadline itself it has not passed yet.
    expect(h.sync()).toEqual({requeueAfterMs: 1})
    h.advance(1000)
    expect(h.sync()).toBeUndefined()

    const progressing = h.deployment().status?.conditions?.find((c) => c.type === 'Progressing')
    expect(progressing).toMatchObject({
      status: 'False',
      reason: 'ProgressDeadlineExceeded',
      message: `ReplicaSet "${newRS}" has timed out progressing.`,
    })
    expect(h.logs.at(-1)).toBe(
      `deployment/web: rollout to ${newRS} made no progress for 600s (progressDeadlineSeconds): ` +
        'Progressing is now False, ProgressDeadlineExceeded; nothing is rolled back',
    )
    expect(h.replicaSets().map((rs) => [imageOf(rs), rs.spec.replicas])).toEqual([
      ['tugboat/demo:v1', 3],
      ['tugboat/demo:bad', 1],
    ])
    // Timed out is final until something changes: no more wake-ups.
    expect(h.sync()).toBeUndefined()
  })
})

describe('pause and resume', () => {
  it('creates no replica set while paused, still scales, and notes both on Progressing', () => {
    const h = deploymentHarness()
    h.api.create(deploymentManifest('web', 3))
    runRollout(h)
    h.edit((d) => {
      d.spec.paused = true
    })
    h.converge()
    const progressing = (): Condition | undefined =>
      h.deployment().status?.conditions?.find((c) => c.type === 'Progressing')
    expect(progressing()).toMatchObject({
      status: 'Unknown',
      reason: 'DeploymentPaused',
      message: 'Deployment is paused',
    })
    expect(h.logs.at(-1)).toBe(
      'deployment/web: paused: no new replica set until resumed; scaling still applies',
    )

    h.setImage('tugboat/demo:v2')
    h.edit((d) => {
      d.spec.replicas = 5
    })
    h.advance(700_000)
    // Paused, the deadline does not count and nothing asks to be woken for it.
    expect(h.converge()).toBeUndefined()
    runRollout(h)
    expect(h.replicaSets().map((rs) => [imageOf(rs), rs.spec.replicas])).toEqual([['tugboat/demo:v1', 5]])
    expect(progressing()?.reason).toBe('DeploymentPaused')

    const resumedAt = h.api.store.latestResourceVersion()
    h.edit((d) => {
      d.spec.paused = false
    })
    h.sync()
    expect(h.logs).toContain('deployment/web: resumed')
    // Written first, then replaced in the same sync by the new replica set's creation.
    const written = h.api.store
      .changesSince(resumedAt)
      .flatMap((change) => (change.object.kind === 'Deployment' ? [change.object as Deployment] : []))
      .map((d) => d.status?.conditions?.find((c) => c.type === 'Progressing'))
    expect(written).toContainEqual(
      expect.objectContaining({
        status: 'Unknown',
        reason: 'DeploymentResumed',
        message: 'Deployment is resumed',
      }),
    )
    expect(progressing()).toMatchObject({
      status: 'True',
      reason: 'NewReplicaSetCreated',
      message: `Created new replica set "${h.rsFor('tugboat/demo:v2').metadata.name}"`,
    })
    // 5 replicas: surge ceil(1.25) = 2, unavailable floor(1.25) = 1, so new at 2 and old down to 4 at once.
    expect(h.replicaSets().map((rs) => [imageOf(rs), rs.spec.replicas])).toEqual([
      ['tugboat/demo:v1', 4],
      ['tugboat/demo:v2', 2],
    ])
    runRollout(h)
    expect(h.replicaSets().map((rs) => [imageOf(rs), rs.spec.replicas])).toEqual([
      ['tugboat/demo:v1', 0],
      ['tugboat/demo:v2', 5],
    ])
    expect(progressing()?.reason).toBe('NewReplicaSetAvailable')
  })
})
