import {describe, expect, it} from 'vitest'
import type {ApiServer} from '../../../../src/core/api/api-server.js'
import {resolveResourceType} from '../../../../src/core/api/resources.js'
import type {Deployment} from '../../../../src/core/api/types.js'
import {watchRolloutStatus} from '../../../../src/core/rollout/status-watch.js'
import {testApiServer} from '../../../support/api.js'
import {deploymentOf, seedRollout} from '../../../support/rollout-objects.js'

const deployments = resolveResourceType('deployment')

function seeded(status: Deployment['status']): ApiServer {
  const {api} = testApiServer()
  seedRollout(
    api,
    deploymentOf('web', 'nginx:1.25'),
    [{revision: 1, image: 'nginx:1.25', hash: 'a1', replicas: 3}],
    status,
  )
  return api
}

function setStatus(api: ApiServer, status: Deployment['status']): void {
  const live = api.get(deployments, 'default', 'web')
  api.update(
    {...live, status: {observedGeneration: live.metadata.generation, ...status}},
    {subresource: 'status'},
  )
}

const request = (extra: Partial<Parameters<typeof watchRolloutStatus>[1]> = {}) => ({
  resources: [{type: deployments, names: ['web']}],
  namespace: 'default',
  revision: 0,
  watch: true,
  timeoutMs: 0,
  intervalMs: 5,
  ...extra,
})

/** Runs the watch, calling `next(i)` after the i-th report, and returns the lines or the error. */
async function collect(
  api: ApiServer,
  next: (index: number) => void,
  extra: Partial<Parameters<typeof watchRolloutStatus>[1]> = {},
): Promise<{lines: string[]; error?: string}> {
  const lines: string[] = []
  try {
    let index = 0
    for await (const update of watchRolloutStatus(api, request(extra))) {
      lines.push(update.status.message)
      next(index++)
    }
  } catch (error) {
    return {lines, error: (error as Error).message}
  }
  return {lines}
}

describe('watchRolloutStatus', () => {
  it('reports each change of the deployment until the rollout is done', async () => {
    const api = seeded({replicas: 4, updatedReplicas: 1, availableReplicas: 3})
    const steps: Deployment['status'][] = [
      {replicas: 4, updatedReplicas: 3, availableReplicas: 3},
      {replicas: 3, updatedReplicas: 3, availableReplicas: 2},
      {replicas: 3, updatedReplicas: 3, availableReplicas: 3},
    ]
    const result = await collect(api, (index) => {
      const step = steps[index]
      if (step) setStatus(api, step)
    })
    expect(result).toEqual({
      lines: [
        'Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...',
        'Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...',
        'Waiting for deployment "web" rollout to finish: 2 of 3 updated replicas are available...',
        'deployment "web" successfully rolled out',
      ],
    })
  })

  it('stops at once when the rollout is already done, or without watching', async () => {
    const done = seeded({replicas: 3, updatedReplicas: 3, availableReplicas: 3})
    expect(await collect(done, () => undefined)).toEqual({
      lines: ['deployment "web" successfully rolled out'],
    })
    const waiting = seeded({replicas: 3, availableReplicas: 3})
    expect((await collect(waiting, () => undefined, {watch: false})).lines).toHaveLength(1)
  })

  it('fails when the progress deadline passes', async () => {
    const api = seeded({replicas: 4, updatedReplicas: 1, availableReplicas: 3})
    const result = await collect(api, () =>
      setStatus(api, {
        replicas: 4,
        updatedReplicas: 1,
        availableReplicas: 3,
        conditions: [{type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded'}],
      }),
    )
    expect(result.error).toBe('deployment "web" exceeded its progress deadline')
    expect(result.lines).toHaveLength(1)
  })

  it('times out with kubectl words', async () => {
    const api = seeded({replicas: 3, availableReplicas: 3})
    const result = await collect(api, () => undefined, {timeoutMs: 50})
    expect(result.error).toBe('timed out waiting for the condition')
  })

  it('fails when the deployment is deleted', async () => {
    const api = seeded({replicas: 3, availableReplicas: 3})
    const result = await collect(api, () => api.delete(deployments, 'default', 'web'))
    expect(result.error).toBe('object has been deleted')
  })

  it('ends quietly when the caller stops it', async () => {
    const api = seeded({replicas: 3, availableReplicas: 3})
    const stop = new AbortController()
    const result = await collect(api, () => stop.abort(), {signal: stop.signal})
    expect(result).toEqual({
      lines: ['Waiting for deployment "web" rollout to finish: 0 out of 3 new replicas have been updated...'],
    })
  })

  it('refuses other kinds and several objects as kubectl does', async () => {
    const api = seeded({})
    const rs = await collect(api, () => undefined, {
      resources: [{type: resolveResourceType('rs'), names: ['web-a1']}],
    })
    expect(rs.error).toBe('no status viewer has been implemented for ReplicaSet.apps')
    seedRollout(api, deploymentOf('db', 'postgres:16'), [])
    const all = await collect(api, () => undefined, {resources: [{type: deployments, names: []}]})
    expect(all.error).toBe(
      'rollout status is only supported on individual resources and resource collections - 2 resources were found',
    )
  })
})
