import {describe, expect, it} from 'vitest'
import type {Node, Pod} from '../../../../src/core/api/types.js'
import type {InformerEvent} from '../../../../src/core/loop/informer.js'
import {
  needsScheduling,
  nodeChangeMayHelp,
  podEventFreesResources,
  podSpecChanged,
} from '../../../../src/core/scheduler/scheduling-queue.js'
import {node, pod} from './fixtures.js'

const stored = (p: Pod) => p as unknown as InformerEvent['object']

describe('needsScheduling', () => {
  it.each<[string, Pod, boolean]>([
    ['an unbound pending pod', pod('web'), true],
    ['a bound pod', pod('web', {nodeName: 'n1'}), false],
    ['a pod being deleted', pod('web', {deleting: true}), false],
    ['a finished pod', pod('web', {phase: 'Failed'}), false],
    ['a pod naming default-scheduler', pod('web', {spec: {schedulerName: 'default-scheduler'}}), true],
    ['a pod for another scheduler', pod('web', {spec: {schedulerName: 'my-scheduler'}}), false],
  ])('%s: %s', (_, p, expected) => expect(needsScheduling(p)).toBe(expected))
})

describe('nodeChangeMayHelp', () => {
  const base = node('n1')
  const heartbeat: Node = {
    ...base,
    status: {
      ...base.status,
      conditions: [{type: 'Ready', status: 'True', lastHeartbeatTime: '2024-05-14T12:00:10Z'}],
    },
  }
  it.each<[string, Node | undefined, Node, boolean]>([
    ['a new node', undefined, base, true],
    ['a heartbeat', base, heartbeat, false],
    ['becoming Ready', node('n1', {ready: 'False'}), base, true],
    ['being uncordoned', node('n1', {unschedulable: true}), base, true],
    [
      'being cordoned (it changes no Ready or taint by itself)',
      base,
      node('n1', {unschedulable: true}),
      false,
    ],
    ['a new label', base, node('n1', {labels: {disk: 'ssd'}}), true],
    ['a taint removed', node('n1', {taints: [{key: 'x', effect: 'NoSchedule'}]}), base, true],
    ['more cpu', base, node('n1', {cpu: '8'}), true],
  ])('%s: %s', (_, previous, next, expected) => expect(nodeChangeMayHelp(previous, next)).toBe(expected))
})

describe('podEventFreesResources', () => {
  const bound = pod('a', {nodeName: 'n1', phase: 'Running'})
  it.each<[string, InformerEvent, boolean]>([
    ['a bound pod deleted', {type: 'DELETED', object: stored(bound)}, true],
    ['an unbound pod deleted', {type: 'DELETED', object: stored(pod('a'))}, false],
    [
      'a bound pod finishing',
      {
        type: 'MODIFIED',
        object: stored(pod('a', {nodeName: 'n1', phase: 'Succeeded'})),
        previous: stored(bound),
      },
      true,
    ],
    [
      'a bound pod changing status',
      {type: 'MODIFIED', object: stored(bound), previous: stored(bound)},
      false,
    ],
    ['a bound pod created', {type: 'ADDED', object: stored(bound)}, false],
  ])('%s: %s', (_, event, expected) => expect(podEventFreesResources(event)).toBe(expected))
})

describe('podSpecChanged', () => {
  it('ignores status and resourceVersion, notices spec and labels', () => {
    const before = pod('web')
    const statusOnly = {
      ...before,
      metadata: {...before.metadata, resourceVersion: '9'},
      status: {phase: 'Pending' as const, conditions: []},
    }
    expect(podSpecChanged(before, statusOnly)).toBe(false)
    expect(
      podSpecChanged(before, {...before, spec: {...before.spec, tolerations: [{operator: 'Exists'}]}}),
    ).toBe(true)
    expect(podSpecChanged(before, {...before, metadata: {...before.metadata, labels: {a: 'b'}}})).toBe(true)
  })
})
