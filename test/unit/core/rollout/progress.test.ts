import {describe, expect, it} from 'vitest'
import {mustTypeForKind} from '../../../../src/core/api/resources.js'
import {rolloutProgress} from '../../../../src/core/rollout/progress.js'
import {testApiServer} from '../../../support/api.js'
import {deploymentOf, seedRollout} from '../../../support/rollout-objects.js'

describe('rolloutProgress', () => {
  it('lists the new replica set first, old ones with pods, and the budget', () => {
    const {api} = testApiServer()
    const deployment = seedRollout(api, deploymentOf('web', 'nginx:1.26'), [
      {revision: 1, image: 'nginx:1.24', hash: 'aaaa1', replicas: 0},
      {
        revision: 2,
        image: 'nginx:1.25',
        hash: 'bbbb2',
        replicas: 2,
        status: {replicas: 2, readyReplicas: 2, availableReplicas: 2},
      },
      {
        revision: 3,
        image: 'nginx:1.26',
        hash: 'cccc3',
        replicas: 2,
        status: {replicas: 2, readyReplicas: 1, availableReplicas: 1},
      },
    ])
    const progress = rolloutProgress(deployment, api.list(mustTypeForKind('ReplicaSet')))
    expect(progress.replicaSets).toEqual([
      {name: 'web-cccc3', role: 'new', revision: 3, desired: 2, current: 2, ready: 1, available: 1},
      {name: 'web-bbbb2', role: 'old', revision: 2, desired: 2, current: 2, ready: 2, available: 2},
    ])
    expect(progress.budget).toEqual({
      strategy: 'RollingUpdate',
      replicas: 3,
      surge: 1,
      unavailable: 0,
      maxTotal: 4,
      minAvailable: 3,
      total: 4,
      available: 3,
    })
  })
})
