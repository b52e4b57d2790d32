import {describe, expect, it} from 'vitest'
import type {ApiServer} from '../../../../src/core/api/api-server.js'
import {resolveResourceType} from '../../../../src/core/api/resources.js'
import type {Deployment} from '../../../../src/core/api/types.js'
import {undoRollout} from '../../../../src/core/rollout/undo.js'
import {testApiServer} from '../../../support/api.js'
import {deploymentOf, seedRollout} from '../../../support/rollout-objects.js'

const deployments = resolveResourceType('deploy')
const CAUSE = 'tug rollout undo deployment/web'

/** web at revision 3 (nginx:1.26); revision 2 (1.25) has a cause, revision 1 (1.24) has none. */
function seeded(): ApiServer {
  const {api} = testApiServer()
  const deployment = deploymentOf('web', 'nginx:1.26')
  deployment.metadata.annotations = {
    'kubernetes.io/change-cause': 'tug set image deployment/web web=nginx:1.26',
    'team.example/owner': 'blue',
  }
  seedRollout(api, deployment, [
    {revision: 1, image: 'nginx:1.24', hash: 'aaaa1'},
    {
      revision: 2,
      image: 'nginx:1.25',
      hash: 'bbbb2',
      changeCause: 'tug set image deployment/web web=nginx:1.25',
      annotations: {'deployment.kubernetes.io/desired-replicas': '3', 'team.example/owner': 'green'},
    },
    {revision: 3, image: 'nginx:1.26', hash: 'cccc3', replicas: 3},
  ])
  return api
}

const undo = (api: ApiServer, toRevision = 0) =>
  undoRollout(api, {
    resources: [{type: deployments, names: ['web']}],
    namespace: 'default',
    toRevision,
    changeCause: CAUSE,
  })

const web = (api: ApiServer) => api.get(deployments, 'default', 'web') as Deployment

describe('undoRollout', () => {
  it('restores the previous revision: its template without the hash label and its annotations', () => {
    const api = seeded()
    expect(undo(api).map(({operation}) => operation)).toEqual(['rolled back'])
    const after = web(api)
    expect(after.spec.template.metadata?.labels).toEqual({app: 'web'})
    expect(after.spec.template.spec.containers[0]?.image).toBe('nginx:1.25')
    expect(after.metadata.annotations).toEqual({
      'deployment.kubernetes.io/revision': '3',
      'kubernetes.io/change-cause': 'tug set image deployment/web web=nginx:1.25',
      'team.example/owner': 'green',
    })
  })

  it('records the undo itself when the revision rolled back to has no change cause', () => {
    const api = seeded()
    undo(api, 1)
    expect(web(api).metadata.annotations?.['kubernetes.io/change-cause']).toBe(CAUSE)
    expect(web(api).spec.template.spec.containers[0]?.image).toBe('nginx:1.24')
  })

  it('skips a revision whose template is already current, changing nothing', () => {
    const api = seeded()
    const before = web(api).metadata.resourceVersion
    expect(undo(api, 3).map(({operation}) => operation)).toEqual([
      'skipped rollback (current template already matches revision 3)',
    ])
    expect(web(api).metadata.resourceVersion).toBe(before)
  })

  it.each([
    [7, 'unable to find specified revision 7 in history'],
    [-1, 'unable to find specified revision -1 in history'],
  ])('refuses --to-revision=%i', (revision, message) => {
    expect(() => undo(seeded(), revision)).toThrow(message)
  })

  it('refuses a paused deployment', () => {
    const api = seeded()
    api.update({...web(api), spec: {...web(api).spec, paused: true}})
    expect(() => undo(api)).toThrow(
      "you cannot rollback a paused deployment; resume it first with 'tug rollout resume' and try again",
    )
  })

  it('has nothing to go back to with a single revision', () => {
    const {api} = testApiServer()
    seedRollout(api, deploymentOf('web', 'nginx:1.25'), [
      {revision: 1, image: 'nginx:1.25', hash: 'aaaa1', replicas: 3},
    ])
    expect(() => undo(api)).toThrow('no rollout history found for deployment "web"')
  })

  it('refuses kinds kubectl cannot roll back', () => {
    const api = seeded()
    expect(() =>
      undoRollout(api, {
        resources: [{type: resolveResourceType('rs'), names: ['web-aaaa1']}],
        namespace: 'default',
        toRevision: 0,
        changeCause: CAUSE,
      }),
    ).toThrow('no rollbacker has been implemented for "ReplicaSet.apps"')
  })
})
