import {describe, expect, it} from 'vitest'
import type {Pod} from '../../../../../src/core/api/types.js'
import type {RankContext} from '../../../../../src/core/controllers/replicaset/rank.js'
import {
  compareForDeletion,
  deletionCost,
  POD_DELETION_COST,
  podsPerNode,
  sortForDeletion,
  whyFirst,
} from '../../../../../src/core/controllers/replicaset/rank.js'
import {isPodActive} from '../../../../../src/core/controllers/replicaset/pod-readiness.js'

const NOW = Date.parse('2024-05-14T12:00:00Z')
const ago = (seconds: number): string => new Date(NOW - seconds * 1000).toISOString().replace('.000', '')

interface Shape {
  uid?: string
  node?: string
  phase?: 'Pending' | 'Running' | 'Unknown'
  readyFor?: number
  cost?: string
  restarts?: number
  age?: number
}

/** A pod on node n1, Running, not ready, created an hour ago, unless the shape says otherwise. */
function pod(shape: Shape = {}): Pod {
  const ready = shape.readyFor !== undefined
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: shape.uid ?? 'p',
      uid: shape.uid ?? 'uid-m',
      creationTimestamp: ago(shape.age ?? 3600),
      ...(shape.cost !== undefined ? {annotations: {[POD_DELETION_COST]: shape.cost}} : {}),
    },
    spec: {containers: [{name: 'app'}], ...(shape.node === '' ? {} : {nodeName: shape.node ?? 'n1'})},
    status: {
      phase: shape.phase ?? 'Running',
      conditions: [
        ready
          ? {type: 'Ready', status: 'True', lastTransitionTime: ago(shape.readyFor!)}
          : {type: 'Ready', status: 'False'},
      ],
      containerStatuses: [{name: 'app', ready, restartCount: shape.restarts ?? 0, image: '', imageID: ''}],
    },
  }
}

const context: RankContext = {now: NOW, podsOnNode: new Map([['n1', 1]])}

describe('compareForDeletion (ActivePodsWithRanks)', () => {
  it.each<[string, Shape, Shape, string, string?]>([
    ['unscheduled before scheduled', {node: ''}, {}, 'unscheduled'],
    ['Pending before Running', {phase: 'Pending'}, {}, 'phase'],
    ['Pending before Unknown', {phase: 'Pending'}, {phase: 'Unknown'}, 'phase'],
    ['Unknown before Running', {phase: 'Unknown'}, {}, 'phase'],
    ['not ready before ready', {}, {readyFor: 60}, 'not-ready'],
    ['lower pod-deletion-cost first', {cost: '-5'}, {cost: '10'}, 'deletion-cost'],
    ['cost outranks readiness time', {readyFor: 600, cost: '1'}, {readyFor: 5, cost: '2'}, 'deletion-cost'],
    ['more related pods on its node first', {node: 'crowded'}, {}, 'crowded-node'],
    ['ready for a shorter time first', {readyFor: 2}, {readyFor: 100}, 'ready-time'],
    [
      'same ready bucket (3s, 4s): the lower uid',
      {readyFor: 3, uid: 'a'},
      {readyFor: 4, uid: 'b'},
      'ready-time',
      'uid',
    ],
    ['more restarts first', {restarts: 5}, {restarts: 1}, 'restarts'],
    ['newer first', {age: 1}, {age: 3600}, 'age'],
    ['same age bucket (3s, 4s): the lower uid', {age: 4, uid: 'a'}, {age: 3, uid: 'b'}, 'age', 'uid'],
    [
      'ready time decides before restarts',
      {readyFor: 1, restarts: 0},
      {readyFor: 1000, restarts: 9},
      'ready-time',
    ],
  ])('%s', (_, first, second, rule, tie) => {
    const ctx = {
      ...context,
      podsOnNode: new Map([
        ['n1', 1],
        ['crowded', 3],
      ]),
    }
    const forward = compareForDeletion(pod({uid: 'uid-a', ...first}), pod({uid: 'uid-b', ...second}), ctx)
    expect(forward.order).toBeLessThan(0)
    expect(forward.rule).toBe(rule)
    expect(forward.byUid ?? false).toBe(tie === 'uid')
    const backward = compareForDeletion(pod({uid: 'uid-b', ...second}), pod({uid: 'uid-a', ...first}), ctx)
    expect(backward.order).toBeGreaterThan(0)
  })

  it('finds no difference between identical pods', () => {
    expect(compareForDeletion(pod(), pod(), context)).toEqual({order: 0})
  })

  it('sorts a mixed set worst first', () => {
    const pods = [
      pod({uid: 'old-ready', readyFor: 3000}),
      pod({uid: 'young-ready', readyFor: 10, age: 20}),
      pod({uid: 'unready'}),
      pod({uid: 'pending', phase: 'Pending'}),
      pod({uid: 'unscheduled', node: '', phase: 'Pending'}),
    ]
    expect(sortForDeletion(pods, context).map((p) => p.metadata.uid)).toEqual([
      'unscheduled',
      'pending',
      'unready',
      'young-ready',
      'old-ready',
    ])
  })

  it.each<[Shape, Shape, string]>([
    [{node: ''}, {}, 'not scheduled to a node'],
    [{phase: 'Pending'}, {}, 'Pending while others are Running'],
    [{}, {readyFor: 1}, 'not ready'],
    [{cost: '-1'}, {}, 'lower pod-deletion-cost -1'],
    [{node: 'crowded'}, {}, '3 related pods share its node crowded'],
    [{readyFor: 1}, {readyFor: 1000}, 'ready for a shorter time'],
    [{restarts: 4}, {}, '4 restarts'],
    [{age: 1}, {}, 'newer'],
    [{age: 4, uid: 'a'}, {age: 3, uid: 'b'}, 'about as old as others; its uid broke the tie'],
    [{}, {}, 'as good as any'],
  ])('explains %o before %o as "%s"', (victim, survivor, why) => {
    const ctx = {
      ...context,
      podsOnNode: new Map([
        ['n1', 1],
        ['crowded', 3],
      ]),
    }
    expect(whyFirst(pod(victim), pod(survivor), ctx)).toBe(why)
  })
})

describe('deletionCost', () => {
  it.each([
    ['10', 10],
    ['-5', -5],
    ['0', 0],
    ['+10', 0],
    ['008', 0],
    ['1e3', 0],
    ['2147483647', 2147483647],
    ['2147483648', 0],
    ['', 0],
  ])('reads %j as %d', (value, cost) => {
    expect(deletionCost(pod({cost: value}))).toBe(cost)
  })

  it('is 0 without the annotation', () => {
    expect(deletionCost(pod())).toBe(0)
  })
})

describe('podsPerNode', () => {
  it('counts active pods per node, terminating and finished ones left out', () => {
    const terminating = pod({node: 'n1'})
    terminating.metadata.deletionTimestamp = ago(1)
    const done = pod({node: 'n2'})
    done.status = {phase: 'Succeeded'}
    const counts = podsPerNode(
      [pod({node: 'n1'}), pod({node: 'n1'}), pod({node: 'n2'}), terminating, done],
      isPodActive,
    )
    expect([...counts]).toEqual([
      ['n1', 2],
      ['n2', 1],
    ])
  })
})
