import {describe, expect, it} from 'vitest'
import type {ReplicaSet, StoredObject} from '../../../../../src/core/api/types.js'
import {deploymentKeysForReplicaSetEvent} from '../../../../../src/core/controllers/deployment/handlers.js'
import {newControllerRef} from '../../../../../src/core/controllers/replicaset/controller-ref.js'
import type {Harness} from './support/harness.js'
import {deploymentHarness, deploymentManifest} from './support/harness.js'

/** Two deployments, web and api, known to the informer. */
function twoDeployments(): {h: Harness; web: StoredObject; api: StoredObject} {
  const h = deploymentHarness()
  const web = h.api.create(deploymentManifest('web', 1))
  const api = h.api.create(deploymentManifest('api', 1))
  h.informer.pump()
  return {h, web, api}
}

function replicaSet(labels: Record<string, string>, owner?: StoredObject, resourceVersion = '1'): ReplicaSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: 'rs',
      namespace: 'default',
      labels,
      resourceVersion,
      ...(owner ? {ownerReferences: [newControllerRef(owner, 'apps/v1')]} : {}),
    },
    spec: {replicas: 1, selector: {matchLabels: labels}, template: {spec: {containers: []}}},
  }
}

describe('replica set events', () => {
  it('wake the controlling deployment', () => {
    const {h, web} = twoDeployments()
    const rs = replicaSet({app: 'other'}, web) as StoredObject
    expect(deploymentKeysForReplicaSetEvent(h.informer, {type: 'ADDED', object: rs})).toEqual(['default/web'])
    expect(deploymentKeysForReplicaSetEvent(h.informer, {type: 'DELETED', object: rs})).toEqual([
      'default/web',
    ])
  })

  it('wake every deployment whose selector matches an orphan, so one can adopt it', () => {
    const {h} = twoDeployments()
    const orphan = replicaSet({app: 'api'}) as StoredObject
    expect(deploymentKeysForReplicaSetEvent(h.informer, {type: 'ADDED', object: orphan})).toEqual([
      'default/api',
    ])
    expect(deploymentKeysForReplicaSetEvent(h.informer, {type: 'DELETED', object: orphan})).toEqual([])
    expect(
      deploymentKeysForReplicaSetEvent(h.informer, {type: 'ADDED', object: replicaSet({}) as StoredObject}),
    ).toEqual([])
  })

  it('wake the old and the new controller when the controller changes', () => {
    const {h, web, api} = twoDeployments()
    const before = replicaSet({app: 'web'}, web, '1') as StoredObject
    const after = replicaSet({app: 'web'}, api, '2') as StoredObject
    expect(
      deploymentKeysForReplicaSetEvent(h.informer, {type: 'MODIFIED', object: after, previous: before}),
    ).toEqual(['default/web', 'default/api'])
  })

  it('wake matching deployments when an orphan is relabelled, and nothing for a resync', () => {
    const {h} = twoDeployments()
    const before = replicaSet({app: 'web'}, undefined, '1') as StoredObject
    const after = replicaSet({app: 'api'}, undefined, '2') as StoredObject
    expect(
      deploymentKeysForReplicaSetEvent(h.informer, {type: 'MODIFIED', object: after, previous: before}),
    ).toEqual(['default/api'])
    expect(
      deploymentKeysForReplicaSetEvent(h.informer, {type: 'MODIFIED', object: after, previous: after}),
    ).toEqual([])
  })

  it('are heard through the informer once the controller watches', () => {
    const {h} = twoDeployments()
    const woken: string[] = []
    h.controller.watch(h.informer, (key) => woken.push(key))
    const labels = {app: 'web'}
    const container = {name: 'app', image: 'tugboat/demo:v1'}
    h.api.create({
      ...replicaSet(labels),
      metadata: {name: 'rs', labels},
      spec: {
        replicas: 1,
        selector: {matchLabels: labels},
        template: {metadata: {labels}, spec: {containers: [container]}},
      },
    })
    h.informer.pump()
    expect(woken).toEqual(['default/web'])
  })
})
