import {describe, expect, it} from 'vitest'
import type {Pod} from '../../../../../src/core/api/types.js'
import {planReplicas, slowStartBatches} from '../../../../../src/core/controllers/replicaset/plan.js'

const NOW = Date.parse('2024-05-14T12:00:00Z')
const rank = {now: NOW, podsOnNode: new Map<string, number>()}

function pod(name: string, ready: boolean): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {name, uid: name, creationTimestamp: '2024-05-14T11:00:00Z'},
    spec: {nodeName: 'n1', containers: [{name: 'app'}]},
    status: {
      phase: 'Running',
      conditions: [
        {type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: '2024-05-14T11:00:00Z'},
      ],
    },
  }
}

const pods = (count: number): Pod[] => Array.from({length: count}, (_, i) => pod(`p${i}`, i !== 1))

describe('slowStartBatches', () => {
  it.each([
    [0, []],
    [1, [1]],
    [3, [1, 2]],
    [10, [1, 2, 4, 3]],
    [15, [1, 2, 4, 8]],
    [500, [1, 2, 4, 8, 16, 32, 64, 128, 245]],
  ])('splits %d creates into %j', (count, batches) => {
    expect(slowStartBatches(count)).toEqual(batches)
  })
})

describe('planReplicas', () => {
  it('does nothing when the count is right', () => {
    expect(planReplicas({replicas: 3, pods: pods(3), rank})).toEqual({action: 'none'})
  })

  it.each([
    [3, 0, 3, [1, 2]],
    [5, 2, 3, [1, 2]],
    [1000, 0, 500, [1, 2, 4, 8, 16, 32, 64, 128, 245]],
  ])('creates the missing pods: want %d, have %d -> %d in batches %j', (replicas, have, count, batches) => {
    expect(planReplicas({replicas, pods: pods(have), rank})).toEqual({action: 'create', count, batches})
  })

  it('deletes the surplus worst first, saying why against the first pod kept', () => {
    const plan = planReplicas({replicas: 2, pods: pods(3), rank})
    expect(plan).toEqual({action: 'delete', victims: [{pod: pods(3)[1], why: 'not ready'}]})
  })

  it('deletes everything without ranking when no replicas are wanted', () => {
    const plan = planReplicas({replicas: 0, pods: pods(2), rank})
    expect(plan.action === 'delete' && plan.victims.map((v) => [v.pod.metadata.name, v.why])).toEqual([
      ['p0', 'none wanted'],
      ['p1', 'none wanted'],
    ])
  })

  it('deletes at most 500 per sync', () => {
    const plan = planReplicas({replicas: 0, pods: pods(600), rank})
    expect(plan.action === 'delete' && plan.victims.length).toBe(500)
  })
})
