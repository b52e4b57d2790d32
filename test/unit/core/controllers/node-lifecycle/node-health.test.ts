import {describe, expect, it} from 'vitest'
import type {Node} from '../../../../../src/core/api/types.js'
import {assessNodeHealth} from '../../../../../src/core/controllers/node-lifecycle/node-health.js'

const T0 = Date.parse('2024-05-14T12:00:00Z')

function node(conditions: NonNullable<Node['status']>['conditions']): Node {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {name: 'node02', creationTimestamp: '2024-05-14T12:00:00Z'},
    status: {conditions},
  }
}

describe('assessNodeHealth', () => {
  it('declares every kubelet condition Unknown, leaving the network condition to its owner', () => {
    const health = assessNodeHealth(
      node([
        {type: 'Ready', status: 'True', lastHeartbeatTime: '2024-05-14T12:00:00Z'},
        {type: 'MemoryPressure', status: 'False'},
        {type: 'NetworkUnavailable', status: 'False'},
      ]),
      T0 + 4_001,
      T0,
      4_000,
    )
    expect(health.ready).toBe('Unknown')
    expect(health.previousReady).toBe('True')
    expect(health.conditions?.map((c) => `${c.type}=${c.status}`)).toEqual([
      'Ready=Unknown',
      'MemoryPressure=Unknown',
      'NetworkUnavailable=False',
    ])
  })

  it('adds a Ready condition for a node that never reported', () => {
    const health = assessNodeHealth(node([]), T0 + 5_000, T0, 4_000)
    expect(health.conditions).toEqual([
      {
        type: 'Ready',
        status: 'Unknown',
        reason: 'NodeStatusNeverUpdated',
        message: 'Kubelet never posted node status.',
        lastHeartbeatTime: '2024-05-14T12:00:00Z',
        lastTransitionTime: '2024-05-14T12:00:05Z',
      },
    ])
  })

  it('changes nothing on a node that is Unknown already', () => {
    const health = assessNodeHealth(node([{type: 'Ready', status: 'Unknown'}]), T0 + 60_000, T0, 4_000)
    expect(health).toEqual({ready: 'Unknown', previousReady: 'Unknown', silentForMs: 60_000})
  })

  it('leaves a node that has not reported yet alone within the grace period', () => {
    expect(assessNodeHealth(node([]), T0 + 1_000, T0, 4_000).ready).toBeUndefined()
  })
})
