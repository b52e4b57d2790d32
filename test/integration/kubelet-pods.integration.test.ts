/**
 * The kubelet on real docker and podman, part one: what a running pod is. A Kubelet runs in the test process
 * over a temporary store and the real engine (classroom back-off); pods are bound by spec.nodeName to a node
 * named for this run and test. The host reaches pods only on 127.0.0.1, through the host ports the kubelet
 * records in the `tugboat.io/host-ports` annotation. A container Tugboat did not create sits beside them all
 * along and must come through untouched.
 */
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest'
import {hostPortFor} from '../../src/core/kubelet/host-ports.js'
import {LABELS} from '../../src/core/runtime/container-runtime.js'
import {ensureImages, probeEngines, reportMissingEngines} from '../support/engines.js'
import {ForeignContainer, type ForeignState} from '../support/foreign-container.js'
import {fetchStatus, fetchText} from '../support/http.js'
import {demoContainer, IDLE, KubeletCluster, POD, shellContainer} from '../support/kubelet-cluster.js'
import type {TestNode} from '../support/kubelet-cluster.js'
import {waitFor} from '../support/wait-for.js'

const {available, missing} = await probeEngines()
reportMissingEngines(missing, 'kubelet integration tests (pods)')

describe.each(available)('the kubelet on %s: pods', (engine) => {
  let cluster: KubeletCluster
  let foreign: ForeignContainer
  let foreignAtStart: ForeignState

  beforeAll(async () => {
    cluster = new KubeletCluster(engine)
    await ensureImages(cluster.runtime)
    foreign = new ForeignContainer(engine, cluster.foreignName('foreign'))
    foreignAtStart = await foreign.start()
  }, 200_000)

  afterEach(() => cluster.stopNodes(), 60_000)

  afterAll(async () => {
    await foreign?.remove()
    await cluster?.cleanup()
  }, 60_000)

  /** Waits until the pod shows `summary` (`2/2 Running 0`). */
  const settle = (node: TestNode, pod: string, summary: string, ms = 20_000) =>
    waitFor(() => (node.summary(pod) === summary ? true : undefined), ms, {
      what: `pod ${pod} at "${summary}"`,
      last: () => node.summary(pod),
    })

  /** `http://127.0.0.1:<host port>`, from the pod's host-ports annotation. */
  const baseUrl = (node: TestNode, pod: string, port: number): string => {
    const live = node.pod(pod)
    const hostPort = live && hostPortFor(live, port)
    if (!hostPort) throw new Error(`pod ${pod} has no host port for ${port}`)
    return `http://127.0.0.1:${hostPort}`
  }

  it('runs a two-container pod whose containers share localhost, an emptyDir and the pod name', async () => {
    const node = cluster.startNode('duo')
    node.create('duo', {
      terminationGracePeriodSeconds: 2,
      volumes: [{name: 'shared', emptyDir: {}}],
      containers: [
        // httpd serves /www, so what lands in the emptyDir is readable over HTTP from the app container.
        demoContainer('app', {
          ports: [{containerPort: 8080}],
          volumeMounts: [{name: 'shared', mountPath: '/www/shared'}],
        }),
        shellContainer(
          'helper',
          'until wget -q -O /data/part http://localhost:8080/; do sleep 0.2; done; ' +
            `mv /data/part /data/seen-by-helper; ${IDLE}`,
          {volumeMounts: [{name: 'shared', mountPath: '/data'}]},
        ),
      ],
    })
    await settle(node, 'duo', '2/2 Running 0')
    const url = baseUrl(node, 'duo', 8080)
    expect(await fetchText(`${url}/`)).toBe('tugboat demo v1 on duo\n')
    const fromHelper = await waitFor(
      async () => ((await fetchStatus(`${url}/shared/seen-by-helper`)) === 200 ? true : undefined),
      10_000,
      {what: 'the helper to write into the emptyDir', everyMs: 200},
    )
    expect(fromHelper).toBe(true)
    expect(await fetchText(`${url}/shared/seen-by-helper`)).toBe('tugboat demo v1 on duo\n')
    const pod = node.pod('duo')
    expect(pod?.status?.phase).toBe('Running')
    expect(pod?.status?.podIP).toMatch(/^\d+\.\d+\.\d+\.\d+$/)
    expect(pod?.status?.containerStatuses?.map((s) => [s.name, s.ready, s.restartCount])).toEqual([
      ['app', true, 0],
      ['helper', true, 0],
    ])
    const containers = await node.containers('duo')
    expect(containers.filter((c) => c.state === 'running')).toHaveLength(3)
    expect(await node.volumes()).toHaveLength(1)
  }, 60_000)

  it('keeps a pod whose readiness probe fails at READY 0/1 and makes one whose probe passes ready', async () => {
    const node = cluster.startNode('ready')
    const readinessProbe = {httpGet: {path: '/healthz', port: 8080}, periodSeconds: 1}
    node.create('unready', {
      terminationGracePeriodSeconds: 1,
      containers: [demoContainer('app', {image: 'tugboat/demo:unready', readinessProbe})],
    })
    node.create('ready', {
      terminationGracePeriodSeconds: 1,
      containers: [demoContainer('app', {readinessProbe})],
    })
    await settle(node, 'ready', '1/1 Running 0')
    expect(node.pod('ready')?.status?.conditions?.find((c) => c.type === 'Ready')?.status).toBe('True')
    // Two failed probes in a row, and still unready: it is the probe holding it back, not a slow start.
    await waitFor(
      () =>
        node.eventCount(
          'unready',
          'Unhealthy Readiness probe failed: HTTP probe failed with statuscode: 404',
        ) >= 2
          ? true
          : undefined,
      15_000,
      {what: 'two failed readiness probes', last: () => node.events('unready')},
    )
    expect(node.summary('unready')).toBe('0/1 Running 0')
    expect(node.pod('unready')?.status?.conditions?.find((c) => c.type === 'Ready')).toMatchObject({
      status: 'False',
      reason: 'ContainersNotReady',
      message: 'containers with unready status: [app]',
    })
    // Unready is not down: the server answers, only its health endpoint fails.
    const url = baseUrl(node, 'unready', 8080)
    expect(await fetchText(`${url}/`)).toBe('tugboat demo unready on unready\n')
    expect(await fetchStatus(`${url}/healthz`)).toBe(404)
  }, 60_000)

  it('deletes a pod gracefully: Terminating, its containers stopped within the grace period, then all gone', async () => {
    const node = cluster.startNode('delete')
    node.create('doomed', {
      terminationGracePeriodSeconds: 2,
      volumes: [{name: 'scratch', emptyDir: {}}],
      containers: [
        demoContainer('app', {volumeMounts: [{name: 'scratch', mountPath: '/scratch'}]}),
        // Ignores SIGTERM: only the SIGKILL at the end of the grace period stops it.
        demoContainer('stubborn', {
          command: ['/bin/sh', '-c'],
          args: ["trap '' TERM; while :; do sleep 1; done"],
        }),
      ],
    })
    await settle(node, 'doomed', '2/2 Running 0')
    expect(await node.containers('doomed')).toHaveLength(3)
    expect(await node.volumes()).toHaveLength(1)
    const history = node.follow('doomed')
    const engineEvents = node.watchEngine()
    const deletedAt = Date.now()
    cluster.api.delete(POD, 'default', 'doomed')
    expect(node.summary('doomed')).toBe('2/2 Terminating 0')
    await waitFor(() => (node.pod('doomed') ? undefined : true), 20_000, {
      what: 'the pod object to go',
      last: () => node.summary('doomed'),
    })
    const gone = Date.now() - deletedAt
    // When each container's process ended, by the engine's clock ("die" events; podman's come late).
    const died = await waitFor(
      () => {
        const times = new Map(
          engineEvents.events
            .filter((event) => event.type === 'die')
            .map((event) => [event.labels[LABELS.container], event.time - deletedAt]),
        )
        return times.size === 3 ? times : undefined
      },
      5_000,
      {what: 'a die event for each container', last: () => engineEvents.events},
    ).finally(() => engineEvents.stop())
    console.info(
      `[${engine}] graceful deletion (grace 2s): containers ended after ${[...died].map(([c, ms]) => `${c} ${ms} ms`).join(', ')}; pod gone after ${gone} ms`,
    )
    // app honours SIGTERM at once; stubborn ignores it and holds out until the SIGKILL at the end of the
    // grace period; the infra container goes last. The slack is the kubelet's and the engine's reaction
    // time on a busy machine: the grace counts from the deletion request, as the kubelet measures it.
    expect(died.get('app')).toBeLessThan(2_000)
    expect(died.get('stubborn')).toBeGreaterThan(1_000)
    expect(died.get('stubborn')).toBeLessThan(2_000 + 2_500)
    expect(died.get('POD')).toBeGreaterThanOrEqual(died.get('stubborn') ?? Infinity)
    expect(await node.containers()).toEqual([])
    expect(await node.volumes()).toEqual([])
    expect(history.statuses()).toEqual(['Terminating', 'gone'])
    expect(node.events('doomed')).toEqual(
      expect.arrayContaining(['Killing Stopping container app', 'Killing Stopping container stubborn']),
    )
  }, 60_000)

  it('never touches a container it did not create', async () => {
    expect(await foreign.state()).toEqual({...foreignAtStart, running: true})
  }, 60_000)
})
