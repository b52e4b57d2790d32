/**
 * The control plane on real docker and podman: `tug up`'s components in the test process (support/
 * control-plane-cluster.ts) with a control-plane node and two workers, classroom timings. ReplicaSets heal
 * and scale, a ReplicationController adopts hand-made pods, deletes cascade, and a restarted control plane
 * adopts what runs without creating duplicates.
 */
import {describe, expect, it} from 'vitest'
import {mustTypeForKind} from '../../src/core/api/resources.js'
import type {KubeObject, Node} from '../../src/core/api/types.js'
import {startNodes, stopNodes} from '../../src/core/nodes/simulated-failure.js'
import {LABELS} from '../../src/core/runtime/container-runtime.js'
import type {StoredPod, ControlPlaneCluster} from '../support/control-plane-cluster.js'
import {POD, useControlPlaneCluster} from '../support/control-plane-cluster.js'
import {probeEngines, reportMissingEngines} from '../support/engines.js'
import {runEngine} from '../support/kubelet-cluster.js'
import {waitFor} from '../support/wait-for.js'

const RS = mustTypeForKind('ReplicaSet')
const RC = mustTypeForKind('ReplicationController')
const NODE = mustTypeForKind('Node')

const {available, missing} = await probeEngines()
reportMissingEngines(missing, 'control plane integration tests')

/** `name node phase [terminating]`, for a failed wait's report. */
function describePod(pod: StoredPod): string {
  return `${pod.metadata.name} ${pod.spec.nodeName} ${pod.status?.phase}${pod.metadata.deletionTimestamp ? ' terminating' : ''}`
}

/** A pod template of the demo image that stops at once on SIGTERM. */
function template(labels: Record<string, string>) {
  return {
    metadata: {labels},
    spec: {
      terminationGracePeriodSeconds: 2,
      containers: [{name: 'web', image: 'tugboat/demo:v1', imagePullPolicy: 'Never'}],
    },
  }
}

function replicaSet(name: string, replicas: number): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {name},
    spec: {replicas, selector: {matchLabels: {app: name}}, template: template({app: name})},
  }
}

