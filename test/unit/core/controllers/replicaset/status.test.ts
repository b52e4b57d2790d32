import {describe, expect, it} from 'vitest'
import type {Pod, ReplicaStatus, StoredObject} from '../../../../../src/core/api/types.js'
import {REPLICA_SET_KIND} from '../../../../../src/core/controllers/replicaset/owner-kind.js'
import {
  computeStatus,
  nextAvailabilityCheckMs,
  statusToWrite,
} from '../../../../../src/core/controllers/replicaset/status.js'

const NOW = Date.parse('2024-05-14T12:00:00Z')

function owner(replicas: number, status: ReplicaStatus = {}, minReadySeconds = 0, generation = 1) {
  const object: StoredObject = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: 'web',
      namespace: 'default',
      uid: 'u',
      resourceVersion: '1',
      creationTimestamp: 'x',
      generation,
    },
    spec: {
      replicas,
      minReadySeconds,
      selector: {matchLabels: {app: 'web'}},
      template: {metadata: {labels: {app: 'web', tier: 'front'}}},
    },
    status,
  }
  return REPLICA_SET_KIND.view(object)
}

/** A pod with the template's labels (or only app=web), ready for `readyFor` seconds if given. */
function pod(readyFor?: number, fullyLabeled = true): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {name: 'p', labels: fullyLabeled ? {app: 'web', tier: 'front'} : {app: 'web'}},
    spec: {containers: []},
    status: {
      phase: 'Running',
      conditions:
        readyFor === undefined
          ? []
          : [
              {
                type: 'Ready',
                status: 'True',
                lastTransitionTime: new Date(NOW - readyFor * 1000).toISOString(),
              },
            ],
    },
  }
}

describe('computeStatus', () => {
  it('counts replicas, fully labelled, ready and available pods, leaving zeros out as Go does', () => {
    const pods = [pod(30), pod(5), pod(undefined, false)]
    expect(computeStatus(owner(3, {}, 10), pods, undefined, NOW)).toEqual({
      replicas: 3,
      fullyLabeledReplicas: 2,
      readyReplicas: 2,
      availableReplicas: 1,
    })
    expect(computeStatus(owner(0), [], undefined, NOW)).toEqual({replicas: 0})
  })

  it('counts a pod available only strictly after minReadySeconds', () => {
    expect(computeStatus(owner(1, {}, 10), [pod(10)], undefined, NOW).availableReplicas).toBeUndefined()
    expect(computeStatus(owner(1, {}, 10), [pod(11)], undefined, NOW).availableReplicas).toBe(1)
  })

  it.each([
    ['too few pods', 3, 'FailedCreate'],
    ['too many pods', 0, 'FailedDelete'],
  ])('sets ReplicaFailure for %s', (_, replicas, reason) => {
    const status = computeStatus(owner(replicas), [pod(1)], new Error('boom'), NOW)
    expect(status.conditions).toEqual([
      {
        type: 'ReplicaFailure',
        status: 'True',
        lastTransitionTime: '2024-05-14T12:00:00Z',
        reason,
        message: 'boom',
      },
    ])
  })

  it('keeps an existing ReplicaFailure as it was, and removes it after a clean sync', () => {
    const failure = {type: 'ReplicaFailure', status: 'True' as const, reason: 'FailedCreate', message: 'old'}
    const failing = owner(3, {replicas: 1, conditions: [failure]})
    expect(computeStatus(failing, [pod(1)], new Error('new'), NOW).conditions).toEqual([failure])
    expect(computeStatus(failing, [pod(1)], undefined, NOW).conditions).toBeUndefined()
  })
})

describe('statusToWrite', () => {
  it('writes nothing when counts, generation and conditions are already reported', () => {
    const current = {replicas: 2, readyReplicas: 2, observedGeneration: 3}
    expect(statusToWrite(owner(2, current, 0, 3), {replicas: 2, readyReplicas: 2})).toBeUndefined()
  })

  it.each([
    ['a count changed', {replicas: 2, observedGeneration: 3}, {replicas: 3}],
    ['the generation moved on', {replicas: 2, observedGeneration: 2}, {replicas: 2}],
    [
      'a condition appeared',
      {replicas: 2, observedGeneration: 3},
      {replicas: 2, conditions: [{type: 'ReplicaFailure', status: 'True' as const}]},
    ],
  ])('writes with observedGeneration when %s', (_, current, next) => {
    expect(statusToWrite(owner(2, current, 0, 3), next)).toEqual({...next, observedGeneration: 3})
  })
})

describe('nextAvailabilityCheckMs', () => {
  it('wakes just after the soonest ready pod passes minReadySeconds', () => {
    expect(nextAvailabilityCheckMs(owner(3, {}, 10), [pod(4), pod(8), pod()], NOW)).toBe(2001)
  })

  it.each([
    ['without minReadySeconds', owner(1), [pod(1)]],
    ['when every ready pod is available', owner(1, {}, 10), [pod(60)]],
    ['when no pod is ready', owner(1, {}, 10), [pod()]],
  ])('is undefined %s', (_, replicaOwner, pods) => {
    expect(nextAvailabilityCheckMs(replicaOwner, pods, NOW)).toBeUndefined()
  })
})
