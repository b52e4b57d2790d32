import {describe, expect, it, vi} from 'vitest'
import {ApiError} from '../../../../../src/core/api/errors.js'
import {computeHash} from '../../../../../src/core/controllers/deployment/template-hash.js'
import {DEPLOYMENT, deploymentHarness, deploymentManifest, RS} from './support/harness.js'

describe('Deployment controller', () => {
  it('creates the first replica set at full size, named and labelled by the template hash', () => {
    const h = deploymentHarness()
    const d = h.api.create(
      deploymentManifest('web', 3, {
        annotations: {
          'kubernetes.io/change-cause': 'first',
          'kubectl.kubernetes.io/last-applied-configuration': '{}',
        },
      }),
    )
    h.sync()
    const hash = computeHash(h.deployment().spec.template)
    const [rs] = h.replicaSets()
    expect(rs?.metadata.name).toBe(`web-${hash}`)
    expect(rs?.metadata.labels).toEqual({app: 'web', 'pod-template-hash': hash})
    expect(rs?.metadata.annotations).toEqual({
      'kubernetes.io/change-cause': 'first',
      'deployment.kubernetes.io/revision': '1',
      'deployment.kubernetes.io/desired-replicas': '3',
      'deployment.kubernetes.io/max-replicas': '4',
    })
    expect(rs?.metadata.ownerReferences).toEqual([
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        name: 'web',
        uid: d.metadata.uid,
        controller: true,
        blockOwnerDeletion: true,
      },
    ])
    expect(rs?.spec.replicas).toBe(3)
    expect(rs?.spec.selector).toEqual({matchLabels: {app: 'web', 'pod-template-hash': hash}})
    expect(rs?.spec.template.metadata?.labels).toEqual({app: 'web', 'pod-template-hash': hash})
    expect(h.deployment().metadata.annotations).toEqual({
      'kubernetes.io/change-cause': 'first',
      'kubectl.kubernetes.io/last-applied-configuration': '{}',
      'deployment.kubernetes.io/revision': '1',
    })
    expect(h.eventsOf(d)).toEqual([`Normal ScalingReplicaSet Scaled up replica set web-${hash} to 3`])
    expect(h.sourcesOf(d)).toEqual(['deployment-controller'])
    expect(h.logs).toEqual([
      `deployment/web: created replicaset web-${hash} (revision 1) with 3 replicas: no other replica set has pods`,
    ])
  })

  it('keeps the new replica set minReadySeconds in step with the deployment, without a new revision', () => {
    const h = deploymentHarness()
    h.api.create(deploymentManifest('web', 2, {minReadySeconds: 5}))
    h.converge()
    expect(h.replicaSets().map((rs) => rs.spec.minReadySeconds)).toEqual([5])
    h.edit((d) => {
      d.spec.minReadySeconds = 0
    })
    h.converge()
    expect(
      h
        .replicaSets()
        .map((rs) => [
          rs.spec.minReadySeconds,
          rs.metadata.annotations?.['deployment.kubernetes.io/revision'],
        ]),
    ).toEqual([[undefined, '1']])
  })

  it('reports status from its replica sets and does nothing once converged', () => {
    const h = deploymentHarness()
    h.api.create(deploymentManifest('web', 3))
    h.converge()
    const rs = h.replicaSets()[0]!
    h.observe(rs, {replicas: 3, available: 3})
    h.converge()
    const status = h.deployment().status
    expect(status).toMatchObject({
      observedGeneration: h.deployment().metadata.generation,
      replicas: 3,
      updatedReplicas: 3,
      readyReplicas: 3,
      availableReplicas: 3,
    })
    expect(status?.unavailableReplicas).toBeUndefined()
    expect(status?.conditions?.map((c) => [c.type, c.status, c.reason, c.message])).toEqual([
      ['Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.'],
      [
        'Progressing',
        'True',
        'NewReplicaSetAvailable',
        `ReplicaSet "${rs.metadata.name}" has successfully progressed.`,
      ],
    ])

    const before = h.api.store.latestResourceVersion()
    const logs = h.logs.length
    expect(h.sync()).toBeUndefined()
    expect(h.api.store.latestResourceVersion()).toBe(before)
    expect(h.logs).toHaveLength(logs)
  })

  it('retries a failed write on the next sync', () => {
    const h = deploymentHarness()
    h.api.create(deploymentManifest('web', 3))
    const create = vi.spyOn(h.api, 'create').mockImplementationOnce(() => {
      throw new Error('etcdserver: request timed out')
    })
    expect(() => h.sync()).toThrow('etcdserver: request timed out')
    expect(h.replicaSets()).toEqual([])
    const progressing = h.deployment().status?.conditions?.find((c) => c.type === 'Progressing')
    expect(progressing).toMatchObject({status: 'False', reason: 'ReplicaSetCreateError'})
    expect(progressing?.message).toMatch(
      /^Failed to create new replica set "web-[a-z0-9]+": etcdserver: request timed out$/,
    )
    expect(h.eventsOf(h.deployment())[0]).toMatch(
      /^Warning ReplicaSetCreateError Failed to create new replica set/,
    )

    create.mockRestore()
    h.converge()
    expect(h.replicaSets().map((rs) => rs.spec.replicas)).toEqual([3])
  })

  it('retries a scale that lost a race with another writer', () => {
    const h = deploymentHarness()
    h.api.create(deploymentManifest('web', 3))
    h.converge()
    h.observe(h.replicaSets()[0]!, {replicas: 3, available: 3})
    h.converge()
    h.advance(1000)
    h.setImage('tugboat/demo:v2')
    h.converge()
    h.observe(h.rsFor('tugboat/demo:v2'), {replicas: 1, available: 1})
    const update = h.api.update.bind(h.api)
    const spy = vi.spyOn(h.api, 'update').mockImplementationOnce((object, options) => {
      if (object.kind !== 'ReplicaSet') return update(object, options)
      throw new ApiError(
        'Conflict',
        `Operation cannot be fulfilled on replicasets.apps "${object.metadata.name}"`,
      )
    })
    expect(() => h.sync()).toThrow('Operation cannot be fulfilled')
    expect(h.rsFor('tugboat/demo:v1').spec.replicas).toBe(3)
    spy.mockRestore()
    h.converge()
    expect(h.rsFor('tugboat/demo:v1').spec.replicas).toBe(2)
  })

  it('adopts an orphan replica set its selector matches and releases one that stopped matching', () => {
    const h = deploymentHarness()
    const d = h.api.create(deploymentManifest('web', 2))
    h.converge()
    const mine = h.replicaSets()[0]!
    // Orphan the replica set, as `delete --cascade=orphan` of an earlier deployment would leave it.
    h.api.update({...mine, metadata: {...mine.metadata, ownerReferences: undefined}})
    h.sync()
    expect(h.api.get(RS, 'default', mine.metadata.name).metadata.ownerReferences?.[0]?.uid).toBe(
      d.metadata.uid,
    )
    expect(h.logs).toContain(
      `deployment/web: adopted replicaset ${mine.metadata.name}: its labels match and it had no controller`,
    )

    const adopted = h.api.get(RS, 'default', mine.metadata.name)
    h.api.update({...adopted, metadata: {...adopted.metadata, labels: {app: 'other'}}})
    // Released, it still holds the name the template hashes to: a collision, so the next hash differs.
    expect(() => h.sync()).toThrow(`replicasets.apps "${mine.metadata.name}" already exists`)
    expect(h.api.get(RS, 'default', mine.metadata.name).metadata.ownerReferences).toBeUndefined()
    expect(h.deployment().status?.collisionCount).toBe(1)
    expect(h.logs).toContain(
      `deployment/web: released replicaset ${mine.metadata.name}: its labels no longer match the selector`,
    )
    h.converge()
    const hash = computeHash(h.deployment().spec.template, 1)
    expect(
      h
        .replicaSets()
        .map((rs) => rs.metadata.name)
        .sort(),
    ).toEqual([mine.metadata.name, `web-${hash}`].sort())
  })

  it('only reports status while being deleted', () => {
    const h = deploymentHarness()
    h.api.create(deploymentManifest('web', 2))
    h.converge()
    h.api.delete(DEPLOYMENT, 'default', 'web', {cascade: 'foreground'})
    h.edit((d) => {
      d.spec.replicas = 5
    })
    h.observe(h.replicaSets()[0]!, {replicas: 2, available: 2})
    h.converge()
    expect(h.replicaSets().map((rs) => rs.spec.replicas)).toEqual([2])
    expect(h.deployment().status).toMatchObject({
      observedGeneration: h.deployment().metadata.generation,
      replicas: 2,
      availableReplicas: 2,
    })
  })

  it('does nothing but warn when the selector is empty', () => {
    const h = deploymentHarness()
    // Validation refuses an empty selector; an object stored by other means still must not select every pod.
    const manifest = deploymentManifest('web', 2)
    manifest.spec.selector = {}
    const d = h.api.store.put('ADDED', {
      ...manifest,
      metadata: {
        ...manifest.metadata,
        namespace: 'default',
        uid: 'u-1',
        generation: 2,
        creationTimestamp: '2024-05-14T11:54:50Z',
      },
      status: {},
    })
    h.converge()
    expect(h.replicaSets()).toEqual([])
    expect(h.eventsOf(d)).toEqual([
      'Warning SelectingAll This deployment is selecting all pods. A non-empty selector is required.',
    ])
    expect(h.deployment().status).toEqual({observedGeneration: 2})
  })
})
