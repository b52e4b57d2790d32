import {describe, expect, it} from 'vitest'
import type {Pod} from '../../../../../src/core/api/types.js'
import {replicaSetController} from '../../../../../src/core/controllers/replicaset/replicaset-controller.js'
import type {Harness} from './support/harness.js'
import {deploymentHarness, deploymentManifest, POD} from './support/harness.js'

/** The two controllers together; the kubelet's part (pods turning Ready) is played by hand. */
function cluster() {
  const h = deploymentHarness()
  const rsController = replicaSetController(h.ctx)
  const live = (): Pod[] =>
    (h.api.list(POD, {namespace: 'default'}) as Pod[]).filter((p) => !p.metadata.deletionTimestamp)
  const ready = (pod: Pod): boolean =>
    pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false
  /** Marks the pods running a healthy image Ready, as a kubelet would once their containers start. */
  const startPods = (healthy: (image: string) => boolean): void => {
    for (const pod of live()) {
      if (ready(pod) || !healthy(pod.spec.containers[0]?.image ?? '')) continue
      const status = {
        phase: 'Running' as const,
        conditions: [{type: 'Ready', status: 'True' as const, lastTransitionTime: h.api.now().toISOString()}],
      }
      h.api.update({...pod, status}, {subresource: 'status'})
    }
  }
  /** Runs both controllers and the pods until nothing changes; returns the most pods and fewest ready seen. */
  const run = (healthy: (image: string) => boolean = () => true) => {
    const seen = {maxPods: 0, minReady: Number.POSITIVE_INFINITY}
    const look = (): void => {
      seen.maxPods = Math.max(seen.maxPods, live().length)
      seen.minReady = Math.min(seen.minReady, live().filter(ready).length)
    }
    for (let round = 0; round < 40; round++) {
      const before = h.api.store.latestResourceVersion()
      h.converge()
      for (const rs of h.replicaSets()) converge(h, () => rsController.sync(`default/${rs.metadata.name}`))
      look()
      startPods(healthy)
      look()
      if (h.api.store.latestResourceVersion() === before) return seen
    }
    throw new Error('did not settle')
  }
  return {h, live, ready, run}
}

function converge(h: Harness, sync: () => unknown): void {
  for (let round = 0; round < 10; round++) {
    const before = h.api.store.latestResourceVersion()
    h.informer.pump()
    sync()
    if (h.api.store.latestResourceVersion() === before) return
  }
  throw new Error('did not converge')
}

describe('the Deployment and ReplicaSet controllers together', () => {
  it('roll 3 pods to a new image never running more than 4 nor fewer than 3 ready', () => {
    const {h, live, run} = cluster()
    h.api.create(deploymentManifest('web', 3))
    run()
    expect(live()).toHaveLength(3)
    h.advance(1000)
    h.setImage('tugboat/demo:v2')
    expect(run()).toEqual({maxPods: 4, minReady: 3})

    const images = live().map((pod) => pod.spec.containers[0]?.image)
    expect(images).toEqual(['tugboat/demo:v2', 'tugboat/demo:v2', 'tugboat/demo:v2'])
    const hash = h.rsFor('tugboat/demo:v2').metadata.labels?.['pod-template-hash']
    expect(live().every((pod) => pod.metadata.labels?.['pod-template-hash'] === hash)).toBe(true)
    expect(h.deployment().status).toMatchObject({
      replicas: 3,
      updatedReplicas: 3,
      readyReplicas: 3,
      availableReplicas: 3,
    })
  })

  it('stop at one new pod that never becomes ready', () => {
    const {h, live, run} = cluster()
    h.api.create(deploymentManifest('web', 3))
    run()
    h.advance(1000)
    h.setImage('tugboat/demo:bad')
    expect(run((image) => image !== 'tugboat/demo:bad')).toEqual({maxPods: 4, minReady: 3})
    expect(
      live()
        .map((pod) => pod.spec.containers[0]?.image)
        .sort(),
    ).toEqual(['tugboat/demo:bad', 'tugboat/demo:v1', 'tugboat/demo:v1', 'tugboat/demo:v1'])
  })
})
