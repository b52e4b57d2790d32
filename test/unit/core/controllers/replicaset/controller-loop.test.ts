import {describe, expect, it, vi} from 'vitest'
import {ApiError} from '../../../../../src/core/api/errors.js'
import type {ReplicaSet} from '../../../../../src/core/api/types.js'
import {runController} from '../../../../../src/core/controllers/controller.js'
import {replicaSetController} from '../../../../../src/core/controllers/replicaset/replicaset-controller.js'
import {SharedInformer} from '../../../../../src/core/loop/informer.js'
import {testApiServer} from '../../../../support/api.js'
import {FakeClock} from '../../../../support/fake-clock.js'
import {POD, replicaSet, RS} from './support/harness.js'

describe('ReplicaSet controller under runController', () => {
  it('converges from its own events, and retries a failed create with back-off', async () => {
    const {api} = testApiServer()
    const clock = new FakeClock()
    const informer = new SharedInformer(api.store, ['ReplicaSet', 'Pod'])
    const log: string[] = []
    const controller = replicaSetController({api, informer, clock, log: (m) => log.push(m)})
    const abort = new AbortController()
    const running = runController(controller, {
      informer,
      clock,
      signal: abort.signal,
      log: (m) => log.push(m),
      retry: {initialMs: 200, maxMs: 1000},
    })
    api.create(replicaSet('web', 3))
    // Fails twice: the first failure's status write (ReplicaFailure) wakes the key again at once, as in
    // Kubernetes; the second writes nothing new, so only back-off brings the next try.
    const quota = (): never => {
      throw new ApiError('Forbidden', 'pods "web-x" is forbidden: exceeded quota')
    }
    vi.spyOn(api, 'create').mockImplementationOnce(quota).mockImplementationOnce(quota)
    informer.pump()
    await clock.advance(0)
    expect(api.list(POD)).toHaveLength(0)
    expect(log.at(-1)).toBe(
      'default/web: sync failed: pods "web-x" is forbidden: exceeded quota; retrying in 0.4s',
    )

    expect(log.filter((line) => line.includes('sync failed'))).toHaveLength(2)

    await clock.advance(1000)
    expect(api.list(POD)).toHaveLength(3)
    expect((api.get(RS, 'default', 'web') as ReplicaSet).status).toEqual({
      replicas: 3,
      fullyLabeledReplicas: 3,
      observedGeneration: 1,
    })
    abort.abort()
    await running
  })
})
