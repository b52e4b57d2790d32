import {describe, expect, it, vi} from 'vitest'
import {ApiError} from '../../../../../src/core/api/errors.js'
import type {ReplicaSet, ReplicaStatus} from '../../../../../src/core/api/types.js'
import type {Harness} from './support/harness.js'
import {podManifest, POD, replicaHarness, replicaSet, RS} from './support/harness.js'

const statusOf = (h: Harness): ReplicaStatus => (h.get() as ReplicaSet).status ?? {}

/** Syncs until a sync writes nothing; fails if that takes more than a few rounds. */
function converge(h: Harness, controller = h.rs, key = 'default/web'): void {
  for (let round = 0; round < 5; round++) {
    const before = h.api.store.latestResourceVersion()
    h.sync(controller, key)
    if (h.api.store.latestResourceVersion() === before) return
  }
  throw new Error('did not converge')
}

describe('ReplicaSet controller', () => {
  it('creates missing pods from the template, owned by the ReplicaSet', () => {
    const h = replicaHarness()
    const rs = h.api.create(replicaSet('web', 3))
    h.sync()
    const pods = h.pods()
    expect(pods).toHaveLength(3)
    for (const pod of pods) {
      expect(pod.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/)
      expect(pod.metadata.labels).toEqual({app: 'web'})
      expect(pod.metadata.ownerReferences).toEqual([
        {
          apiVersion: 'apps/v1',
          kind: 'ReplicaSet',
          name: 'web',
          uid: rs.metadata.uid,
          controller: true,
          blockOwnerDeletion: true,
        },
      ])
    }
    const names = pods.map((pod) => pod.metadata.name ?? '')
    // One line per pod, counting up as they are created.
    expect(h.logs.map((line) => line.replace(/web-[a-z0-9]{5}$/, 'web-*'))).toEqual(
      [0, 1, 2].map((i) => `replicaset/web: ${i} of 3 pods exist, creating web-*`),
    )
    expect(h.logs.map((line) => line.split(' ').at(-1)).sort()).toEqual([...names].sort())
    expect(h.eventsOf(rs)).toEqual(
      expect.arrayContaining(
        names.map((n) => `Normal SuccessfulCreate Created pod: ${n} (replicaset-controller)`),
      ),
    )
  })

  it('reports status and does nothing once converged', () => {
    const h = replicaHarness()
    h.api.create(replicaSet('web', 2))
    h.sync()
    // The first sync's status still counts the pods it saw before creating (as Kubernetes' does).
    expect(statusOf(h)).toEqual({replicas: 0, observedGeneration: 1})
    h.sync()
    expect(statusOf(h)).toEqual({replicas: 2, fullyLabeledReplicas: 2, observedGeneration: 1})

    const before = h.api.store.latestResourceVersion()
    const logs = h.logs.length
    expect(h.sync()).toBeUndefined()
    expect(h.api.store.latestResourceVersion()).toBe(before)
    expect(h.logs).toHaveLength(logs)
  })

  it('deletes the surplus worst first: unscheduled, then not ready, and says why', () => {
    const h = replicaHarness()
    h.api.create(replicaSet('web', 3))
    converge(h)
    const [ready, unscheduled, unready] = h.pods().map((pod) => pod.metadata.name ?? '')
    h.setPodState(ready!, {node: 'node01', readySince: '2024-05-14T11:54:50Z'})
    h.setPodState(unready!, {node: 'node01'})
    const rs = h.get()
    h.api.update({...rs, spec: {...(rs.spec as object), replicas: 1}})
    h.sync()

    expect(h.logs.slice(-2)).toEqual([
      `replicaset/web: 3 of 1 pods exist, deleting ${unscheduled} (not scheduled to a node)`,
      `replicaset/web: 2 of 1 pods exist, deleting ${unready} (not ready)`,
    ])
    // The unbound pod goes at once; the bound one is Terminating until its kubelet stops it.
    expect(h.api.find(POD, 'default', unscheduled!)).toBeUndefined()
    expect(h.api.get(POD, 'default', unready!).metadata.deletionTimestamp).toBeDefined()
    expect(h.livePodNames()).toEqual([ready])
    expect(h.eventsOf(rs)).toEqual(
      expect.arrayContaining([
        `Normal SuccessfulDelete Deleted pod: ${unscheduled} (replicaset-controller)`,
        `Normal SuccessfulDelete Deleted pod: ${unready} (replicaset-controller)`,
      ]),
    )
    converge(h)
    expect(statusOf(h)).toMatchObject({
      replicas: 1,
      readyReplicas: 1,
      availableReplicas: 1,
      observedGeneration: 2,
    })
  })

  it('replaces a terminating pod at once: it no longer counts', () => {
    const h = replicaHarness()
    h.api.create(replicaSet('web', 2))
    converge(h)
    const [first] = h.pods().map((pod) => pod.metadata.name ?? '')
    h.setPodState(first!, {node: 'node01', readySince: '2024-05-14T11:54:50Z'})
    h.api.delete(POD, 'default', first!)
    converge(h)
    expect(h.pods()).toHaveLength(3)
    expect(h.livePodNames()).toHaveLength(2)
    expect(statusOf(h).replicas).toBe(2)
  })

  it('adopts a matching orphan and creates only what is still missing', () => {
    const h = replicaHarness()
    h.api.create(podManifest('stray', {app: 'web'}))
    const rs = h.api.create(replicaSet('web', 2))
    h.sync()
    expect(h.api.get(POD, 'default', 'stray').metadata.ownerReferences).toEqual([
      expect.objectContaining({kind: 'ReplicaSet', uid: rs.metadata.uid, controller: true}),
    ])
    expect(h.pods()).toHaveLength(2)
    expect(h.logs[0]).toBe('replicaset/web: adopted pod stray: its labels match and it had no controller')
    expect(h.logs[1]).toMatch(/^replicaset\/web: 1 of 2 pods exist, creating web-/)
  })

  it('leaves pods another controller owns, and pods of other namespaces', () => {
    const h = replicaHarness()
    const other = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      name: 'other',
      uid: 'someone-else',
      controller: true,
    }
    h.api.create(podManifest('taken', {app: 'web'}, other))
    h.api.create({apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'team'}})
    h.api.create({
      ...podManifest('elsewhere', {app: 'web'}),
      metadata: {name: 'elsewhere', namespace: 'team', labels: {app: 'web'}},
    })
    h.api.create(replicaSet('web', 1))
    converge(h)
    expect(h.api.get(POD, 'default', 'taken').metadata.ownerReferences).toEqual([other])
    expect(h.api.get(POD, 'team', 'elsewhere').metadata.ownerReferences).toBeUndefined()
    expect(h.pods().filter((pod) => pod.metadata.name?.startsWith('web-'))).toHaveLength(1)
  })

  it('releases a pod whose labels no longer match; it keeps running and is replaced', () => {
    const h = replicaHarness()
    h.api.create(replicaSet('web', 2))
    converge(h)
    const [name] = h.pods().map((pod) => pod.metadata.name ?? '')
    const pod = h.api.get(POD, 'default', name!)
    h.api.update({...pod, metadata: {...pod.metadata, labels: {app: 'debug'}}})
    h.sync()
    const released = h.api.get(POD, 'default', name!)
    expect(released.metadata.ownerReferences).toBeUndefined()
    expect(released.metadata.deletionTimestamp).toBeUndefined()
    expect(h.logs).toContain(`replicaset/web: released pod ${name}: its labels no longer match`)
    expect(h.pods()).toHaveLength(3)
  })

  it('fails the sync on a Conflict while adopting, and adopts on the retry', () => {
    const h = replicaHarness()
    h.api.create(podManifest('stray', {app: 'web'}))
    h.api.create(replicaSet('web', 1))
    h.informer.pump()
    // Someone changes the pod after the cache saw it: the adoption's write is stale.
    const stray = h.api.get(POD, 'default', 'stray')
    h.api.update({...stray, metadata: {...stray.metadata, annotations: {note: 'x'}}})
    expect(() => h.rs.sync('default/web')).toThrow(
      /can't adopt Pod default\/stray .*Operation cannot be fulfilled/,
    )
    expect(h.pods()).toHaveLength(1)
    h.sync()
    expect(h.api.get(POD, 'default', 'stray').metadata.ownerReferences?.[0]?.name).toBe('web')
    expect(h.pods()).toHaveLength(1)
  })

  it('creates in slow-start batches and stops after a failing batch', () => {
    const h = replicaHarness()
    h.api.create(replicaSet('web', 7))
    const create = h.api.create.bind(h.api)
    let calls = 0
    const spy = vi.spyOn(h.api, 'create').mockImplementation((input, options) => {
      // Batch 1 (one pod) and the first call of batch 2 succeed; the second call of batch 2 fails.
      if (++calls === 3) throw new ApiError('Forbidden', 'pods "web-x" is forbidden: exceeded quota')
      return create(input, options)
    })
    expect(() => h.sync()).toThrow('pods "web-x" is forbidden: exceeded quota')
    expect(spy).toHaveBeenCalledTimes(3)
    expect(h.pods()).toHaveLength(2)
    expect(h.logs.at(-1)).toBe(
      'replicaset/web: leaving 4 more pod(s) for the next sync after a failed create',
    )
  })

  it('records FailedCreate and ReplicaFailure when creating fails, and clears it once creating works', () => {
    const h = replicaHarness()
    const rs = h.api.create(replicaSet('web', 2))
    const spy = vi.spyOn(h.api, 'create').mockImplementation(() => {
      throw new ApiError('Forbidden', 'pods "web-x" is forbidden: exceeded quota')
    })
    expect(() => h.sync()).toThrow('exceeded quota')
    expect(spy).toHaveBeenCalledTimes(1)
    expect(h.eventsOf(rs)).toEqual([
      'Warning FailedCreate Error creating: pods "web-x" is forbidden: exceeded quota (replicaset-controller)',
    ])
    expect(statusOf(h).conditions).toEqual([
      {
        type: 'ReplicaFailure',
        status: 'True',
        lastTransitionTime: '2024-05-14T11:54:50Z',
        reason: 'FailedCreate',
        message: 'pods "web-x" is forbidden: exceeded quota',
      },
    ])
    spy.mockRestore()
    h.sync()
    expect(h.pods()).toHaveLength(2)
    expect(statusOf(h).conditions).toBeUndefined()
  })

  it('records FailedDelete and ReplicaFailure when deleting fails, after trying every surplus pod', () => {
    const h = replicaHarness()
    h.api.create(replicaSet('web', 3))
    converge(h)
    const rs = h.get()
    h.api.update({...rs, spec: {...(rs.spec as object), replicas: 1}})
    const spy = vi.spyOn(h.api, 'delete').mockImplementation(() => {
      throw new ApiError('Forbidden', 'pods "web-x" is forbidden: not today')
    })
    expect(() => h.sync()).toThrow('not today')
    expect(spy).toHaveBeenCalledTimes(2)
    expect(h.eventsOf(rs)).toContain(
      'Warning FailedDelete Error deleting: pods "web-x" is forbidden: not today (replicaset-controller)',
    )
    expect(statusOf(h).conditions).toEqual([
      expect.objectContaining({reason: 'FailedDelete', status: 'True'}),
    ])
  })

  it('counts pods available only after minReadySeconds, and asks to look again then', () => {
    const h = replicaHarness()
    h.api.create(replicaSet('web', 2, {minReadySeconds: 10}))
    converge(h)
    for (const pod of h.pods())
      h.setPodState(pod.metadata.name ?? '', {node: 'node01', readySince: '2024-05-14T11:54:50Z'})
    h.advance(4000)
    expect(h.sync()).toEqual({requeueAfterMs: 6001})
    expect(statusOf(h)).toMatchObject({replicas: 2, readyReplicas: 2})
    expect(statusOf(h).availableReplicas).toBeUndefined()
    h.advance(6000)
    expect(h.sync()).toEqual({requeueAfterMs: 1})
    h.advance(1)
    expect(h.sync()).toBeUndefined()
    expect(statusOf(h)).toMatchObject({readyReplicas: 2, availableReplicas: 2})
  })

  it('counts fullyLabeledReplicas: pods carrying every template label', () => {
    const h = replicaHarness()
    h.api.create(podManifest('bare', {app: 'web'}))
    h.api.create(replicaSet('web', 2, {templateLabels: {app: 'web', tier: 'front'}}))
    converge(h)
    expect(statusOf(h)).toMatchObject({replicas: 2, fullyLabeledReplicas: 1})
  })

  it('only reports status while being deleted in the foreground', () => {
    const h = replicaHarness()
    h.api.create(replicaSet('web', 2))
    converge(h)
    h.api.delete(RS, 'default', 'web', {cascade: 'foreground'})
    const [name] = h.pods().map((pod) => pod.metadata.name ?? '')
    h.api.delete(POD, 'default', name!)
    h.sync()
    expect(h.pods()).toHaveLength(1)
    expect(statusOf(h).replicas).toBe(1)
  })

  it('leaves an owner deleted with --cascade=orphan to the garbage collector', () => {
    const h = replicaHarness()
    h.api.create(replicaSet('web', 2))
    converge(h)
    h.api.delete(RS, 'default', 'web', {cascade: 'orphan'})
    const [name] = h.pods().map((pod) => pod.metadata.name ?? '')
    h.api.delete(POD, 'default', name!)
    const before = h.api.store.latestResourceVersion()
    h.sync()
    expect(h.api.store.latestResourceVersion()).toBe(before)
  })

  it('does nothing for a ReplicaSet that is gone', () => {
    const h = replicaHarness()
    expect(h.sync()).toBeUndefined()
    expect(h.pods()).toEqual([])
  })
})
