import {describe, expect, it} from 'vitest'
import type {Pod, ReplicaSet} from '../../../../../src/core/api/types.js'
import type {StoredReplicaSet} from '../../../../../src/core/controllers/deployment/objects.js'
import {oldPodsRunning} from '../../../../../src/core/controllers/deployment/recreate.js'
import {newControllerRef} from '../../../../../src/core/controllers/replicaset/controller-ref.js'
import type {Harness} from './support/harness.js'
import {deploymentHarness, deploymentManifest, POD} from './support/harness.js'
import {imageOf, runRollout} from './support/rollout.js'

/** A pod of the replica set, bound to a node so a delete leaves it Terminating until its kubelet is done. */
function podOf(h: Harness, rs: StoredReplicaSet, name: string): Pod {
  return h.api.create({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      labels: rs.spec.template.metadata?.labels,
      ownerReferences: [newControllerRef(rs, 'apps/v1')],
    },
    spec: {...rs.spec.template.spec, nodeName: 'node01'},
  }) as Pod
}

describe('oldPodsRunning', () => {
  const rs = (uid: string, replicas: number): ReplicaSet => ({
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {name: uid, uid},
    spec: {replicas: 0, selector: {}, template: {spec: {containers: []}}},
    status: {replicas},
  })
  const pod = (phase: 'Running' | 'Succeeded' | 'Failed' | 'Unknown', deleting = false): Pod => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {name: 'p', ...(deleting ? {deletionTimestamp: '2024-05-14T12:00:00Z'} : {})},
    spec: {containers: []},
    status: {phase},
  })

  it.each([
    ['an old replica set still reports pods', [rs('old', 2)], [], 2],
    ['a Terminating old pod remains', [rs('old', 0)], [pod('Running', true)], 1],
    ['an old pod is Unknown (its node is cut off)', [rs('old', 0)], [pod('Unknown')], 1],
    ['old pods have finished', [rs('old', 0)], [pod('Succeeded'), pod('Failed')], 0],
    ['no old pod exists', [rs('old', 0)], [], 0],
  ] as const)('counts old pods when %s', (_case, oldRSs, pods, running) => {
    const map = new Map([
      ['old', [...pods]],
      ['new', [pod('Running')]],
    ])
    expect(oldPodsRunning(rs('new', 1), [...oldRSs], map)).toBe(running)
  })
})

describe('a Recreate rollout', () => {
  it('scales old to 0, waits until no old pod exists, Terminating ones included, then starts the new ones', () => {
    const h = deploymentHarness()
    h.api.create(deploymentManifest('web', 3, {strategy: {type: 'Recreate'}}))
    runRollout(h)
    const oldRS = h.rsFor('tugboat/demo:v1')
    const pod = podOf(h, oldRS, 'web-old-1')
    h.advance(1000)
    h.setImage('tugboat/demo:v2')

    h.converge()
    expect(h.replicaSets().map((rs) => [imageOf(rs), rs.spec.replicas])).toEqual([['tugboat/demo:v1', 0]])
    expect(h.logs.at(-1)).toBe(
      `deployment/web: recreate: waiting for 3 old pod(s) to be gone before starting new ones`,
    )

    // The ReplicaSet controller has deleted its pods: none counts as a replica, one is still Terminating.
    h.api.delete(POD, 'default', pod.metadata.name ?? '')
    h.settle()
    h.converge()
    expect(h.replicaSets()).toHaveLength(1)
    expect(h.logs.at(-1)).toBe(
      `deployment/web: recreate: waiting for 1 old pod(s) to be gone before starting new ones`,
    )

    h.api.delete(POD, 'default', pod.metadata.name ?? '', {gracePeriodSeconds: 0})
    h.converge()
    const newRS = h.rsFor('tugboat/demo:v2')
    expect(newRS.spec.replicas).toBe(3)
    expect(h.eventsOf(h.deployment()).slice(1)).toEqual([
      `Normal ScalingReplicaSet Scaled down replica set ${oldRS.metadata.name} to 0 from 3`,
      `Normal ScalingReplicaSet Scaled up replica set ${newRS.metadata.name} to 3`,
    ])
    expect(h.logs.at(-1)).toBe(
      `deployment/web: created replicaset ${newRS.metadata.name} (revision 2) with 3 replicas: no other replica set has pods`,
    )
    const seen = runRollout(h)
    expect(seen.maxPods).toBe(3)
    expect(h.deployment().status?.conditions?.find((c) => c.type === 'Progressing')?.reason).toBe(
      'NewReplicaSetAvailable',
    )
  })

  it('wakes the deployment when the last of its pods is deleted', () => {
    const h = deploymentHarness()
    h.api.create(deploymentManifest('web', 1, {strategy: {type: 'Recreate'}}))
    runRollout(h)
    const rs = h.rsFor('tugboat/demo:v1')
    const [first, second] = [podOf(h, rs, 'web-a'), podOf(h, rs, 'web-b')]
    const woken: string[] = []
    h.controller.watch(h.informer, (key) => woken.push(key))
    h.informer.pump()
    woken.length = 0

    h.api.delete(POD, 'default', first.metadata.name ?? '', {gracePeriodSeconds: 0})
    h.informer.pump()
    expect(woken).toEqual([])
    h.api.delete(POD, 'default', second.metadata.name ?? '', {gracePeriodSeconds: 0})
    h.informer.pump()
    expect(woken).toEqual(['default/web'])
  })
})
