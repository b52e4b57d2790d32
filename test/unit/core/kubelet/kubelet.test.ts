import {describe, expect, it} from 'vitest'
import type {Pod} from '../../../../src/core/api/types.js'
import {HOST_PORTS_ANNOTATION, hostPortFor} from '../../../../src/core/kubelet/host-ports.js'
import type {ProbeOutcome} from '../../../../src/core/kubelet/probes.js'
import {DEMO, kubeletHarness, podManifest, POD} from './support/harness.js'

const KEY = 'default/web'

describe('Kubelet.sync', () => {
  it('runs a new pod: volume, infra container, app container, then status and events', async () => {
    const h = kubeletHarness()
    const volumeMounts = [{name: 'cache', mountPath: '/cache'}]
    h.create(
      podManifest(
        'web',
        {volumes: [{name: 'cache', emptyDir: {}}]},
        {ports: [{containerPort: 8080}], volumeMounts},
      ),
    )
    await h.kubelet.sync(KEY)
    expect(h.runtime.log('createVolume', 'runContainer')).toEqual([
      'create-volume tug_a1b2c3d4-0000-4000-8000-000000000005_cache',
      'run tug_default_web_POD_a1b2c3d4_0',
      'run tug_default_web_app_a1b2c3d4_0',
    ])
    const infra = h.runtime.byName('tug_default_web_POD')
    const app = h.runtime.byName('tug_default_web_app')
    expect(infra?.spec).toMatchObject({hostname: 'web', publish: [{containerPort: 8080, protocol: 'tcp'}]})
    expect(app?.spec).toMatchObject({networkOf: infra?.id, mounts: [{path: '/cache'}]})
    const pod = h.pod('web')
    expect(pod?.status).toMatchObject({phase: 'Running', podIP: infra?.ip, hostIP: '127.0.0.1'})
    expect(pod?.status?.containerStatuses?.[0]).toMatchObject({ready: true, restartCount: 0, started: true})
    expect(pod?.metadata.annotations?.[HOST_PORTS_ANNOTATION]).toBeDefined()
    expect(pod && hostPortFor(pod, 8080)).toBe(infra?.ports[0]?.hostPort)
    expect(h.events('web')).toEqual([
      `Normal Pulled Container image "${DEMO}" already present on machine`,
      'Normal Created Created container app',
      'Normal Started Started container app',
    ])
    expect(h.logs).toContain('kubelet/node01: pod web: started container app')
  })

  it('reads the infra container before starting an app that needs the pod IP, and only then', async () => {
    const h = kubeletHarness()
    const env = [{name: 'POD_IP', valueFrom: {fieldRef: {fieldPath: 'status.podIP'}}}]
    h.create(podManifest('web', {}, {env}))
    h.create(podManifest('plain'))
    await h.kubelet.sync(KEY)
    await h.kubelet.sync('default/plain')
    const infra = h.runtime.byName('tug_default_web_POD')
    expect(h.runtime.byName('tug_default_web_app')?.spec?.env).toEqual({POD_IP: infra?.ip})
    expect(h.runtime.log('runContainer', 'inspectContainers')).toEqual([
      'run tug_default_web_POD_a1b2c3d4_0',
      'inspect tug_default_web_POD_a1b2c3d4_0',
      'run tug_default_web_app_a1b2c3d4_0',
      'run tug_default_plain_POD_a1b2c3d4_0',
      'run tug_default_plain_app_a1b2c3d4_0',
    ])
  })

  it('does nothing to the runtime when converged', async () => {
    const h = kubeletHarness()
    h.create(podManifest('web'))
    await h.kubelet.sync(KEY)
    const before = h.runtime.calls.length
    const resourceVersion = h.pod('web')?.metadata.resourceVersion
    await h.kubelet.sync(KEY)
    expect(h.runtime.log().slice(before)).toEqual(['list node=node01,pod.namespace=default,pod.name=web'])
    expect(h.pod('web')?.metadata.resourceVersion).toBe(resourceVersion)
  })

  it.each([
    ['Always', 0, 2],
    ['OnFailure', 1, 2],
    ['OnFailure', 0, 1],
    ['Never', 1, 1],
  ] as const)(
    'under %s, exit code %i leaves %i run(s) of the container',
    async (restartPolicy, exitCode, runs) => {
      const h = kubeletHarness()
      h.create(podManifest('web', {restartPolicy}))
      await h.kubelet.sync(KEY)
      h.runtime.exit(h.runtime.byContainer('app')[0]?.id ?? '', exitCode)
      await h.kubelet.sync(KEY)
      expect(h.runtime.byContainer('app')).toHaveLength(runs)
    },
  )

  it('writes the status it found before acting, so a crash shows Error before the restart', async () => {
    const h = kubeletHarness()
    h.create(podManifest('web'))
    await h.kubelet.sync(KEY)
    const after = h.api.store.latestResourceVersion()
    h.runtime.exit(h.runtime.byContainer('app')[0]?.id ?? '', 1)
    await h.kubelet.sync(KEY)
    const states = h.api.store
      .changesSince(after)
      .filter((change) => change.object.kind === 'Pod')
      .map((change) => (change.object as Pod).status?.containerStatuses?.[0]?.state)
      .map((state) => state?.terminated?.reason ?? (state?.running ? 'Running' : state?.waiting?.reason))
    expect(states).toEqual(['Error', 'Running'])
  })

  it('walks a crash loop: Error, then CrashLoopBackOff with growing delays', async () => {
    const h = kubeletHarness()
    h.create(podManifest('web'))
    await h.kubelet.sync(KEY)
    const crash = async (): Promise<string> => {
      h.runtime.exit(h.runtime.byContainer('app')[0]?.id ?? '', 1)
      await h.kubelet.sync(KEY)
      const state = h.pod('web')?.status?.containerStatuses?.[0]?.state
      return state?.waiting?.message ?? (state?.running ? 'running' : '')
    }
    expect(await crash()).toBe('running') // the first crash restarts at once
    const seen: string[] = []
    for (const delay of [10, 20, 40]) {
      seen.push(await crash())
      await h.clock.advance(delay * 1000)
      await h.kubelet.sync(KEY)
    }
    const uid = h.pod('web')?.metadata.uid ?? ''
    expect(seen).toEqual(
      [10, 20, 40].map((s) => `back-off ${s}s restarting failed container=app pod=web_default(${uid})`),
    )
    expect(h.pod('web')?.status?.containerStatuses?.[0]).toMatchObject({
      restartCount: 4,
      state: {running: {}},
    })
    expect(h.events('web')).toContain(
      `Warning BackOff Back-off restarting failed container app in pod web_default(${uid}) (x3)`,
    )
    expect(h.logs).toContain('kubelet/node01: pod web: container app exited with code 1, restarting in 20s')
  })

  it('reports ErrImagePull, then ImagePullBackOff until the back-off ends', async () => {
    const h = kubeletHarness()
    h.runtime.unpullable.add('nope:1')
    h.create(podManifest('web', {}, {image: 'nope:1'}))
    await h.kubelet.sync(KEY)
    expect(h.pod('web')?.status?.containerStatuses?.[0]?.state?.waiting?.reason).toBe('ErrImagePull')
    await h.kubelet.sync(KEY)
    expect(h.pod('web')?.status?.containerStatuses?.[0]?.state?.waiting).toEqual({
      reason: 'ImagePullBackOff',
      message: 'Back-off pulling image "nope:1"',
    })
    expect(h.events('web')).toEqual([
      'Normal Pulling Pulling image "nope:1"',
      'Warning Failed Failed to pull image "nope:1": pull access denied for nope, repository does not exist',
      'Warning Failed Error: ErrImagePull',
      'Normal BackOff Back-off pulling image "nope:1"',
      'Warning Failed Error: ImagePullBackOff',
    ])
    expect(h.kubelet.queue.scheduled().get(KEY)).toBe(h.clock.now() + 10_000)
  })

  it('refuses to pull under imagePullPolicy Never', async () => {
    const h = kubeletHarness()
    h.create(podManifest('web', {}, {image: 'absent:1', imagePullPolicy: 'Never'}))
    await h.kubelet.sync(KEY)
    expect(h.pod('web')?.status?.containerStatuses?.[0]?.state?.waiting).toEqual({
      reason: 'ErrImageNeverPull',
      message: 'Container image "absent:1" is not present with pull policy of Never',
    })
    expect(h.runtime.log('pullImage')).toEqual([])
  })

  it('pulls an image the engine lacks and reports how long it took', async () => {
    const h = kubeletHarness()
    h.create(podManifest('web', {}, {image: 'nginx:1.25'}))
    await h.kubelet.sync(KEY)
    expect(h.events('web').slice(0, 2)).toEqual([
      'Normal Pulling Pulling image "nginx:1.25"',
      'Normal Pulled Successfully pulled image "nginx:1.25" in 0s (0s including waiting)',
    ])
  })

  it('stops apps, then infra, then removes containers and volumes, and finally the pod object', async () => {
    const h = kubeletHarness()
    h.create(podManifest('web', {volumes: [{name: 'cache', emptyDir: {}}]}))
    await h.kubelet.sync(KEY)
    const order: string[] = []
    const remove = h.api.delete.bind(h.api)
    h.api.delete = (...args) => {
      order.push('delete-object')
      return remove(...args)
    }
    h.api.delete(POD, 'default', 'web')
    order.length = 0
    const before = h.runtime.calls.length
    await h.clock.advance(5_000)
    await h.kubelet.sync(KEY)
    order.unshift(
      ...h.runtime
        .log()
        .slice(before)
        .filter((line) => !line.startsWith('list')),
    )
    expect(order).toEqual([
      'stop tug_default_web_app_a1b2c3d4_0 25',
      'stop tug_default_web_POD_a1b2c3d4_0 0',
      'remove tug_default_web_app_a1b2c3d4_0',
      'remove tug_default_web_POD_a1b2c3d4_0',
      'remove-volume tug_a1b2c3d4-0000-4000-8000-000000000005_cache',
      'delete-object',
    ])
    expect(h.pod('web')).toBeUndefined()
    expect(h.events('web')).toContain('Normal Killing Stopping container app')
  })

  it('adopts its containers after a restart without starting duplicates', async () => {
    const h = kubeletHarness()
    h.create(
      podManifest('web', {
        containers: [
          {name: 'a', image: DEMO},
          {name: 'b', image: DEMO},
        ],
      }),
    )
    await h.kubelet.sync(KEY)
    const restarted = h.newKubelet()
    await restarted.sync(KEY)
    expect(h.runtime.log('runContainer')).toHaveLength(3)
    expect([...h.runtime.containers.values()].filter((c) => c.state === 'running')).toHaveLength(3)
  })

  it('removes the containers and volumes of a pod deleted while it was away', async () => {
    const h = kubeletHarness()
    h.create(podManifest('web', {volumes: [{name: 'cache', emptyDir: {}}]}))
    await h.kubelet.sync(KEY)
    h.api.delete(POD, 'default', 'web', {gracePeriodSeconds: 0})
    await h.newKubelet().sync(KEY)
    expect(h.runtime.containers.size).toBe(0)
    expect(h.runtime.volumes.size).toBe(0)
  })

  it('fails the sync when the sandbox cannot start, and succeeds on a later one', async () => {
    const h = kubeletHarness()
    h.create(podManifest('web'))
    h.runtime.fail('runContainer', 'Error response from daemon: no space left on device', 2)
    await expect(h.kubelet.sync(KEY)).rejects.toThrow('no space left on device')
    expect(h.events('web')).toContain(
      'Warning FailedCreatePodSandBox Failed to create pod sandbox: Error response from daemon: no space left on device',
    )
    await h.kubelet.sync(KEY).catch(() => undefined)
    await h.kubelet.sync(KEY)
    expect(h.pod('web')?.status?.phase).toBe('Running')
  })

  it('shows RunContainerError for a container the engine cannot run', async () => {
    const h = kubeletHarness()
    h.create(podManifest('web'))
    await h.kubelet.sync(KEY) // sandbox and app run
    h.runtime.exit(h.runtime.byContainer('app')[0]?.id ?? '', 1)
    h.runtime.fail('runContainer', 'exec: "nope": executable file not found in $PATH')
    await expect(h.kubelet.sync(KEY)).rejects.toThrow('executable file not found')
    expect(h.pod('web')?.status?.containerStatuses?.[0]?.state?.waiting).toEqual({
      reason: 'RunContainerError',
      message: 'exec: "nope": executable file not found in $PATH',
    })
  })

  it('restarts a container that fails its liveness probe three times', async () => {
    const outcomes: ProbeOutcome[] = []
    const h = kubeletHarness({
      runProbe: () => Promise.resolve(outcomes.shift() ?? {result: 'success', output: ''}),
    })
    h.create(
      podManifest('web', {}, {livenessProbe: {httpGet: {path: '/healthz', port: 8080}, periodSeconds: 10}}),
    )
    await h.kubelet.sync(KEY)
    const failure = {result: 'failure', output: 'HTTP probe failed with statuscode: 500'} as const
    outcomes.push(failure, failure, failure)
    // Probes run at 0 s, 10 s and 20 s: the third failure in a row fails the container.
    await h.clock.advance(15_000)
    expect(h.kubelet.queue.waiting()).toEqual([])
    await h.clock.advance(10_000)
    expect(h.kubelet.queue.waiting()).toEqual([KEY])
    await h.kubelet.sync(KEY)
    expect(h.events('web')).toEqual(
      expect.arrayContaining([
        'Warning Unhealthy Liveness probe failed: HTTP probe failed with statuscode: 500 (x3)',
        'Normal Killing Container app failed liveness probe, will be restarted',
      ]),
    )
    expect(h.pod('web')?.status?.containerStatuses?.[0]).toMatchObject({
      restartCount: 1,
      state: {running: {}},
      lastState: {terminated: {exitCode: 143, reason: 'Error'}},
    })
  })

  it('flips ready with the readiness probe', async () => {
    let result: ProbeOutcome['result'] = 'success'
    const h = kubeletHarness({runProbe: () => Promise.resolve({result, output: 'not yet'})})
    h.create(
      podManifest(
        'web',
        {},
        {readinessProbe: {exec: {command: ['cat', '/ready']}, periodSeconds: 5, failureThreshold: 1}},
      ),
    )
    await h.kubelet.sync(KEY)
    const ready = () => h.pod('web')?.status?.containerStatuses?.[0]?.ready
    expect(ready()).toBe(false)
    await h.clock.advance(0)
    await h.kubelet.sync(KEY)
    expect(ready()).toBe(true)
    result = 'failure'
    await h.clock.advance(5_000)
    await h.kubelet.sync(KEY)
    expect(ready()).toBe(false)
    expect(h.pod('web')?.status?.conditions?.find((c) => c.type === 'Ready')?.message).toBe(
      'containers with unready status: [app]',
    )
    expect(h.events('web')).toContain('Warning Unhealthy Readiness probe failed: not yet')
  })
})