describe.each(available)('the control plane on %s', (engine) => {
  let cluster: ControlPlaneCluster

  useControlPlaneCluster(engine, (made) => (cluster = made))

  /** Whether the node's heartbeat is newer than `ms` (epoch). */
  const heartbeatAfter = (node: string, ms: number) => {
    const ready = (cluster.api.find(NODE, '', node) as Node | undefined)?.status?.conditions?.find(
      (c) => c.type === 'Ready',
    )
    return ready?.lastHeartbeatTime !== undefined && Date.parse(ready.lastHeartbeatTime) >= ms
  }

  /** Waits until exactly `count` pods of `app` are Running and Ready, and no others exist. */
  const converged = (app: string, count: number, ms = 60_000) =>
    waitFor(
      () => {
        const all = cluster.pods(`app=${app}`)
        const ready = cluster.readyPods(`app=${app}`)
        return all.length === count && ready.length === count ? ready : undefined
      },
      ms,
      {
        what: `${count} ready pods of ${app}`,
        last: () =>
          cluster.pods(`app=${app}`).map((p) => `${p.metadata.name} ${p.spec.nodeName} ${p.status?.phase}`),
      },
    )

  it('runs a ReplicaSet of 3 on the workers, spread, and heals a deleted pod', async () => {
    cluster.create(replicaSet('heal', 3))
    const first = await converged('heal', 3)
    const nodes = first.map((pod) => pod.spec.nodeName)
    expect(nodes).not.toContain(cluster.controlPlaneNode)
    expect(new Set(nodes).size).toBe(2)
    const victim = first[0]?.metadata.name ?? ''
    cluster.api.delete(POD, 'default', victim)
    const healed = await waitFor(
      () => {
        const ready = cluster.readyPods('app=heal')
        return ready.length === 3 && !ready.some((p) => p.metadata.name === victim) ? ready : undefined
      },
      60_000,
      {what: 'a replacement for the deleted pod'},
    )
    expect(healed).toHaveLength(3)
    await converged('heal', 3)
  }, 120_000)

  it('restarts a container killed behind its back, in the same pod', async () => {
    const [pod] = await converged('heal', 3)
    const name = pod?.metadata.name ?? ''
    const id = pod?.status?.containerStatuses?.[0]?.containerID?.replace(/^[a-z]+:\/\//, '') ?? ''
    await runEngine(engine, ['kill', '--', id])
    await waitFor(
      () => {
        const now = cluster.api.find(POD, 'default', name) as typeof pod
        const status = now?.status?.containerStatuses?.[0]
        return status?.restartCount === 1 && status.ready ? true : undefined
      },
      60_000,
      {what: `pod ${name} restarted once and ready`},
    )
    expect(cluster.pods('app=heal').map((p) => p.metadata.name)).toContain(name)
  }, 120_000)

  it('scales 3 -> 6 -> 2', async () => {
    const scale = (replicas: number) => {
      const live = cluster.api.get(RS, 'default', 'heal')
      cluster.api.update({...live, spec: {...(live.spec as object), replicas}})
    }
    scale(6)
    await converged('heal', 6)
    scale(2)
    await converged('heal', 2)
    const status = () =>
      cluster.api.get(RS, 'default', 'heal').status as {replicas?: number; readyReplicas?: number}
    await waitFor(
      () => (status().replicas === 2 && status().readyReplicas === 2 ? true : undefined),
      10_000,
      {
        what: 'status.replicas and readyReplicas of 2',
        last: status,
      },
    )
  }, 180_000)

  it('has a ReplicationController adopt matching hand-made pods', async () => {
    for (const name of ['hand-1', 'hand-2'])
      cluster.create({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {name, labels: {app: 'adopt'}},
        spec: template({}).spec,
      })
    await converged('adopt', 2)
    cluster.create({
      apiVersion: 'v1',
      kind: 'ReplicationController',
      metadata: {name: 'adopt'},
      spec: {replicas: 3, selector: {app: 'adopt'}, template: template({app: 'adopt'})},
    })
    const pods = await converged('adopt', 3)
    const rc = cluster.api.get(RC, 'default', 'adopt')
    expect(pods.map((p) => p.metadata.name)).toEqual(expect.arrayContaining(['hand-1', 'hand-2']))
    for (const pod of pods) expect(pod.metadata.ownerReferences?.[0]?.uid).toBe(rc.metadata.uid)
  }, 120_000)

  it('cascades deletes: orphan keeps the pods, background removes them', async () => {
    cluster.api.delete(RC, 'default', 'adopt', {cascade: 'orphan'})
    await waitFor(() => (cluster.api.find(RC, 'default', 'adopt') ? undefined : true), 30_000, {
      what: 'the RC gone',
    })
    const orphans = cluster.pods('app=adopt')
    expect(orphans).toHaveLength(3)
    for (const pod of orphans) expect(pod.metadata.ownerReferences ?? []).toEqual([])
    cluster.api.delete(RS, 'default', 'heal')
    await waitFor(() => (cluster.pods('app=heal').length === 0 ? true : undefined), 60_000, {
      what: 'the pods of heal gone',
    })
    await waitFor(
      async () =>
        (await cluster.containers()).some((c) => c.labels['io.tugboat.pod.name']?.startsWith('heal-'))
          ? undefined
          : true,
      30_000,
      {what: 'their containers removed'},
    )
  }, 120_000)

  it('moves the pods of a stopped node to a healthy one, and cleans up when the node comes back', async () => {
    const [lost, kept] = cluster.workers as [string, string]
    cluster.create(replicaSet('move', 4))
    const before = await converged('move', 4)
    const stranded = before.filter((pod) => pod.spec.nodeName === lost).map((pod) => pod.metadata.name)
    expect(stranded.length).toBeGreaterThan(0)
    stopNodes(cluster.api, {names: [lost], usage: 'node stop NODE'})
    // NotReady after the 4 s grace, eviction 5 s later: replacements run on the other worker, while the
    // evicted pods stay Terminating because their kubelet is down.
    const moved = await waitFor(
      () => {
        const ready = cluster.readyPods('app=move')
        return ready.length === 4 && ready.every((pod) => pod.spec.nodeName === kept) ? ready : undefined
      },
      60_000,
      {what: `4 ready pods of move on ${kept}`, last: () => cluster.pods('app=move').map(describePod)},
    )
    expect(moved.map((pod) => pod.metadata.name)).not.toEqual(expect.arrayContaining(stranded))
    const node = cluster.api.get(NODE, '', lost) as Node
    expect(node.status?.conditions?.find((c) => c.type === 'Ready')?.status).toBe('Unknown')
    expect(
      cluster
        .pods('app=move')
        .filter((p) => p.metadata.deletionTimestamp)
        .map((p) => p.metadata.name)
        .sort(),
    ).toEqual([...stranded].sort())
    const lostContainers = await cluster.runtime.listContainers({[LABELS.node]: lost})
    expect(lostContainers.filter((c) => c.state === 'running')).toEqual([])

    startNodes(cluster.api, {names: [lost], usage: 'node start NODE'})
    await converged('move', 4)
    await waitFor(
      async () =>
        (await cluster.runtime.listContainers({[LABELS.node]: lost})).length === 0 ? true : undefined,
      30_000,
      {what: `the containers of the evicted pods removed from ${lost}`},
    )
    expect((cluster.api.get(NODE, '', lost) as Node).spec?.taints ?? []).toEqual([])
  }, 120_000)

  it('adopts its running pods after a restart without creating any', async () => {
    cluster.create(replicaSet('restart', 2))
    const before = (await converged('restart', 2)).map((p) => p.metadata.uid).sort()
    const restartedAt = Date.now()
    await cluster.restart()
    // Once every node has beaten twice since the restart, the controllers have long seen the pods.
    await waitFor(
      () => (cluster.workers.every((node) => heartbeatAfter(node, restartedAt + 1000)) ? true : undefined),
      20_000,
      {
        what: 'two heartbeats from every worker',
      },
    )
    const after = (await converged('restart', 2)).map((p) => p.metadata.uid).sort()
    expect(after).toEqual(before)
  }, 120_000)
})
