import {describe, expect, it} from 'vitest'
import type {Taint, Toleration} from '../../../../../src/core/api/types.js'
import {
  evictionDueAt,
  toleratesTaint,
} from '../../../../../src/core/controllers/node-lifecycle/taint-eviction.js'

const UNREACHABLE = 'node.kubernetes.io/unreachable'
const ADDED = Date.parse('2024-05-14T12:00:00Z')
const unreachable: Taint = {key: UNREACHABLE, effect: 'NoExecute', timeAdded: '2024-05-14T12:00:00Z'}
const defaultToleration: Toleration = {
  key: UNREACHABLE,
  operator: 'Exists',
  effect: 'NoExecute',
  tolerationSeconds: 300,
}

describe('toleratesTaint', () => {
  it.each<[string, Toleration, boolean]>([
    ['Exists on the key', {key: UNREACHABLE, operator: 'Exists'}, true],
    ['Exists with no key tolerates everything', {operator: 'Exists'}, true],
    ['another effect does not', {key: UNREACHABLE, operator: 'Exists', effect: 'NoSchedule'}, false],
    ['another key does not', {key: 'example.com/x', operator: 'Exists'}, false],
    ['Equal compares values (both empty)', {key: UNREACHABLE, operator: 'Equal'}, true],
    ['an empty operator means Equal', {key: UNREACHABLE, value: 'x'}, false],
  ])('%s', (_name, toleration, expected) => {
    expect(toleratesTaint(toleration, unreachable)).toBe(expected)
  })
})

describe('evictionDueAt', () => {
  it.each<[string, Toleration[], Taint[], number | undefined]>([
    ['no NoExecute taint: never', [], [{key: UNREACHABLE, effect: 'NoSchedule'}], undefined],
    ['an untolerated taint: at once', [], [unreachable], ADDED],
    [
      "the API server's default toleration: the cluster's eviction delay",
      [defaultToleration],
      [unreachable],
      ADDED + 5_000,
    ],
    [
      'the shortest toleration used wins',
      [defaultToleration, {key: UNREACHABLE, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 2}],
      [unreachable],
      ADDED + 2_000,
    ],
    [
      "a pod's own 300 s that is not the default shape is kept",
      [{operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300}],
      [unreachable],
      ADDED + 300_000,
    ],
    [
      'a negative tolerationSeconds: at once',
      [{operator: 'Exists', tolerationSeconds: -5, effect: 'NoExecute'}],
      [unreachable],
      ADDED,
    ],
    ['tolerated for good', [{key: UNREACHABLE, operator: 'Exists'}], [unreachable], undefined],
    [
      'one taint tolerated, another not: at once',
      [defaultToleration],
      [unreachable, {key: 'example.com/drain', effect: 'NoExecute', timeAdded: '2024-05-14T12:00:03Z'}],
      ADDED,
    ],
    [
      'a taint without timeAdded counts from when the controller first saw the node',
      [defaultToleration],
      [{key: UNREACHABLE, effect: 'NoExecute'}],
      ADDED + 7_000,
    ],
  ])('%s', (_name, tolerations, taints, expected) => {
    expect(evictionDueAt(tolerations, taints, 5_000, ADDED + 2_000)).toBe(expected)
  })
})
