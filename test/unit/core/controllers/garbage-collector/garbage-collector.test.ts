import {describe, expect, it, vi} from 'vitest'
import {conflict} from '../../../../../src/core/api/errors.js'
import {mustTypeForKind} from '../../../../../src/core/api/resources.js'
import {runController} from '../../../../../src/core/controllers/controller.js'
import {garbageCollector} from '../../../../../src/core/controllers/garbage-collector/garbage-collector.js'
import {SharedInformer} from '../../../../../src/core/loop/informer.js'
import {testApiServer} from '../../../../support/api.js'
import {FakeClock} from '../../../../support/fake-clock.js'
import {gcHarness, names, ownedBy, ownedPod, seedChain, workload} from './harness.js'

const POD = mustTypeForKind('Pod')
const RS = mustTypeForKind('ReplicaSet')
const DEPLOY = mustTypeForKind('Deployment')

describe('garbage collector, background cascade', () => {
  it('deletes a chain Deployment -> ReplicaSet -> pods once the Deployment is gone', async () => {
    const {api} = testApiServer()
    const {deployment, replicaSet} = seedChain(api)
    const gc = gcHarness(api)
    await gc.drain()
    api.delete(DEPLOY, 'default', 'web')
    await gc.drain()
    expect([names(api, 'ReplicaSet'), names(api, 'Pod')]).toEqual([[], []])
    expect(gc.log).toEqual([
      `replicaset default/web-5d4f: its owner deployment/web (uid ${deployment.metadata.uid}) is gone, deleting`,
      `pod default/web-5d4f-a: its owner replicaset/web-5d4f (uid ${replicaSet.metadata.uid}) is gone, deleting`,
      `pod default/web-5d4f-b: its owner replicaset/web-5d4f (uid ${replicaSet.metadata.uid}) is gone, deleting`,
    ])
  })

  it('leaves bound pods Terminating for their kubelet and does nothing more', async () => {
    const {api} = testApiServer()
    seedChain(api, 'node01')
    const gc = gcHarness(api)
    api.delete(RS, 'default', 'web-5d4f')
    await gc.drain()
    expect(names(api, 'Pod')).toEqual(['web-5d4f-a (Terminating)', 'web-5d4f-b (Terminating)'])
    const before = api.store.latestResourceVersion()
    await gc.drain()
    expect(api.store.latestResourceVersion()).toBe(before)
  })

  it('finds dependents orphaned while it was not running', async () => {
    const {api} = testApiServer()
    seedChain(api)
    api.delete(DEPLOY, 'default', 'web')
    const gc = gcHarness(api)
    await gc.drain()
    expect([names(api, 'ReplicaSet'), names(api, 'Pod')]).toEqual([[], []])
  })

  it('does not let an owner re-created under the same name protect the old dependents', async () => {
    const {api} = testApiServer()
    const {deployment} = seedChain(api)
    api.delete(RS, 'default', 'web-5d4f')
    const recreated = api.create(workload('ReplicaSet', 'web-5d4f', [ownedBy(deployment)]))
    api.create(ownedPod('web-5d4f-new', [ownedBy(recreated)]))
    const gc = gcHarness(api)
    await gc.drain()
    expect(names(api, 'Pod')).toEqual(['web-5d4f-new'])
    expect(names(api, 'ReplicaSet')).toEqual(['web-5d4f'])
  })

  it('only drops the dangling reference of a dependent that keeps another owner', async () => {
    const {api} = testApiServer()
    const a = api.create(workload('ReplicaSet', 'a'))
    const b = api.create(workload('ReplicaSet', 'b'))
    api.create(ownedPod('shared', [ownedBy(a), {...ownedBy(b), controller: false}]))
    const gc = gcHarness(api)
    await gc.drain()
    api.delete(RS, 'default', 'b')
    await gc.drain()
    expect(api.get(POD, 'default', 'shared').metadata.ownerReferences).toEqual([ownedBy(a)])
    expect(gc.log).toEqual([
      `pod default/shared: removing its reference to replicaset/b (uid ${b.metadata.uid}), gone or being deleted (other owners remain)`,
    ])
  })

  it('writes nothing and says nothing when every owner exists', async () => {
    const {api} = testApiServer()
    seedChain(api, 'node01')
    const gc = gcHarness(api)
    await gc.drain()
    const before = api.store.latestResourceVersion()
    for (const key of ['Deployment/default/web', 'ReplicaSet/default/web-5d4f', 'Pod/default/web-5d4f-a'])
      await gc.controller.sync(key)
    await gc.controller.sync('Pod/default/no-such-pod')
    expect(api.store.latestResourceVersion()).toBe(before)
    expect(gc.log).toEqual([])
  })
})

