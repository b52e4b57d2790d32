import {describe, expect, it} from 'vitest'
import type {Pod, StoredObject} from '../../../../../src/core/api/types.js'
import type {ClaimDecision} from '../../../../../src/core/controllers/replicaset/claim.js'
import {claimDecision} from '../../../../../src/core/controllers/replicaset/claim.js'
import {REPLICA_SET_KIND} from '../../../../../src/core/controllers/replicaset/owner-kind.js'

const MINE = 'rs-uid'

function owner(deleting = false) {
  const object: StoredObject = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: 'web',
      namespace: 'default',
      uid: MINE,
      resourceVersion: '1',
      creationTimestamp: '2024-05-14T11:54:50Z',
      ...(deleting ? {deletionTimestamp: '2024-05-14T11:55:00Z', finalizers: ['foregroundDeletion']} : {}),
    },
    spec: {selector: {matchLabels: {app: 'web'}}, template: {metadata: {labels: {app: 'web'}}}},
  }
  return REPLICA_SET_KIND.view(object)
}

interface PodShape {
  controller?: string
  labels?: string
  deleting?: boolean
  namespace?: string
}

function pod({controller, labels = 'web', deleting, namespace = 'default'}: PodShape): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'p',
      namespace,
      labels: {app: labels},
      ...(controller
        ? {
            ownerReferences: [
              {apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'x', uid: controller, controller: true},
            ],
          }
        : {}),
      ...(deleting ? {deletionTimestamp: '2024-05-14T11:55:00Z'} : {}),
    },
    spec: {containers: []},
  }
}

describe('claimDecision (ClaimObject)', () => {
  it.each<[string, PodShape, boolean, ClaimDecision]>([
    ['mine and matching: keep', {controller: MINE}, false, 'keep'],
    ['mine and matching while I am deleted: keep', {controller: MINE}, true, 'keep'],
    ['mine, labels changed: release', {controller: MINE, labels: 'debug'}, false, 'release'],
    ['mine, labels changed, while I am deleted: ignore', {controller: MINE, labels: 'debug'}, true, 'ignore'],
    ["another controller's, matching: ignore", {controller: 'other'}, false, 'ignore'],
    ['orphan, matching: adopt', {}, false, 'adopt'],
    ['orphan, not matching: ignore', {labels: 'api'}, false, 'ignore'],
    ['orphan, matching, while I am deleted: ignore', {}, true, 'ignore'],
    ['orphan, matching, itself being deleted: ignore', {deleting: true}, false, 'ignore'],
    ['orphan, matching, in another namespace: ignore', {namespace: 'team'}, false, 'ignore'],
  ])('%s', (_, shape, deleting, decision) => {
    expect(claimDecision(pod(shape), owner(deleting))).toBe(decision)
  })

  it('adopts nothing with a selector that selects nothing', () => {
    const selectorless = {...owner(), selector: undefined}
    expect(claimDecision(pod({}), selectorless)).toBe('ignore')
    expect(claimDecision(pod({controller: MINE}), selectorless)).toBe('release')
  })
})
