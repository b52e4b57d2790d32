import {describe, expect, it} from 'vitest'
import type {Pod} from '../../../../../src/core/api/types.js'
import {watchReplicaOwners} from '../../../../../src/core/controllers/replicaset/handlers.js'
import {REPLICA_SET_KIND} from '../../../../../src/core/controllers/replicaset/owner-kind.js'
import {POD, podManifest, replicaHarness, replicaSet} from './support/harness.js'

/** A harness whose ReplicaSet handlers record the keys they queue. */
function watched() {
  const h = replicaHarness()
  const api = h.api
  api.create(replicaSet('web', 0))
  api.create(replicaSet('api', 0))
  const queued: string[] = []
  watchReplicaOwners(REPLICA_SET_KIND, h.informer, (key) => queued.push(key))
  const controllerRef = (name: string, kind = 'ReplicaSet') => {
    const owner = h.get(undefined, name)
    return {apiVersion: 'apps/v1', kind, name, uid: owner.metadata.uid, controller: true}
  }
  /** Applies a change, lets the informer deliver it, and returns what was queued. */
  const queuedBy = (change: () => void): string[] => {
    h.informer.pump()
    queued.length = 0
    change()
    h.informer.pump()
    return [...queued]
  }
  return {h, api, controllerRef, queuedBy}
}

describe('replica controller handlers', () => {
  it('queue an owner when it changes', () => {
    const {api, queuedBy} = watched()
    expect(queuedBy(() => api.create(replicaSet('db', 1)))).toEqual(['default/db'])
  })

  it('queue a pod controller, and only it', () => {
    const {api, controllerRef, queuedBy} = watched()
    expect(queuedBy(() => api.create(podManifest('p', {app: 'api'}, controllerRef('web'))))).toEqual([
      'default/web',
    ])
  })

  it('queue every owner whose selector matches an orphan, so one can adopt it', () => {
    const {api, queuedBy} = watched()
    expect(queuedBy(() => api.create(podManifest('p', {app: 'web'})))).toEqual(['default/web'])
    expect(queuedBy(() => api.create(podManifest('q', {app: 'nobody'})))).toEqual([])
  })

  it('ignore a controller of another kind or with a stale uid', () => {
    const {api, controllerRef, queuedBy} = watched()
    const rc = {...controllerRef('web', 'ReplicationController'), apiVersion: 'v1'}
    expect(queuedBy(() => api.create(podManifest('p', {app: 'web'}, rc)))).toEqual([])
    const stale = {...controllerRef('web'), uid: 'gone'}
    expect(queuedBy(() => api.create(podManifest('q', {app: 'web'}, stale)))).toEqual([])
  })

  it('queue the old and the new owner when a pod changes hands, and the owners matching a released pod', () => {
    const {api, controllerRef, queuedBy} = watched()
    api.create(podManifest('p', {app: 'web'}, controllerRef('web')))
    const owned = api.get(POD, 'default', 'p') as Pod
    const moved = {...owned, metadata: {...owned.metadata, ownerReferences: [controllerRef('api')]}}
    expect(queuedBy(() => api.update(moved)).sort()).toEqual(['default/api', 'default/web'])
    const current = api.get(POD, 'default', 'p') as Pod
    const {ownerReferences: _dropped, ...metadata} = current.metadata
    expect(queuedBy(() => api.update({...current, metadata: {...metadata, labels: {app: 'web'}}}))).toEqual([
      'default/api',
      'default/web',
    ])
  })

  it('queue the controller of a deleted or terminating pod', () => {
    const {h, api, controllerRef, queuedBy} = watched()
    api.create(podManifest('p', {app: 'web'}, controllerRef('web')))
    h.setPodState('p', {node: 'node01'})
    expect(queuedBy(() => api.delete(POD, 'default', 'p'))).toEqual(['default/web'])
    expect(api.get(POD, 'default', 'p').metadata.deletionTimestamp).toBeDefined()
    expect(queuedBy(() => api.delete(POD, 'default', 'p', {gracePeriodSeconds: 0}))).toEqual(['default/web'])
  })
})
