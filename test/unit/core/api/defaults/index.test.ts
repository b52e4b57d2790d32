import {describe, expect, it} from 'vitest'
import {applyDefaults} from '../../../../../src/core/api/defaults/index.js'
import type {KubeObject} from '../../../../../src/core/api/types.js'
import {defaulted, validNamespace, validNode} from '../validation/fixtures.js'

describe('applyDefaults', () => {
  it('labels a namespace with its name and gives it the kubernetes finalizer', () => {
    const namespace = defaulted({...validNamespace(), metadata: {name: 'team-a', labels: {team: 'a'}}})
    expect(namespace.metadata.labels).toEqual({team: 'a', 'kubernetes.io/metadata.name': 'team-a'})
    expect(namespace.spec).toEqual({finalizers: ['kubernetes']})
  })

  it('gives a node an empty spec and leaves its status alone', () => {
    const node = defaulted({...validNode(), spec: undefined, status: {capacity: {cpu: '4'}}})
    expect(node.spec).toEqual({})
    expect(node.status).toEqual({capacity: {cpu: '4'}})
  })

  it('mutates the object it is given', () => {
    const object: KubeObject = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: {name: 'web'},
      spec: {ports: [{port: 80}]},
    }
    applyDefaults(object)
    expect(object.spec).toMatchObject({type: 'ClusterIP'})
  })

  it('leaves kinds without defaults untouched', () => {
    const event: KubeObject = {apiVersion: 'v1', kind: 'Event', metadata: {name: 'e'}, reason: 'Started'}
    expect(defaulted(event)).toEqual(event)
  })
})
