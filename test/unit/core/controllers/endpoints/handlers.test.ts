import {describe, expect, it} from 'vitest'
import type {Pod} from '../../../../../src/core/api/types.js'
import {endpointsHarness, ENDPOINTS, POD, serviceManifest} from './harness.js'

/** The harness with two Services (web selects app=web, db selects app=db) and the queue emptied. */
function twoServices() {
  const h = endpointsHarness()
  h.api.create(serviceManifest('web'))
  h.api.create({...serviceManifest('db'), spec: {selector: {app: 'db'}, ports: [{port: 5432}]}})
  h.api.create({...serviceManifest('manual'), spec: {ports: [{port: 80}]}})
  h.informer.pump()
  h.queued.length = 0
  return h
}

/** What the queue heard from the changes made by `change`. */
function heard(h: ReturnType<typeof twoServices>, change: () => void): string[] {
  h.informer.pump()
  h.queued.length = 0
  change()
  h.informer.pump()
  return [...new Set(h.queued)].sort()
}

describe('endpoints controller handlers', () => {
  it('wakes a Service when it changes and when its Endpoints change or go', () => {
    const h = twoServices()
    expect(heard(h, () => h.api.create(serviceManifest('api')))).toEqual(['default/api'])
    h.sync('default/web')
    expect(heard(h, () => h.api.delete(ENDPOINTS, 'default', 'web'))).toEqual(['default/web'])
  })

  it('wakes the Services that select a new pod, and only those with a selector', () => {
    const h = twoServices()
    expect(heard(h, () => h.pod('web-a', {ip: '10.88.0.5'}))).toEqual(['default/web'])
  })

  it('ignores pod changes that no endpoint shows', () => {
    const h = twoServices()
    h.pod('web-a', {ip: '10.88.0.5'})
    const pod = h.api.get(POD, 'default', 'web-a') as Pod
    const status = {
      ...pod.status,
      containerStatuses: [{name: 'app', ready: true, restartCount: 3, image: '', imageID: ''}],
    }
    expect(heard(h, () => h.api.update({...pod, status}, {subresource: 'status'}))).toEqual([])
  })

  it.each([
    [
      'readiness',
      (h: ReturnType<typeof twoServices>) => h.setStatus('web-a', {ip: '10.88.0.5', ready: false}),
    ],
    ['IP', (h: ReturnType<typeof twoServices>) => h.setStatus('web-a', {ip: '10.88.0.9'})],
    ['deletion', (h: ReturnType<typeof twoServices>) => h.api.delete(POD, 'default', 'web-a')],
  ])('wakes the selecting Services when a pod changes its %s', (_, change) => {
    const h = twoServices()
    h.pod('web-a', {ip: '10.88.0.5'})
    expect(heard(h, () => change(h))).toEqual(['default/web'])
  })

  it('wakes the Services of both the old and the new labels', () => {
    const h = twoServices()
    h.pod('web-a', {ip: '10.88.0.5'})
    const pod = h.api.get(POD, 'default', 'web-a') as Pod
    const relabeled = {...pod, metadata: {...pod.metadata, labels: {app: 'db'}}}
    expect(heard(h, () => h.api.update(relabeled))).toEqual(['default/db', 'default/web'])
  })
})
