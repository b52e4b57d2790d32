import {describe, expect, it} from 'vitest'
import {rolloutHistory} from '../../../../src/core/rollout/history.js'
import {resolveResourceType} from '../../../../src/core/api/resources.js'
import {testApiServer} from '../../../support/api.js'
import {deploymentOf, seedRollout} from '../../../support/rollout-objects.js'

const deployments = resolveResourceType('deployments')

function seeded() {
  const {api} = testApiServer()
  seedRollout(api, deploymentOf('web', 'nginx:1.26'), [
    {
      revision: 3,
      image: 'nginx:1.26',
      hash: 'cccc3',
      replicas: 3,
      changeCause: 'tug set image deployment/web web=nginx:1.26',
    },
    {revision: 1, image: 'nginx:1.24', hash: 'aaaa1'},
    {revision: 2, image: 'nginx:1.25', hash: 'bbbb2', changeCause: 'bump to 1.25'},
  ])
  return api
}

describe('rolloutHistory', () => {
  it('lists revisions in ascending order with their change causes', () => {
    const [history] = rolloutHistory(seeded(), {
      resources: [{type: deployments, names: ['web']}],
      namespace: 'default',
      revision: 0,
    })
    expect(history?.rows).toEqual([
      {revision: 1, changeCause: undefined},
      {revision: 2, changeCause: 'bump to 1.25'},
      {revision: 3, changeCause: 'tug set image deployment/web web=nginx:1.26'},
    ])
    expect(history?.template).toBeUndefined()
  })

  it('gives one revision its template, the change cause added to its annotations', () => {
    const [history] = rolloutHistory(seeded(), {
      resources: [{type: deployments, names: ['web']}],
      namespace: 'default',
      revision: 2,
    })
    expect(history?.template?.metadata).toEqual({
      labels: {app: 'web', 'pod-template-hash': 'bbbb2'},
      annotations: {'kubernetes.io/change-cause': 'bump to 1.25'},
    })
    expect(history?.template?.spec.containers[0]?.image).toBe('nginx:1.25')
  })

  it('refuses an unknown revision and a negative one', () => {
    const request = {resources: [{type: deployments, names: ['web']}], namespace: 'default'}
    expect(() => rolloutHistory(seeded(), {...request, revision: 7})).toThrow(
      'unable to find the specified revision',
    )
    expect(() => rolloutHistory(seeded(), {...request, revision: -1})).toThrow(
      'revision must be a positive integer: -1',
    )
  })

  it('refuses kinds without history as kubectl does', () => {
    const {api} = testApiServer()
    api.create({apiVersion: 'v1', kind: 'Service', metadata: {name: 'web'}, spec: {ports: [{port: 80}]}})
    expect(() =>
      rolloutHistory(api, {
        resources: [{type: resolveResourceType('svc'), names: ['web']}],
        namespace: 'default',
        revision: 0,
      }),
    ).toThrow('error retrieving history for "Service", no visitor method exists for { Service}')
  })
})
