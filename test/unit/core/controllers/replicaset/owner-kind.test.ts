import {describe, expect, it} from 'vitest'
import {formatSelector} from '../../../../../src/core/api/selectors.js'
import type {StoredObject} from '../../../../../src/core/api/types.js'
import {
  ownerName,
  REPLICA_SET_KIND,
  REPLICATION_CONTROLLER_KIND,
} from '../../../../../src/core/controllers/replicaset/owner-kind.js'

const meta = {name: 'web', namespace: 'default', uid: 'u1', resourceVersion: '1', creationTimestamp: 'x'}
const template = {metadata: {labels: {app: 'web', tier: 'front'}}, spec: {containers: []}}

function rc(spec: Record<string, unknown>): StoredObject {
  return {apiVersion: 'v1', kind: 'ReplicationController', metadata: meta, spec: {template, ...spec}}
}

function rs(selector: unknown): StoredObject {
  return {apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: meta, spec: {selector, template}}
}

describe('replica owner kinds', () => {
  it.each([
    ['an RC selector as written', rc({selector: {app: 'web'}}), 'app=web'],
    ['an empty RC selector: the template labels', rc({selector: {}}), 'app=web,tier=front'],
    ['a missing RC selector: the template labels', rc({}), 'app=web,tier=front'],
    [
      'an RS matchLabels + matchExpressions',
      rs({
        matchLabels: {app: 'web'},
        matchExpressions: [{key: 'tier', operator: 'In', values: ['front', 'back']}],
      }),
      'app=web,tier in (back,front)',
    ],
  ])('reads %s', (_, object, expected) => {
    const kind = object.kind === 'ReplicaSet' ? REPLICA_SET_KIND : REPLICATION_CONTROLLER_KIND
    const selector = kind.view(object).selector
    expect(selector && formatSelector(selector)).toBe(expected)
  })

  it.each([
    ['an empty RS selector', rs({}), 'its selector is empty'],
    [
      'a bad operator',
      rs({matchExpressions: [{key: 'a', operator: 'Near'}]}),
      'its selector is invalid: "Near" is not a valid label selector operator',
    ],
  ])('selects nothing with %s', (_, object, problem) => {
    const owner = REPLICA_SET_KIND.view(object)
    expect(owner.selector).toBeUndefined()
    expect(owner.selectorProblem).toBe(problem)
  })

  it('defaults replicas to 1 and minReadySeconds to 0, and names owners for narration', () => {
    const owner = REPLICATION_CONTROLLER_KIND.view(rc({}))
    expect(owner).toMatchObject({replicas: 1, minReadySeconds: 0, deleting: false, status: {}})
    expect(ownerName(REPLICATION_CONTROLLER_KIND, owner)).toBe('replicationcontroller/web')
    expect(ownerName(REPLICA_SET_KIND, {...owner, namespace: 'team'})).toBe('replicaset/team/web')
  })
})
