import {describe, expect, it} from 'vitest'
import {mustTypeForKind} from '../../../../../src/core/api/resources.js'
import {heartbeat} from '../../../../../src/core/control-plane/node-registration.js'
import {
  CLASSROOM_TIMINGS,
  KUBERNETES_TIMINGS,
  NODE_LIFECYCLE_TIMINGS,
} from '../../../../../src/core/controllers/node-lifecycle/node-lifecycle-controller.js'
import {eventsOf, NODE02, node02, nodeHarness, podNamed, runningPod} from './harness.js'

const UNREACHABLE = 'node.kubernetes.io/unreachable'

/** A harness whose node02 went silent at 12:00:00 and was marked at 12:00:04.1, with pods web-a and web-b. */
async function silentNode() {
  const h = nodeHarness()
  runningPod(h.api, 'web-a')
  runningPod(h.api, 'web-b')
  await h.check()
  await h.advance(4_100)
  await h.check()
  return h
}

describe('node lifecycle controller', () => {
  it('writes nothing while the heartbeat is fresh, and checks again after the monitor period', async () => {
    const h = nodeHarness()
    runningPod(h.api, 'web-a')
    expect(await h.check()).toEqual({requeueAfterMs: 1_000})
    for (let beat = 0; beat < 6; beat++) {
      await h.advance(1_000)
      heartbeat(h.api, NODE02)
      const before = h.api.store.latestResourceVersion()
      await h.check()
      expect(h.api.store.latestResourceVersion()).toBe(before)
    }
    expect(h.log).toEqual([])
    expect(node02(h.api).spec?.taints).toBeUndefined()
  })

  it('waits out the grace period: silent for exactly 4 s is not yet too long', async () => {
    const h = nodeHarness()
    await h.check()
    await h.advance(4_000)
    const before = h.api.store.latestResourceVersion()
    await h.check()
    expect(h.api.store.latestResourceVersion()).toBe(before)
  })

  it('marks a silent node Unknown, taints it, and marks its pods not ready', async () => {
    const h = await silentNode()
    const node = node02(h.api)
    expect(node.status?.conditions).toEqual([
      {
        type: 'Ready',
        status: 'Unknown',
        reason: 'NodeStatusUnknown',
        message: 'Kubelet stopped posting node status.',
        lastHeartbeatTime: '2024-05-14T12:00:00Z',
        lastTransitionTime: '2024-05-14T12:00:04Z',
      },
    ])
    expect(node.spec?.taints).toEqual([
      {key: UNREACHABLE, effect: 'NoSchedule'},
      {key: UNREACHABLE, effect: 'NoExecute', timeAdded: '2024-05-14T12:00:04Z'},
    ])
    expect(eventsOf(h.api, 'Node', 'node02')).toEqual([
      'Normal NodeNotReady (node-controller): Node node02 status is now: NodeNotReady',
    ])
    const pod = podNamed(h.api, 'web-a')
    expect(pod.status?.phase).toBe('Running')
    expect(pod.status?.conditions?.map((c) => `${c.type}=${c.status}`)).toEqual([
      'Initialized=True',
      'Ready=False',
      'ContainersReady=True',
      'PodScheduled=True',
    ])
    expect(eventsOf(h.api, 'Pod', 'web-a')).toEqual([
      'Warning NodeNotReady (node-controller): Node is not ready',
    ])
    expect(h.log).toEqual([
      'node node02: no heartbeat for 4.1s, marking NotReady',
      `node node02: tainting ${UNREACHABLE}:NoSchedule, ${UNREACHABLE}:NoExecute`,
      'node node02: marking 2 pods not ready',
    ])
  })

  it('writes nothing more while the node stays silent, until the eviction delay', async () => {
    const h = await silentNode()
    const before = h.api.store.latestResourceVersion()
    // The taint was stamped 12:00:04 (seconds), so eviction falls due at 12:00:09, 4.9 s from now.
    expect(await h.check()).toEqual({requeueAfterMs: 1_000})
    await h.advance(4_000)
    expect(await h.check()).toEqual({requeueAfterMs: 900})
    expect(h.api.store.latestResourceVersion()).toBe(before)
  })

  it('evicts the pods once the eviction delay has passed; they stay Terminating', async () => {
    const h = await silentNode()
    await h.advance(4_900)
    await h.check()
    for (const name of ['web-a', 'web-b']) {
      expect(podNamed(h.api, name).metadata.deletionTimestamp).toBe('2024-05-14T12:00:09Z')
      expect(eventsOf(h.api, 'Pod', name).at(-1)).toBe(
        `Normal TaintManagerEviction (taint-eviction-controller): Marking for deletion Pod default/${name}`,
      )
    }
    expect(h.log.at(-1)).toBe('evicting 2 pods from node02 (NotReady for 5.0s)')
    await h.advance(1_000)
    const before = h.api.store.latestResourceVersion()
    await h.check()
    expect(h.api.store.latestResourceVersion()).toBe(before)
  })

  it("respects a pod's own tolerationSeconds, and never evicts a pod that tolerates the taint for good", async () => {
    const h = nodeHarness()
    const toleration = {key: UNREACHABLE, operator: 'Exists', effect: 'NoExecute'} as const
    runningPod(h.api, 'quick', [{...toleration, tolerationSeconds: 2}])
    runningPod(h.api, 'patient', [{...toleration, tolerationSeconds: 60}])
    runningPod(h.api, 'forever', [toleration])
    runningPod(h.api, 'default')
    await h.check()
    await h.advance(4_100)
    expect(await h.check()).toEqual({requeueAfterMs: 1_000})
    const terminating = (): string[] =>
      ['quick', 'patient', 'forever', 'default'].filter((n) => podNamed(h.api, n).metadata.deletionTimestamp)
    await h.advance(1_900)
    await h.check()
    expect(terminating()).toEqual(['quick'])
    await h.advance(3_000)
    await h.check()
    expect(terminating()).toEqual(['quick', 'default'])
    await h.advance(60_000)
    await h.check()
    expect(terminating()).toEqual(['quick', 'patient', 'default'])
  })

  it('removes the taints and records NodeReady when the heartbeat resumes', async () => {
    const h = await silentNode()
    await h.advance(2_000)
    heartbeat(h.api, NODE02)
    h.informer.pump()
    expect(h.queued.has('node02')).toBe(true)
    await h.check()
    const node = node02(h.api)
    expect(node.spec?.taints).toBeUndefined()
    expect(node.status?.conditions?.[0]?.status).toBe('True')
    expect(eventsOf(h.api, 'Node', 'node02').at(-1)).toBe(
      'Normal NodeReady (kubelet): Node node02 status is now: NodeReady',
    )
    expect(h.log.at(-1)).toBe(
      `node node02: heartbeat is back after 2.1s NotReady, removing taints ${UNREACHABLE}:NoSchedule, ${UNREACHABLE}:NoExecute`,
    )
  })

  it('gives every node a full grace period after the controller starts', async () => {
    const h = nodeHarness()
    await h.advance(60_000)
    await h.check()
    expect(node02(h.api).spec?.taints).toBeUndefined()
    await h.advance(4_100)
    await h.check()
    expect(node02(h.api).spec?.taints?.map((t) => t.effect)).toEqual(['NoSchedule', 'NoExecute'])
  })

  it('retries when a heartbeat lands between its read and its write', async () => {
    const h = nodeHarness()
    await h.check()
    await h.advance(4_100)
    h.informer.pump()
    heartbeat(h.api, NODE02)
    // The cached node is older than the stored one: the status write is refused with a Conflict.
    expect(() => h.controller.sync('node02')).toThrow(/Operation cannot be fulfilled on nodes "node02"/)
    const before = h.api.store.latestResourceVersion()
    await h.check()
    expect(h.api.store.latestResourceVersion()).toBe(before)
    expect(node02(h.api).status?.conditions?.[0]?.status).toBe('True')
  })

  it('queues a node that is not Ready when one of its pods changes', async () => {
    const h = await silentNode()
    h.queued.clear()
    runningPod(h.api, 'late')
    h.informer.pump()
    expect([...h.queued]).toEqual(['node02'])
  })

  it('forgets a node that was deleted', async () => {
    const h = nodeHarness()
    h.api.delete(mustTypeForKind('Node'), '', 'node02')
    expect(await h.check()).toBeUndefined()
  })
})