describe('garbage collector, orphan cascade', () => {
  it('strips the owner reference from every dependent, keeps them, then lets the owner go', async () => {
    const {api} = testApiServer()
    seedChain(api, 'node01')
    const gc = gcHarness(api)
    await gc.drain()
    api.delete(RS, 'default', 'web-5d4f', {cascade: 'orphan'})
    await gc.drain()
    expect(names(api, 'ReplicaSet')).toEqual([])
    expect(names(api, 'Pod')).toEqual(['web-5d4f-a', 'web-5d4f-b'])
    expect(api.list(POD).map((pod) => pod.metadata.ownerReferences)).toEqual([undefined, undefined])
    expect(gc.log).toEqual([
      'replicaset default/web-5d4f: orphaned 2 dependent(s), removing the orphan finalizer',
    ])
    expect(names(api, 'Deployment')).toEqual(['web'])
  })
})

describe('garbage collector, foreground cascade', () => {
  it('deletes the dependents down the chain and finalizes each owner only once they are gone', async () => {
    const {api} = testApiServer()
    seedChain(api, 'node01')
    const gc = gcHarness(api)
    await gc.drain()
    api.delete(DEPLOY, 'default', 'web', {cascade: 'foreground'})
    await gc.drain()
    expect(api.get(DEPLOY, 'default', 'web').metadata.finalizers).toEqual(['foregroundDeletion'])
    expect(api.get(RS, 'default', 'web-5d4f').metadata.finalizers).toEqual(['foregroundDeletion'])
    expect(names(api, 'Pod')).toEqual(['web-5d4f-a (Terminating)', 'web-5d4f-b (Terminating)'])

    // The kubelet finishes one pod: the ReplicaSet still waits for the other.
    api.delete(POD, 'default', 'web-5d4f-a', {gracePeriodSeconds: 0})
    await gc.drain()
    expect(names(api, 'ReplicaSet')).toEqual(['web-5d4f (Terminating)'])

    api.delete(POD, 'default', 'web-5d4f-b', {gracePeriodSeconds: 0})
    await gc.drain()
    expect([names(api, 'Deployment'), names(api, 'ReplicaSet'), names(api, 'Pod')]).toEqual([[], [], []])
    expect(gc.log).toContain(
      'replicaset default/web-5d4f: no dependent blocks its deletion now, removing the foregroundDeletion finalizer',
    )
    expect(gc.log.at(-1)).toBe(
      'deployment default/web: no dependent blocks its deletion now, removing the foregroundDeletion finalizer',
    )
  })

  it('tells the wait once per change in what it waits for', async () => {
    const {api} = testApiServer()
    const rs = api.create(workload('ReplicaSet', 'web'))
    api.create(ownedPod('web-a', [ownedBy(rs)], 'node01'))
    api.create(ownedPod('web-b', [ownedBy(rs, false)], 'node01'))
    const gc = gcHarness(api)
    api.delete(RS, 'default', 'web', {cascade: 'foreground'})
    await gc.drain()
    await gc.controller.sync('ReplicaSet/default/web')
    expect(gc.log.filter((line) => line.includes('waiting'))).toEqual([
      'replicaset default/web: waiting for 1 dependent(s) to go: pod default/web-a',
    ])
    // web-b does not block (blockOwnerDeletion false), yet it is deleted all the same.
    expect(names(api, 'Pod')).toEqual(['web-a (Terminating)', 'web-b (Terminating)'])
  })
})

describe('garbage collector, failures', () => {
  it('retries a sync that hit a Conflict, with back-off', async () => {
    const {api} = testApiServer()
    const rs = api.create(workload('ReplicaSet', 'web'))
    api.create(ownedPod('web-a', [ownedBy(rs)]))
    const clock = new FakeClock()
    const informer = new SharedInformer(api.store, ['Pod', 'ReplicaSet'])
    const log: string[] = []
    const controller = garbageCollector({api, informer, clock, log: (m) => log.push(m)}, [
      'Pod',
      'ReplicaSet',
    ])
    const abort = new AbortController()
    const running = runController(controller, {
      informer,
      clock,
      signal: abort.signal,
      log: (m) => log.push(m),
      retry: {initialMs: 200, maxMs: 1000},
    })
    informer.pump()
    const update = vi.spyOn(api, 'update').mockImplementationOnce(() => {
      throw conflict('pods', 'web-a')
    })
    api.delete(RS, 'default', 'web', {cascade: 'orphan'})
    informer.pump()
    await clock.advance(0)
    expect(names(api, 'ReplicaSet')).toEqual(['web (Terminating)'])
    expect(log.at(-1)).toMatch(
      /^ReplicaSet\/default\/web: sync failed: Operation cannot be fulfilled .*; retrying in 0.2s$/,
    )

    await clock.advance(200)
    expect(names(api, 'ReplicaSet')).toEqual([])
    expect(api.get(POD, 'default', 'web-a').metadata.ownerReferences).toBeUndefined()
    expect(update).toHaveBeenCalledTimes(3)
    abort.abort()
    await running
  })
})
