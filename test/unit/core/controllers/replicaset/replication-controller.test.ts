import {describe, expect, it} from 'vitest'
import type {ReplicationController} from '../../../../../src/core/api/types.js'
import {POD, podManifest, RC, replicaHarness, replicationController} from './support/harness.js'

describe('ReplicationController controller', () => {
  it('selects by the template labels when the selector is left out, and owns what it creates', () => {
    const h = replicaHarness()
    const rc = h.api.create(replicationController('web', 2)) as ReplicationController
    expect(rc.spec.selector).toEqual({app: 'web'})
    h.sync(h.rc)
    const pods = h.pods()
    expect(pods).toHaveLength(2)
    for (const pod of pods)
      expect(pod.metadata.ownerReferences).toEqual([
        {
          apiVersion: 'v1',
          kind: 'ReplicationController',
          name: 'web',
          uid: rc.metadata.uid,
          controller: true,
          blockOwnerDeletion: true,
        },
      ])
    expect(h.logs[0]).toMatch(/^replicationcontroller\/web: 0 of 2 pods exist, creating web-/)
    expect(h.eventsOf(h.get(RC))).toHaveLength(2)
    expect(h.eventsOf(h.get(RC))[0]).toMatch(
      /^Normal SuccessfulCreate Created pod: web-\w{5} \(replication-controller\)$/,
    )
  })

  it('adopts an orphan its map selector matches and reports status with observedGeneration', () => {
    const h = replicaHarness()
    h.api.create(podManifest('stray', {app: 'web', extra: 'yes'}))
    h.api.create(replicationController('web', 1))
    h.sync(h.rc)
    h.sync(h.rc)
    expect(h.api.get(POD, 'default', 'stray').metadata.ownerReferences?.[0]?.kind).toBe(
      'ReplicationController',
    )
    expect(h.pods()).toHaveLength(1)
    expect((h.get(RC) as ReplicationController).status).toEqual({
      replicas: 1,
      fullyLabeledReplicas: 1,
      observedGeneration: 1,
    })
  })

  it('leaves pods of a ReplicaSet with the same labels alone', () => {
    const h = replicaHarness()
    const owner = {apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: 'rs-uid', controller: true}
    h.api.create(podManifest('rs-pod', {app: 'web'}, owner))
    h.api.create(replicationController('web', 1))
    h.sync(h.rc)
    expect(h.api.get(POD, 'default', 'rs-pod').metadata.ownerReferences).toEqual([owner])
    expect(h.pods()).toHaveLength(2)
  })
})
