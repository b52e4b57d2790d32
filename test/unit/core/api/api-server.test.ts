import {describe, expect, it} from 'vitest'
import {ApiError, InvalidError} from '../../../../src/core/api/errors.js'
import {mustTypeForKind} from '../../../../src/core/api/resources.js'
import type {Deployment, KubeObject} from '../../../../src/core/api/types.js'
import {testApiServer} from '../../../support/api.js'

const Deploy = mustTypeForKind('Deployment')
const Pod = mustTypeForKind('Pod')

const deployment = (name = 'web', replicas = 3): Deployment => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: {name},
  spec: {
    replicas,
    selector: {matchLabels: {app: name}},
    template: {metadata: {labels: {app: name}}, spec: {containers: [{name: 'web', image: 'nginx:1.25'}]}},
  },
})

describe('ApiServer', () => {
  it('assigns identity, defaults and generation 1 on create', () => {
    const {api} = testApiServer()
    const created = api.create(deployment()) as unknown as Deployment
    expect(created.metadata).toMatchObject({
      name: 'web',
      namespace: 'default',
      generation: 1,
      creationTimestamp: '2024-05-14T11:54:50Z',
      uid: expect.stringMatching(/^[0-9a-f-]{36}$/) as unknown,
    })
    expect(created.spec.strategy).toEqual({
      type: 'RollingUpdate',
      rollingUpdate: {maxSurge: '25%', maxUnavailable: '25%'},
    })
    expect(created.spec.revisionHistoryLimit).toBe(10)
    expect(created.status).toEqual({})
  })

  it('refuses a second object with the same name', () => {
    const {api} = testApiServer()
    api.create(deployment())
    expect(() => api.create(deployment())).toThrow(
      new ApiError('AlreadyExists', 'deployments.apps "web" already exists'),
    )
  })

  it('refuses objects in a namespace that does not exist', () => {
    const {api} = testApiServer()
    const object = deployment()
    object.metadata.namespace = 'nope'
    expect(() => api.create(object)).toThrow('namespaces "nope" not found')
  })

  it('reports every validation problem at once', () => {
    const {api} = testApiServer()
    const bad = deployment('web', -1)
    bad.spec.template.metadata = {labels: {app: 'other'}}
    const error = captureError(() => api.create(bad))
    expect(error).toBeInstanceOf(InvalidError)
    expect(error.message).toMatch(/^The Deployment "web" is invalid: \n\* /)
    expect(error.message).toContain('spec.replicas: Invalid value: -1: must be greater than or equal to 0')
    expect(error.message).toContain('`selector` does not match template `labels`')
    expect(api.list(Deploy)).toHaveLength(0)
  })

  it('rejects unknown fields, naming them', () => {
    const {api} = testApiServer()
    const typo = {...deployment(), spec: {...deployment().spec, replicass: 3}} as KubeObject
    expect(() => api.create(typo)).toThrow('strict decoding error: unknown field "spec.replicass"')
  })

  it('bumps generation on spec changes only, and refuses stale writes with a Conflict', () => {
    const {api} = testApiServer()
    const created = api.create(deployment())
    const scaled = api.update({...created, spec: {...(created.spec as object), replicas: 5}})
    expect(scaled.metadata.generation).toBe(2)
    const statusOnly = api.update({...scaled, status: {replicas: 5}}, {subresource: 'status'})
    expect(statusOnly.metadata.generation).toBe(2)
    expect(Number(statusOnly.metadata.resourceVersion)).toBeGreaterThan(
      Number(scaled.metadata.resourceVersion),
    )
    expect(() => api.update(created)).toThrow(
      'Operation cannot be fulfilled on deployments.apps "web": the object has been modified; please apply your changes to the latest version and try again',
    )
  })

  it("takes a Deployment's annotations with its status, without moving generation, and nothing else", () => {
    const {api} = testApiServer()
    const created = api.create(deployment())
    const annotated = {
      ...created,
      metadata: {...created.metadata, annotations: {'deployment.kubernetes.io/revision': '1'}},
    }
    const written = api.update(
      {
        ...annotated,
        metadata: {...annotated.metadata, labels: {changed: 'yes'}},
        spec: {replicas: 9},
        status: {replicas: 3},
      },
      {subresource: 'status'},
    )
    expect(written.metadata.annotations).toEqual({'deployment.kubernetes.io/revision': '1'})
    expect([
      written.metadata.generation,
      written.metadata.labels,
      (written.spec as {replicas: number}).replicas,
    ]).toEqual([1, created.metadata.labels, 3])
    const pod = api.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {name: 'p'},
      spec: {containers: [{name: 'c', image: 'x'}]},
    })
    const podWrite = api.update(
      {...pod, metadata: {...pod.metadata, annotations: {a: 'b'}}, status: {phase: 'Running'}},
      {subresource: 'status'},
    )
    expect(podWrite.metadata.annotations).toBeUndefined()
  })

  it('stores nothing for an update that changes nothing', () => {
    const {api} = testApiServer()
    const created = api.create(deployment())
    expect(api.updateWithOutcome(created).changed).toBe(false)
    expect(api.update(created)).toEqual(created)
    expect(api.store.latestResourceVersion()).toBe(Number(created.metadata.resourceVersion))
  })

  it('keeps the selector of a replica set immutable', () => {
    const {api} = testApiServer()
    const rs = api.create({...deployment(), kind: 'ReplicaSet'})
    const changed = structuredClone(rs) as unknown as Deployment
    changed.spec.selector = {matchLabels: {app: 'web', tier: 'x'}}
    changed.spec.template.metadata = {labels: {app: 'web', tier: 'x'}}
    expect(() => api.update(changed)).toThrow('field is immutable')
  })

  it('records the cascade for the garbage collector with a finalizer', () => {
    const {api} = testApiServer()
    api.create(deployment('a'))
    api.create(deployment('b'))
    expect(api.delete(Deploy, 'default', 'a').pending).toBe(false)
    expect(api.find(Deploy, 'default', 'a')).toBeUndefined()
    const orphaned = api.delete(Deploy, 'default', 'b', {cascade: 'orphan'})
    expect(orphaned.pending).toBe(true)
    expect(orphaned.object.metadata.finalizers).toEqual(['orphan'])
    expect(orphaned.object.metadata.deletionTimestamp).toBe('2024-05-14T11:54:50Z')
  })

  it('deletes what a namespace holds along with it, and nothing elsewhere', () => {
    const {api} = testApiServer()
    api.create({apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'team'}})
    const inTeam = deployment('a')
    inTeam.metadata.namespace = 'team'
    api.create(inTeam)
    api.create(deployment('b'))
    api.delete(mustTypeForKind('Namespace'), '', 'team')
    expect(api.list(Deploy).map((object) => `${object.metadata.namespace}/${object.metadata.name}`)).toEqual([
      'default/b',
    ])
  })

  it('generates names from generateName', () => {
    const {api} = testApiServer()
    const pod = api.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {generateName: 'web-'},
      spec: {containers: [{name: 'c', image: 'busybox'}]},
    })
    expect(pod.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/)
    expect(api.get(Pod, 'default', pod.metadata.name).metadata.uid).toBe(pod.metadata.uid)
  })
})

function captureError(fn: () => unknown): Error {
  try {
    fn()
  } catch (error) {
    return error as Error
  }
  throw new Error('expected an error')
}
