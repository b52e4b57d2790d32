/**
 * The kubelet on real docker and podman, part two: when things go wrong. Crash loops with growing back-off,
 * images that cannot be had, containers killed behind Tugboat's back with the engine's own CLI, and the
 * kubelet itself restarted while its pods run. Same set-up as part one: an in-process Kubelet per test node
 * over a temporary store, the classroom back-off (1 s doubling to 20 s), and a foreign container that must
 * come through untouched.
 */
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest'
import type {ContainerInfo} from '../../src/core/runtime/container-runtime.js'
import {LABELS} from '../../src/core/runtime/container-runtime.js'
import {hostPortFor} from '../../src/core/kubelet/host-ports.js'
import {ensureImages, probeEngines, reportMissingEngines} from '../support/engines.js'
import {ForeignContainer, type ForeignState} from '../support/foreign-container.js'
import {fetchText} from '../support/http.js'
import {demoContainer, IDLE, KubeletCluster, runEngine, shellContainer} from '../support/kubelet-cluster.js'
import type {TestNode} from '../support/kubelet-cluster.js'
import {waitFor} from '../support/wait-for.js'

const {available, missing} = await probeEngines()
reportMissingEngines(missing, 'kubelet integration tests (restarts)')

describe.each(available)('the kubelet on %s: restarts', (engine) => {
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

  /** Waits until `check` holds for the pod, showing its summary if it never does. */
  const until = (node: TestNode, pod: string, what: string, check: () => boolean, ms = 20_000) =>
    waitFor(() => (check() ? true : undefined), ms, {
      what: `pod ${pod}: ${what}`,
      last: () => node.summary(pod),
    })

  /** `docker kill` / `podman kill` of a pod's container, as someone at the terminal would. */
  const killBehindTheBack = (id: string | undefined) => {
    if (!id) throw new Error('no container to kill')
    return runEngine(engine, ['kill', '--', id])
  }

  it('walks a crashing container through Error and CrashLoopBackOff with growing delays', async () => {
    const node = cluster.startNode('crash')
    const history = node.follow('crashy')
    node.create('crashy', {
      terminationGracePeriodSeconds: 1,
      containers: [demoContainer('app', {image: 'tugboat/demo:crash'})],
    })
    // Runs are garbage-collected beyond the last two, so each is noted while it is still there.
    const runs = new Map<number, ContainerInfo>()
    await waitFor(
      async () => {
        for (const run of await node.containers('crashy'))
          if (run.labels[LABELS.role] === 'app') runs.set(Number(run.labels[LABELS.attempt]), run)
        const counted = node.containerStatus('crashy', 'app')?.restartCount ?? 0
        return runs.get(4)?.startedAt && counted >= 4 ? true : undefined
      },
      40_000,
      {what: 'the fifth run of the crashing container', last: () => history.read(), everyMs: 150},
    )
    // The delay before each restart: from one run's end to the next one's start.
    const delays = [1, 2, 3, 4].map((attempt) => {
      const before = runs.get(attempt - 1)
      const after = runs.get(attempt)
      return Date.parse(after?.startedAt ?? '') - Date.parse(before?.finishedAt ?? '')
    })
    console.info(`[${engine}] crash loop: delays before restarts 1-4: ${delays.join(', ')} ms`)
    expect(delays.every(Number.isFinite)).toBe(true)
    // Classroom profile: at once, then 1 s, 2 s, 4 s. Each wait is at least its back-off; what the engine adds
    // on top varies with load, so growth is compared two steps apart, where the back-offs differ by 2 s or more.
    const [first = 0, second = 0, third = 0, fourth = 0] = delays
    expect([second, third, fourth].map((ms, i) => ms >= 1000 * 2 ** i - 100)).toEqual([true, true, true])
    expect(third).toBeGreaterThan(first)
    expect(fourth).toBeGreaterThan(second)
    // As `kubectl get pods -w` shows it: every crash reads Error first (with the restarts so far); a
    // CrashLoopBackOff follows it while a back-off runs. (Whether the 1 s back-off is still running when the
    // kubelet hears of a crash depends on the engine's event latency, so which crashes get one varies.)
    const summaries = history.read()
    console.info(`[${engine}] crash loop: ${summaries.join(' -> ')}`)
    expect(summaries.slice(0, 3)).toEqual(['0/1 Pending 0', '0/1 ContainerCreating 0', '1/1 Running 0'])
    for (const crash of [0, 1, 2, 3]) expect(summaries).toContain(`0/1 Error ${crash}`)
    const backOffs = summaries.flatMap((summary, i) =>
      summary.includes('CrashLoopBackOff') ? [[summaries[i - 1], summary]] : [],
    )
    expect(backOffs.length).toBeGreaterThanOrEqual(1)
    for (const [before, backOff] of backOffs)
      expect(backOff).toBe(before?.replace('Error', 'CrashLoopBackOff'))
    const restarts = history.read().map((summary) => Number(summary.split(' ')[2]))
    expect(restarts).toEqual([...restarts].sort((a, b) => a - b))
    expect(restarts.at(-1)).toBeGreaterThanOrEqual(4)
    const uid = node.pod('crashy')?.metadata.uid ?? ''
    expect(
      node.eventCount(
        'crashy',
        `BackOff Back-off restarting failed container app in pod crashy_default(${uid})`,
      ),
    ).toBeGreaterThanOrEqual(3)
  }, 60_000)

  it('reports ErrImageNeverPull, and ErrImagePull then ImagePullBackOff for an image it cannot pull', async () => {
    const node = cluster.startNode('image')
    const history = node.follow('pull')
    const image = 'tugboat/nope:1'
    node.create('never-pull', {containers: [demoContainer('app', {image, imagePullPolicy: 'Never'})]})
    node.create('pull', {containers: [demoContainer('app', {image, imagePullPolicy: 'IfNotPresent'})]})
    await until(node, 'pull', 'ErrImagePull then ImagePullBackOff', () => {
      const statuses = history.statuses()
      return statuses.includes('ImagePullBackOff') && statuses.indexOf('ErrImagePull') >= 0
    })
    const statuses = history.statuses()
    expect(statuses.indexOf('ErrImagePull')).toBeLessThan(statuses.indexOf('ImagePullBackOff'))
    expect(node.containerStatus('pull', 'app')?.state?.waiting?.reason).toMatch(
      /^(ErrImagePull|ImagePullBackOff)$/,
    )
    expect(node.pod('pull')?.status?.phase).toBe('Pending')
    expect(node.events('pull')).toEqual(
      expect.arrayContaining([
        `Pulling Pulling image "${image}"`,
        'Failed Error: ErrImagePull',
        `BackOff Back-off pulling image "${image}"`,
        'Failed Error: ImagePullBackOff',
      ]),
    )
    await until(
      node,
      'never-pull',
      'ErrImageNeverPull',
      () => node.summary('never-pull') === '0/1 ErrImageNeverPull 0',
    )
    expect(node.containerStatus('never-pull', 'app')?.state?.waiting).toEqual({
      reason: 'ErrImageNeverPull',
      message: `Container image "${image}" is not present with pull policy of Never`,
    })
    // Only the sandboxes run: no app container was ever created.
    const roles = (await node.containers()).map((c) => c.labels[LABELS.role])
    expect(roles).toEqual(['infra', 'infra'])
  }, 60_000)

  it('restarts a container killed behind its back under Always, and leaves a Never pod Failed', async () => {
    const node = cluster.startNode('kill')
    node.create('always', {
      terminationGracePeriodSeconds: 1,
      containers: [demoContainer('app', {ports: [{containerPort: 8080}]})],
    })
    node.create('never', {
      restartPolicy: 'Never',
      terminationGracePeriodSeconds: 1,
      containers: [demoContainer('app')],
    })
    await until(node, 'always', 'running', () => node.summary('always') === '1/1 Running 0')
    await until(node, 'never', 'running', () => node.summary('never') === '1/1 Running 0')
    const first = node.containerId('always', 'app')
    const killedAt = Date.now()
    await Promise.all([killBehindTheBack(first), killBehindTheBack(node.containerId('never', 'app'))])
    await until(node, 'always', 'restarted', () => {
      const status = node.containerStatus('always', 'app')
      return status?.restartCount === 1 && status.state?.running !== undefined
    })
    const restartedIn = Date.now() - killedAt
    expect(node.containerId('always', 'app')).not.toBe(first)
    expect(node.containerStatus('always', 'app')?.lastState?.terminated).toMatchObject({
      exitCode: 137,
      reason: 'Error',
    })
    const always = node.pod('always')
    const port = always && hostPortFor(always, 8080)
    expect(await fetchText(`http://127.0.0.1:${port}/`)).toBe('tugboat demo v1 on always\n')

    await until(node, 'never', 'Failed', () => node.pod('never')?.status?.phase === 'Failed')
    expect(node.summary('never')).toBe('0/1 Error 0')
    expect(node.containerStatus('never', 'app')?.state?.terminated).toMatchObject({
      exitCode: 137,
      reason: 'Error',
    })
    // A finished pod keeps its containers (for logs) but nothing of it runs, its sandbox included.
    await waitFor(
      async () => ((await node.containers('never')).every((c) => c.state === 'exited') ? true : undefined),
      10_000,
      {what: "the Never pod's sandbox to stop"},
    )
    console.info(`[${engine}] killed container running again after ${restartedIn} ms`)
  }, 60_000)

  it('adopts its containers after a restart: same ids, no duplicates, restart counts kept', async () => {
    const node = cluster.startNode('adopt')
    node.create('steady', {
      terminationGracePeriodSeconds: 1,
      containers: [demoContainer('web', {ports: [{containerPort: 8080}]}), shellContainer('side', IDLE)],
    })
    await until(node, 'steady', 'running', () => node.summary('steady') === '2/2 Running 0')
    // One restart before the kubelet goes away, so there is a count to keep.
    await killBehindTheBack(node.containerId('steady', 'web'))
    await until(node, 'steady', 'web restarted', () => node.summary('steady') === '2/2 Running 1')
    const before = await node.containers('steady')
    await node.stop()

    const kubelet = node.start(cluster.reopen())
    await kubelet.sync('default/steady')
    const after = await node.containers('steady')
    const identity = (containers: ContainerInfo[]) =>
      containers
        .map((c) => `${c.labels[LABELS.container]} ${c.labels[LABELS.attempt]} ${c.id} ${c.state}`)
        .sort()
    expect(identity(after)).toEqual(identity(before))
    expect(after.filter((c) => c.state === 'running')).toHaveLength(3)
    expect(node.containerStatus('steady', 'web')?.restartCount).toBe(1)
    expect(node.containerStatus('steady', 'side')?.restartCount).toBe(0)

    // The new kubelet is in charge: it notices a kill and counts on from what it adopted.
    const web = node.containerId('steady', 'web')
    await killBehindTheBack(node.containerId('steady', 'side'))
    await until(node, 'steady', 'side restarted', () => node.summary('steady') === '2/2 Running 2')
    expect(node.containerStatus('steady', 'side')?.restartCount).toBe(1)
    expect(node.containerStatus('steady', 'web')?.restartCount).toBe(1)
    expect(node.containerId('steady', 'web')).toBe(web)
    expect((await node.containers('steady')).filter((c) => c.state === 'running')).toHaveLength(3)
  }, 60_000)

  it('never touches a container it did not create', async () => {
    expect(await foreign.state()).toEqual({...foreignAtStart, running: true})
  })
})
