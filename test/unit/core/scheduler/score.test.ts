import {describe, expect, it} from 'vitest'
import {
  balancedAllocationScore,
  defaultNormalizeScore,
  intolerablePreferNoSchedule,
  leastAllocatedScore,
  scoreNodes,
  selectHost,
} from '../../../../src/core/scheduler/score.js'
import {spreadScores} from '../../../../src/core/scheduler/spread.js'
import {info, node, pod} from './fixtures.js'

describe('LeastAllocated', () => {
  it.each([
    [
      'the documented example: 500m on a node with 1 cpu and 1Gi requested',
      pod('web', {cpu: '500m'}),
      [pod('a', {cpu: '1', memory: '1Gi'})],
      73,
    ],
    ['a request-less pod on an empty node counts as 100m and 200Mi', pod('web'), [], 97],
    ['explicit zero requests count as zero', pod('web', {cpu: '0', memory: '0'}), [], 100],
    [
      'a resource requested beyond allocatable scores 0 for that resource',
      pod('web', {cpu: '5', memory: '0'}),
      [],
      50,
    ],
    [
      'request-less pods on the node count too',
      pod('web', {cpu: '0', memory: '0'}),
      [pod('a'), pod('b')],
      95,
    ],
  ])('%s', (_, p, running, expected) => {
    expect(leastAllocatedScore(p, info(node('n1'), running))).toBe(expected)
  })
})

describe('BalancedAllocation', () => {
  it.each([
    ['an empty node is perfectly balanced', pod('web'), [], 100],
    ['half the cpu and a quarter of the memory', pod('web'), [pod('a', {cpu: '2', memory: '2Gi'})], 87],
    ['the incoming pod counts too', pod('web', {cpu: '4'}), [], 50],
  ])('%s', (_, p, running, expected) => {
    expect(balancedAllocationScore(p, info(node('n1'), running))).toBe(expected)
  })
})

describe('defaultNormalizeScore', () => {
  it.each([
    [[0, 5, 10], false, [0, 50, 100]],
    [[0, 1, 2], true, [100, 50, 0]],
    [[0, 0], true, [100, 100]],
    [[0, 0], false, [0, 0]],
    [[3, 1], false, [100, 33]],
  ])('%j reversed=%s gives %j', (raw, reverse, expected) => {
    expect(defaultNormalizeScore(raw, reverse)).toEqual(expected)
  })
})

describe('TaintToleration preference', () => {
  const spare = node('n1', {
    taints: [
      {key: 'spare', effect: 'PreferNoSchedule'},
      {key: 'old', effect: 'PreferNoSchedule'},
    ],
  })
  it.each([
    ['counts untolerated PreferNoSchedule taints', pod('web'), 2],
    [
      'a toleration without effect applies',
      pod('web', {spec: {tolerations: [{key: 'spare', operator: 'Exists'}]}}),
      1,
    ],
    [
      'a toleration for another effect does not',
      pod('web', {spec: {tolerations: [{key: 'spare', operator: 'Exists', effect: 'NoSchedule'}]}}),
      2,
    ],
  ])('%s', (_, p, expected) => expect(intolerablePreferNoSchedule(p, info(spare))).toBe(expected))

  it('prefers the node without PreferNoSchedule taints, weighted 3', () => {
    const nodes = [info(spare), info(node('n2'))]
    expect(scoreNodes(pod('web'), nodes, nodes).map((s) => [s.name, s.scores.taints])).toEqual([
      ['n1', 0],
      ['n2', 100],
    ])
  })
})

describe('spread (PodTopologySpread with the default constraints)', () => {
  const sibling = (name: string) => pod(name, {owner: 'web-rs'})

  it('gives the documented example: the node already running a sibling scores 66', () => {
    const nodes = [info(node('node01'), [sibling('a')]), info(node('node02'))]
    expect(spreadScores(sibling('b'), nodes, nodes)).toEqual([66, 100])
  })

  it('scores every node 100 when no sibling runs anywhere', () => {
    const nodes = [info(node('node01')), info(node('node02'))]
    expect(spreadScores(sibling('b'), nodes, nodes)).toEqual([100, 100])
  })

  it('counts only pods of the same controller, live and in the same namespace', () => {
    const others = [
      pod('x', {owner: 'other-rs'}),
      pod('y'),
      pod('z', {owner: 'web-rs', deleting: true}),
      pod('w', {owner: 'web-rs', namespace: 'team'}),
    ]
    const nodes = [info(node('node01'), others), info(node('node02'))]
    expect(spreadScores(sibling('b'), nodes, nodes)).toEqual([100, 100])
  })

  it('has nothing to say about a pod without a controller', () => {
    const nodes = [info(node('node01'), [sibling('a')]), info(node('node02'))]
    expect(spreadScores(pod('bare'), nodes, nodes)).toBeUndefined()
  })

  it('spreads across zones too when nodes are labelled with one', () => {
    const zone = (name: string, z: string) => node(name, {labels: {'topology.kubernetes.io/zone': z}})
    const nodes = [info(zone('n1', 'a'), [sibling('a')]), info(zone('n2', 'a')), info(zone('n3', 'b'))]
    // n1: round(1·ln5 + 2 + 1·ln4 + 4) = 9, n2: round(2 + 1·ln4 + 4) = 7, n3: 6; then 100·(15 − raw)/9.
    expect(spreadScores(sibling('b'), nodes, nodes)).toEqual([66, 88, 100])
  })
})

describe('scoreNodes', () => {
  it('adds the weighted scores of the plugins that have something to say', () => {
    const nodes = [info(node('node01'), [pod('a', {owner: 'rs'})]), info(node('node02'))]
    const [first, second] = scoreNodes(pod('b', {owner: 'rs'}), nodes, nodes)
    expect(first).toEqual({
      name: 'node01',
      total: 95 + 100 + 2 * 66,
      scores: {'least allocated': 95, balanced: 100, spread: 66},
    })
    expect(second).toEqual({
      name: 'node02',
      total: 97 + 100 + 2 * 100,
      scores: {'least allocated': 97, balanced: 100, spread: 100},
    })
  })

  it('scores preferred node affinity by the weights of matching terms', () => {
    const nodes = [info(node('n1', {labels: {disk: 'ssd'}})), info(node('n2'))]
    const preferred = [
      {weight: 40, preference: {matchExpressions: [{key: 'disk', operator: 'In' as const, values: ['ssd']}]}},
    ]
    const p = pod('web', {
      spec: {affinity: {nodeAffinity: {preferredDuringSchedulingIgnoredDuringExecution: preferred}}},
    })
    expect(scoreNodes(p, nodes, nodes).map((s) => s.scores['node affinity'])).toEqual([100, 0])
  })
})

describe('selectHost', () => {
  const scores = [
    {name: 'a', total: 10, scores: {}},
    {name: 'b', total: 30, scores: {}},
    {name: 'c', total: 30, scores: {}},
  ]
  it('picks the highest total', () => {
    expect(selectHost(scores.slice(0, 2), () => 0.99)?.best.name).toBe('b')
  })
  it('breaks a tie with the random source', () => {
    expect(selectHost(scores, () => 0)).toEqual({best: scores[1], tied: [scores[2]]})
    expect(selectHost(scores, () => 0.99)?.best.name).toBe('c')
  })
})
