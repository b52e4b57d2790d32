import {describe, expect, it} from 'vitest'
import type {ApiServer} from '../../../../src/core/api/api-server.js'
import {resolveResourceType} from '../../../../src/core/api/resources.js'
import type {Deployment} from '../../../../src/core/api/types.js'
import {pauseRollout, resumeRollout} from '../../../../src/core/rollout/pause-resume.js'
import {goRFC3339, restartRollout} from '../../../../src/core/rollout/restart.js'
import {testApiServer} from '../../../support/api.js'
import {deploymentOf, seedRollout} from '../../../support/rollout-objects.js'

const deployments = resolveResourceType('deployment')
const query = (...names: string[]) => ({resources: [{type: deployments, names}], namespace: 'default'})

function seeded(): {api: ApiServer; clock: {advance(ms: number): void}} {
  const server = testApiServer()
  seedRollout(server.api, deploymentOf('web', 'nginx:1.25'), [
    {revision: 1, image: 'nginx:1.25', hash: 'a1', replicas: 3},
  ])
  seedRollout(server.api, deploymentOf('db', 'postgres:16'), [])
  return server
}

const operations = (result: ReturnType<typeof pauseRollout>) => ({
  edited: result.edited.map(({object, operation}) => `${object.metadata.name} ${operation}`),
  errors: result.errors,
})

const web = (api: ApiServer) => api.get(deployments, 'default', 'web') as Deployment

describe('pause and resume', () => {
  it('pauses, refuses to pause twice, resumes, refuses to resume twice', () => {
    const {api} = seeded()
    expect(operations(pauseRollout(api, query('web')))).toEqual({edited: ['web paused'], errors: []})
    expect(web(api).spec.paused).toBe(true)
    expect(operations(pauseRollout(api, query('web', 'db')))).toEqual({
      edited: ['db paused'],
      errors: ['deployments.apps "web" is already paused'],
    })
    expect(operations(resumeRollout(api, query('web')))).toEqual({edited: ['web resumed'], errors: []})
    expect(web(api).spec.paused).toBe(false)
    expect(operations(resumeRollout(api, query('web')))).toEqual({
      edited: [],
      errors: ['deployments.apps "web" is not paused'],
    })
  })

  it('refuses other kinds per object', () => {
    const {api} = seeded()
    const rs = {resources: [{type: resolveResourceType('rs'), names: ['web-a1']}], namespace: 'default'}
    expect(pauseRollout(api, rs).errors).toEqual(['replicasets.apps "web-a1" pausing is not supported'])
    expect(resumeRollout(api, rs).errors).toEqual(['replicasets.apps "web-a1" resuming is not supported'])
  })
})

describe('restart', () => {
  it('stamps the template with the time and records the command', () => {
    const {api} = seeded()
    const result = restartRollout(api, {
      ...query('web'),
      changeCause: 'tug rollout restart deployment/web',
      utcOffsetMinutes: 0,
    })
    expect(operations(result)).toEqual({edited: ['web restarted'], errors: []})
    expect(web(api).spec.template.metadata?.annotations).toEqual({
      'kubectl.kubernetes.io/restartedAt': '2024-05-14T11:54:50Z',
    })
    expect(web(api).metadata.annotations?.['kubernetes.io/change-cause']).toBe(
      'tug rollout restart deployment/web',
    )
  })

  it('refuses a second restart within the same second, and a paused deployment', () => {
    const {api, clock} = seeded()
    const request = {...query('web'), changeCause: 'tug rollout restart deploy web', utcOffsetMinutes: 0}
    restartRollout(api, request)
    clock.advance(400)
    expect(restartRollout(api, request).errors).toEqual([
      'failed to create patch for web: if restart has already been triggered within the past second, please wait before attempting to trigger another',
    ])
    clock.advance(1000)
    expect(restartRollout(api, request).errors).toEqual([])
    pauseRollout(api, query('web'))
    expect(restartRollout(api, request).errors).toEqual([
      `deployments.apps "web" can't restart paused deployment (run rollout resume first)`,
    ])
  })

  it.each([
    ['2024-05-14T11:54:50.900Z', 0, '2024-05-14T11:54:50Z'],
    ['2024-05-14T11:54:50Z', 120, '2024-05-14T13:54:50+02:00'],
    ['2024-05-14T01:00:00Z', -330, '2024-05-13T19:30:00-05:30'],
  ])('formats %s at offset %i as Go does: %s', (instant, offset, text) => {
    expect(goRFC3339(new Date(instant), offset)).toBe(text)
  })
})
