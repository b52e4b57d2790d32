import {describe, expect, it} from 'vitest'
import type {Taint} from '../../../../../src/core/api/types.js'
import type {ReadyStatus} from '../../../../../src/core/controllers/node-lifecycle/node-health.js'
import {reconcileTaints} from '../../../../../src/core/controllers/node-lifecycle/node-taints.js'

const NOW = '2024-05-14T12:00:10Z'
const EARLIER = '2024-05-14T12:00:04Z'
const UNREACHABLE = 'node.kubernetes.io/unreachable'
const NOT_READY = 'node.kubernetes.io/not-ready'
const CONTROL_PLANE: Taint = {key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule'}
const unreachable: Taint[] = [
  {key: UNREACHABLE, effect: 'NoSchedule'},
  {key: UNREACHABLE, effect: 'NoExecute', timeAdded: EARLIER},
]

describe('reconcileTaints', () => {
  it.each<[string, Taint[], ReadyStatus | undefined, Taint[] | undefined]>([
    ['leaves a Ready node alone', [CONTROL_PLANE], 'True', undefined],
    ['leaves a node that has not reported yet alone', [], undefined, undefined],
    [
      'taints an unreachable node, NoExecute stamped now, keeping other taints',
      [CONTROL_PLANE],
      'Unknown',
      [
        CONTROL_PLANE,
        {key: UNREACHABLE, effect: 'NoSchedule'},
        {key: UNREACHABLE, effect: 'NoExecute', timeAdded: NOW},
      ],
    ],
    ['changes nothing when the taints are right already', [...unreachable].reverse(), 'Unknown', undefined],
    [
      'swaps unreachable for not-ready, keeping the eviction countdown',
      unreachable,
      'False',
      [
        {key: NOT_READY, effect: 'NoSchedule'},
        {key: NOT_READY, effect: 'NoExecute', timeAdded: EARLIER},
      ],
    ],
    [
      'removes its taints once the node is Ready again',
      [CONTROL_PLANE, ...unreachable],
      'True',
      [CONTROL_PLANE],
    ],
  ])('%s', (_name, current, ready, expected) => {
    expect(reconcileTaints(current, ready, NOW)).toEqual(expected)
  })
})
