import {describe, expect, it} from 'vitest'
import {mustTypeForKind} from '../../../../../src/core/api/resources.js'
import {
  removeFinalizer,
  removeOwnerReferences,
} from '../../../../../src/core/controllers/garbage-collector/writes.js'
import {testApiServer} from '../../../../support/api.js'
import {ownedBy, ownedPod, workload} from './harness.js'

const POD = mustTypeForKind('Pod')
const RS = mustTypeForKind('ReplicaSet')

describe('finishing a deletion through the API server', () => {
  it('removes an object being deleted when an update takes its last finalizer off', () => {
    const {api} = testApiServer()
    api.create(workload('ReplicaSet', 'web'))
    const marked = api.delete(RS, 'default', 'web', {cascade: 'orphan'}).object
    expect(removeFinalizer(api, marked, 'orphan')).toBe(true)
    expect(api.find(RS, 'default', 'web')).toBeUndefined()
  })

  it('keeps an object whose other finalizers remain', () => {
    const {api} = testApiServer()
    const rs = api.create({
      ...workload('ReplicaSet', 'web'),
      metadata: {name: 'web', finalizers: ['example.com/keep']},
    })
    const marked = api.delete(RS, 'default', rs.metadata.name, {cascade: 'foreground'}).object
    removeFinalizer(api, marked, 'foregroundDeletion')
    expect(api.get(RS, 'default', 'web').metadata.finalizers).toEqual(['example.com/keep'])
  })

  it('leaves a Terminating pod to its kubelet when an update strips its owner reference', () => {
    const {api} = testApiServer()
    const rs = api.create(workload('ReplicaSet', 'web'))
    api.create(ownedPod('web-a', [ownedBy(rs)], 'node01'))
    const terminating = api.delete(POD, 'default', 'web-a').object
    expect(removeOwnerReferences(api, terminating, [rs.metadata.uid])).toBe(true)
    const pod = api.get(POD, 'default', 'web-a')
    expect([pod.metadata.deletionGracePeriodSeconds, pod.metadata.ownerReferences]).toEqual([30, undefined])
  })
})
