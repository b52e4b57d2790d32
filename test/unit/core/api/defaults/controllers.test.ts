import {describe, expect, it} from 'vitest'
import type {Deployment, ReplicaSet, ReplicationController} from '../../../../../src/core/api/types.js'
import {
  defaulted,
  validDeployment,
  validReplicaSet,
  validReplicationController,
} from '../validation/fixtures.js'

const deploymentWith = (patch: (d: Deployment) => void): Deployment => {
  const deployment = validDeployment()
  patch(deployment)
  return defaulted(deployment)
}

describe('Deployment defaults', () => {
  it.each([
    ['replicas', 1],
    ['revisionHistoryLimit', 10],
    ['progressDeadlineSeconds', 600],
    ['strategy', {type: 'RollingUpdate', rollingUpdate: {maxSurge: '25%', maxUnavailable: '25%'}}],
  ] as const)('sets spec.%s to %j', (field, value) => {
    expect(deploymentWith((d) => delete d.spec.replicas).spec[field]).toEqual(value)
  })

  it.each([
    ['replicas', 0],
    ['revisionHistoryLimit', 0],
    ['progressDeadlineSeconds', 30],
  ] as const)('keeps an explicit spec.%s of %j', (field, value) => {
    expect(deploymentWith((d) => (d.spec[field] = value)).spec[field]).toBe(value)
  })

  it('fills only the missing half of rollingUpdate', () => {
    const deployment = deploymentWith((d) => (d.spec.strategy = {rollingUpdate: {maxSurge: 0}}))
    expect(deployment.spec.strategy).toEqual({
      type: 'RollingUpdate',
      rollingUpdate: {maxSurge: 0, maxUnavailable: '25%'},
    })
  })

  it('gives Recreate no rollingUpdate', () => {
    expect(deploymentWith((d) => (d.spec.strategy = {type: 'Recreate'})).spec.strategy).toEqual({
      type: 'Recreate',
    })
  })

  it('does not set minReadySeconds or paused, which Kubernetes leaves unset', () => {
    const spec = defaulted(validDeployment()).spec
    expect(spec).not.toHaveProperty('minReadySeconds')
    expect(spec).not.toHaveProperty('paused')
  })

  it('gives the template pod-spec defaults but not the pod-only ones', () => {
    const template = defaulted(validDeployment()).spec.template
    expect(template.spec).toMatchObject({
      restartPolicy: 'Always',
      dnsPolicy: 'ClusterFirst',
      terminationGracePeriodSeconds: 30,
    })
    expect(template.spec.containers[0]).toMatchObject({
      imagePullPolicy: 'IfNotPresent',
      terminationMessagePolicy: 'File',
    })
    expect(template.spec).not.toHaveProperty('tolerations')
    expect(template.spec).not.toHaveProperty('serviceAccountName')
  })

  it('gives a missing template an empty pod spec, for validation to report', () => {
    const deployment = deploymentWith((d) => delete (d.spec as Partial<Deployment['spec']>).template)
    expect(deployment.spec.template.spec).toMatchObject({restartPolicy: 'Always'})
  })
})

describe('ReplicaSet defaults', () => {
  it('sets one replica and template defaults', () => {
    const rs = validReplicaSet()
    delete rs.spec.replicas
    const result: ReplicaSet = defaulted(rs)
    expect(result.spec.replicas).toBe(1)
    expect(result.spec.template.spec.restartPolicy).toBe('Always')
  })

  it('does not copy template labels to a ReplicaSet (only RCs do)', () => {
    expect(defaulted(validReplicaSet()).metadata.labels).toBeUndefined()
  })
})

describe('ReplicationController defaults', () => {
  const rcWith = (patch: (rc: ReplicationController) => void): ReplicationController => {
    const rc = validReplicationController()
    patch(rc)
    return defaulted(rc)
  }

  it('copies the template labels into an empty selector and empty metadata.labels', () => {
    const rc = rcWith(() => {})
    expect(rc.spec.selector).toEqual({app: 'web'})
    expect(rc.metadata.labels).toEqual({app: 'web'})
  })

  it.each([
    [
      'selector',
      (rc: ReplicationController) => (rc.spec.selector = {tier: 'front'}),
      {tier: 'front'},
      {app: 'web'},
    ],
    [
      'metadata.labels',
      (rc: ReplicationController) => (rc.metadata.labels = {team: 'a'}),
      {app: 'web'},
      {team: 'a'},
    ],
  ])('keeps an explicit %s', (_, patch, selector, labels) => {
    const rc = rcWith(patch)
    expect(rc.spec.selector).toEqual(selector)
    expect(rc.metadata.labels).toEqual(labels)
  })

  it('sets one replica', () => {
    expect(rcWith((rc) => delete rc.spec.replicas).spec.replicas).toBe(1)
  })

  it('leaves a missing template missing (validation requires it)', () => {
    const rc = rcWith((r) => delete r.spec.template)
    expect(rc.spec.template).toBeUndefined()
    expect(rc.spec.selector).toBeUndefined()
  })
})
