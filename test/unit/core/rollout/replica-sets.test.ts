import {describe, expect, it} from 'vitest'
import type {PodTemplateSpec} from '../../../../src/core/api/types.js'
import {equalIgnoreHash, withoutHash} from '../../../../src/core/controllers/deployment/new-replicaset.js'
import {splitDeploymentReplicaSets} from '../../../../src/core/rollout/replica-sets.js'
import {mustTypeForKind} from '../../../../src/core/api/resources.js'
import {testApiServer} from '../../../support/api.js'
import {deploymentOf, replicaSetOf, seedRollout} from '../../../support/rollout-objects.js'

const template = (labels: Record<string, string>, extra: Partial<PodTemplateSpec['spec']> = {}) => ({
  metadata: {labels},
  spec: {containers: [{name: 'web', image: 'nginx:1.25'}], ...extra},
})

describe('equalIgnoreHash', () => {
  it.each([
    [
      'only the hash differs',
      template({app: 'web', 'pod-template-hash': 'abc'}),
      template({app: 'web'}),
      true,
    ],
    [
      'an empty list equals a missing one',
      template({app: 'web'}, {volumes: []}),
      template({app: 'web'}),
      true,
    ],
    ['labels differ', template({app: 'web', tier: 'a'}), template({app: 'web'}), false],
    [
      'images differ',
      template({app: 'web'}),
      {metadata: {labels: {app: 'web'}}, spec: {containers: [{name: 'web', image: 'nginx:1.26'}]}},
      false,
    ],
  ])('%s', (_case, a, b, equal) => {
    expect(equalIgnoreHash(a, b)).toBe(equal)
  })

  it('drops the hash label from a copy, leaving the original alone', () => {
    const original = template({app: 'web', 'pod-template-hash': 'abc'})
    expect(withoutHash(original)?.metadata?.labels).toEqual({app: 'web'})
    expect(original.metadata.labels).toEqual({app: 'web', 'pod-template-hash': 'abc'})
  })
})

describe('splitDeploymentReplicaSets', () => {
  it('finds the new replica set by template and ignores ones the deployment does not control', () => {
    const {api} = testApiServer()
    const deployment = seedRollout(api, deploymentOf('web', 'nginx:1.25'), [
      {revision: 1, image: 'nginx:1.24', hash: 'aaaa1'},
      {revision: 2, image: 'nginx:1.25', hash: 'bbbb2', replicas: 3},
    ])
    const foreign = replicaSetOf(deployment, {revision: 9, image: 'nginx:1.25', hash: 'zzzz9'})
    foreign.metadata.ownerReferences = []
    api.create(foreign)
    const {newRS, oldRSs} = splitDeploymentReplicaSets(deployment, api.list(mustTypeForKind('ReplicaSet')))
    expect(newRS?.metadata.name).toBe('web-bbbb2')
    expect(oldRSs.map((rs) => rs.metadata.name)).toEqual(['web-aaaa1'])
  })

  it('has no new replica set before the controller made one', () => {
    const {api} = testApiServer()
    const deployment = seedRollout(api, deploymentOf('web', 'nginx:1.26'), [
      {revision: 1, image: 'nginx:1.25', hash: 'aaaa1', replicas: 3},
    ])
    const {newRS, oldRSs} = splitDeploymentReplicaSets(deployment, api.list(mustTypeForKind('ReplicaSet')))
    expect(newRS).toBeUndefined()
    expect(oldRSs).toHaveLength(1)
  })
})
