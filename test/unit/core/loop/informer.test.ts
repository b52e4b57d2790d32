import {describe, expect, it} from 'vitest'
import {mustTypeForKind} from '../../../../src/core/api/resources.js'
import type {InformerEvent} from '../../../../src/core/loop/informer.js'
import {keyOf, SharedInformer, splitKey} from '../../../../src/core/loop/informer.js'
import {testApiServer} from '../../../support/api.js'

const POD = mustTypeForKind('Pod')

function pod(name: string, labels: Record<string, string> = {}) {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {name, labels},
    spec: {containers: [{name: 'app', image: 'tugboat/demo:v1'}]},
  }
}

describe('SharedInformer', () => {
  it('lists what exists as ADDED, then follows the change log in order', () => {
    const {api} = testApiServer()
    api.create(pod('a'), {namespace: 'default'})
    const informer = new SharedInformer(api.store, ['Pod', 'ReplicaSet'])
    const heard: string[] = []
    informer.on('Pod', (e: InformerEvent) => heard.push(`${e.type} ${keyOf(e.object)}`))
    expect(informer.pump()).toBe(1)

    const b = api.create(pod('b'), {namespace: 'default'})
    api.update({...b, metadata: {...b.metadata, labels: {tier: 'web'}}})
    api.delete(POD, 'default', 'a')
    expect(informer.pump()).toBe(3)

    expect(heard).toEqual(['ADDED default/a', 'ADDED default/b', 'MODIFIED default/b', 'DELETED default/a'])
    expect(informer.list('Pod').map(keyOf)).toEqual(['default/b'])
    expect(informer.get('Pod', 'default', 'b')?.metadata.labels).toEqual({tier: 'web'})
    expect(informer.lastSyncResourceVersion).toBe(api.store.latestResourceVersion())
  })

  it('hands handlers the previous object of an update', () => {
    const {api} = testApiServer()
    const informer = new SharedInformer(api.store, ['Pod'])
    informer.pump()
    const created = api.create(pod('a', {v: '1'}), {namespace: 'default'})
    informer.pump()
    const previous: (string | undefined)[] = []
    informer.on('Pod', (e) => previous.push(e.previous?.metadata.labels?.v))
    api.update({...created, metadata: {...created.metadata, labels: {v: '2'}}})
    informer.pump()
    expect(previous).toEqual(['1'])
  })

  it('ignores kinds nobody watches and filters lists by namespace', () => {
    const {api} = testApiServer()
    const informer = new SharedInformer(api.store, ['Pod'])
    api.create(pod('a'), {namespace: 'default'})
    api.create(pod('a'), {namespace: 'kube-system'})
    informer.pump()
    expect(informer.list('Pod', 'kube-system').map(keyOf)).toEqual(['kube-system/a'])
    expect(informer.list('Pod')).toHaveLength(2)
    expect(() => informer.list('Deployment')).toThrow(/not watched/)
  })
})

describe('keys', () => {
  it('round-trips namespaced and cluster-scoped keys', () => {
    expect(splitKey(keyOf({metadata: {namespace: 'default', name: 'web'}}))).toEqual({
      namespace: 'default',
      name: 'web',
    })
    expect(splitKey(keyOf({metadata: {name: 'node01'}}))).toEqual({namespace: '', name: 'node01'})
  })
})
