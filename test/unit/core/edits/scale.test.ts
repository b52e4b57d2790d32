import {describe, expect, it} from 'vitest'
import {ApiError} from '../../../../src/core/api/errors.js'
import {mustTypeForKind} from '../../../../src/core/api/resources.js'
import type {ScaleRequest} from '../../../../src/core/edits/scale.js'
import {scaleObjects} from '../../../../src/core/edits/scale.js'
import {testApiServer} from '../../../support/api.js'
import {named, seedWorkloads} from './fixtures.js'

function setup() {
  const {api} = testApiServer()
  seedWorkloads(api)
  const replicasOf = (kind: string, name: string) =>
    (api.get(mustTypeForKind(kind), 'default', name).spec as {replicas: number}).replicas
  const request = (extra: Partial<ScaleRequest> = {}): ScaleRequest => ({
    resources: [named('Deployment', 'web')],
    namespace: 'default',
    replicas: 5,
    dryRun: 'none',
    ...extra,
  })
  return {api, replicasOf, request}
}

describe('scaleObjects', () => {
  it.each(['Deployment', 'ReplicaSet', 'ReplicationController'])('sets spec.replicas of a %s', (kind) => {
    const {api, replicasOf, request} = setup()
    const name = {Deployment: 'web', ReplicaSet: 'rs', ReplicationController: 'rc'}[kind]!
    const [scaled] = scaleObjects(api, request({resources: [named(kind, name)], replicas: 0}))
    expect((scaled?.object.spec as {replicas: number}).replicas).toBe(0)
    expect(replicasOf(kind, name)).toBe(0)
  })

  it('scales several objects at once', () => {
    const {api, replicasOf, request} = setup()
    scaleObjects(
      api,
      request({resources: [named('Deployment', 'web'), named('ReplicaSet', 'rs')], replicas: 3}),
    )
    expect([replicasOf('Deployment', 'web'), replicasOf('ReplicaSet', 'rs')]).toEqual([3, 3])
  })

  it('answers as the API server does for a kind without a scale subresource', () => {
    const {api, request} = setup()
    const attempt = () => scaleObjects(api, request({resources: [named('Pod', 'solo')]}))
    expect(attempt).toThrow(ApiError)
    expect(attempt).toThrow('the server could not find the requested resource')
  })

  it.each([
    [{currentReplicas: 2}, 5],
    [{currentReplicas: -1}, 5],
  ])('scales when the precondition %j holds', (extra, replicas) => {
    const {api, replicasOf, request} = setup()
    scaleObjects(api, request(extra))
    expect(replicasOf('Deployment', 'web')).toBe(replicas)
  })

  it('refuses a failed precondition and changes nothing', () => {
    const {api, replicasOf, request} = setup()
    expect(() => scaleObjects(api, request({currentReplicas: 3}))).toThrow('Expected replicas to be 3, was 2')
    expect(() => scaleObjects(api, request({resourceVersion: '1'}))).toThrow(
      /^Expected resource version to be 1, was \d+$/,
    )
    expect(replicasOf('Deployment', 'web')).toBe(2)
  })

  it('checks the resourceVersion precondition against the live object', () => {
    const {api, replicasOf, request} = setup()
    const {resourceVersion} = api.get(mustTypeForKind('Deployment'), 'default', 'web').metadata
    scaleObjects(api, request({resourceVersion}))
    expect(replicasOf('Deployment', 'web')).toBe(5)
  })

  it('shows the object without checking preconditions in a client dry run', () => {
    const {api, replicasOf, request} = setup()
    const [scaled] = scaleObjects(api, request({dryRun: 'client', currentReplicas: 9}))
    expect((scaled?.object.spec as {replicas: number}).replicas).toBe(5)
    expect(replicasOf('Deployment', 'web')).toBe(2)
  })

  it('checks but stores nothing in a server dry run', () => {
    const {api, replicasOf, request} = setup()
    expect(() => scaleObjects(api, request({dryRun: 'server', currentReplicas: 9}))).toThrow(
      'Expected replicas to be 9, was 2',
    )
    scaleObjects(api, request({dryRun: 'server'}))
    expect(replicasOf('Deployment', 'web')).toBe(2)
  })

  it('selects by label selector', () => {
    const {api, replicasOf, request} = setup()
    const scaled = scaleObjects(
      api,
      request({resources: [named('Deployment')], selector: 'app=web', replicas: 1}),
    )
    expect(scaled.map(({object}) => object.metadata.name)).toEqual(['web'])
    expect(replicasOf('Deployment', 'web')).toBe(1)
  })

  it.each([
    ['no --replicas', {replicas: undefined}, 'required flag(s) "replicas" not set'],
    [
      'negative replicas',
      {replicas: -1},
      'The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0',
    ],
    [
      '--current-replicas below -1',
      {currentReplicas: -2},
      'The --current-replicas must specify an integer of -1 or greater',
    ],
    ['no resources', {resources: []}, 'You must provide one or more resources by argument or filename.'],
    [
      'a selector matching nothing',
      {resources: [named('Deployment')], selector: 'app=none'},
      'no objects passed to scale',
    ],
    [
      '--resource-version with several objects',
      {resources: [named('Deployment', 'web'), named('ReplicaSet', 'rs')], resourceVersion: '3'},
      'cannot use --resource-version with multiple resources',
    ],
    ['a missing object', {resources: [named('Deployment', 'ghost')]}, 'deployments.apps "ghost" not found'],
  ])('refuses %s', (_case, extra, message) => {
    const {api, request} = setup()
    expect(() => scaleObjects(api, request(extra))).toThrow(message)
  })
})