describe('node lifecycle timings', () => {
  it('offers Kubernetes defaults and a classroom profile', () => {
    expect(KUBERNETES_TIMINGS).toEqual({
      monitorPeriodMs: 5_000,
      gracePeriodMs: 50_000,
      evictionDelayMs: 300_000,
    })
    expect(CLASSROOM_TIMINGS).toEqual({monitorPeriodMs: 1_000, gracePeriodMs: 4_000, evictionDelayMs: 5_000})
    expect(NODE_LIFECYCLE_TIMINGS).toEqual({classroom: CLASSROOM_TIMINGS, kubernetes: KUBERNETES_TIMINGS})
  })

  it('follows the Kubernetes profile when given it', async () => {
    const h = nodeHarness(KUBERNETES_TIMINGS)
    runningPod(h.api, 'web-a')
    await h.check()
    await h.advance(50_000)
    expect(await h.check()).toEqual({requeueAfterMs: 5_000})
    expect(node02(h.api).spec?.taints).toBeUndefined()
    await h.advance(5_000)
    await h.check()
    await h.advance(299_000)
    await h.check()
    expect(podNamed(h.api, 'web-a').metadata.deletionTimestamp).toBeUndefined()
    await h.advance(1_000)
    await h.check()
    expect(podNamed(h.api, 'web-a').metadata.deletionTimestamp).toBe('2024-05-14T12:05:55Z')
  })
})
