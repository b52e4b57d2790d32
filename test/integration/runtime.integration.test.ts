/**
 * The runtime adapter against the real engines: every test runs on docker and on podman. With CI=true an
 * engine that does not answer fails the run; elsewhere its tests are skipped with a message saying how to
 * get it (`source scripts/engines.sh`). The local images are built first when missing. Each run labels what
 * it creates with its own id and removes it afterwards.
 */
import {randomBytes} from 'node:crypto'
import {execa} from 'execa'
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest'
import type {ContainerEvent} from '../../src/core/runtime/container-runtime.js'
import {CliRuntime} from '../../src/runtime/cli-runtime.js'
import type {EngineName} from '../../src/runtime/dialect.js'
import {ForeignObjectError} from '../../src/runtime/runtime-error.js'
import {ensureImages, probeEngines, reportMissingEngines} from '../support/engines.js'
import {fetchStatus, fetchText} from '../support/http.js'
import {waitFor} from '../support/wait-for.js'

const RUN_ID = randomBytes(4).toString('hex')
const TEST_LABEL = 'io.tugboat.test.run'
const labels = (extra: Record<string, string> = {}) => ({[TEST_LABEL]: RUN_ID, ...extra})
const name = (suffix: string) => `tugtest-${RUN_ID}-${suffix}`

const {available, missing} = await probeEngines()
reportMissingEngines(missing, 'runtime integration tests')

describe.each(available)('the %s runtime adapter', (engine: EngineName) => {
  const runDurations: number[] = []
  const runtime = new CliRuntime(engine, {
    onCommand: (record) => {
      if (record.args[0] === 'run' && record.exitCode === 0) runDurations.push(record.durationMs)
    },
  })
  const rawForeign: string[] = []

  beforeAll(() => ensureImages(runtime), 200_000)

  afterEach(async () => {
    // Apps first: podman refuses to remove a container that others joined.
    const mine = await runtime.listContainers(labels())
    const ordered = [...mine].sort(
      (a, b) =>
        Number(a.labels['io.tugboat.role'] === 'infra') - Number(b.labels['io.tugboat.role'] === 'infra'),
    )
    for (const container of ordered) await runtime.removeContainer(container.id)
    for (const volume of await runtime.listVolumes(labels())) await runtime.removeVolume(volume)
    for (const foreign of rawForeign.splice(0))
      await execa(engine, ['rm', '--force', '--', foreign], {reject: false})
  }, 60_000)

  afterAll(() => {
    const sorted = [...runDurations].sort((a, b) => a - b)
    const median = sorted[Math.floor(sorted.length / 2)]
    if (median !== undefined) {
      console.info(`[${engine}] run -d: median ${Math.round(median)} ms over ${sorted.length} containers`)
    }
  })

  it("runs a pod-like pair whose app the host reaches through the infra container's published port", async () => {
    const pod = labels({'io.tugboat.pod.name': 'web', 'io.tugboat.pod.uid': `uid-${RUN_ID}`})
    const infra = await runtime.runContainer({
      name: name('web-infra'),
      image: 'tugboat/pause:3.9',
      labels: {...pod, 'io.tugboat.role': 'infra'},
      hostname: 'web',
      publish: [{containerPort: 8080, protocol: 'tcp'}],
      stopTimeoutSeconds: 2,
    })
    await runtime.runContainer({
      name: name('web-app'),
      image: 'tugboat/demo:v2',
      labels: {...pod, 'io.tugboat.role': 'app'},
      hostname: 'web',
      networkOf: infra,
    })
    const info = await runtime.inspectContainer(infra)
    const port = info?.ports.find((p) => p.containerPort === 8080)
    expect(port).toMatchObject({hostIp: '127.0.0.1', protocol: 'tcp'})
    expect(info?.ip).toMatch(/^\d+\.\d+\.\d+\.\d+$/)
    // The hostname is the pod's on both engines (docker shares the infra's, podman sets the app's).
    expect(await fetchText(`http://127.0.0.1:${port?.hostPort}/`)).toBe('tugboat demo v2 on web\n')
    expect(await fetchStatus(`http://127.0.0.1:${port?.hostPort}/healthz`)).toBe(200)
  })

  it('labels what it creates and lists by label', async () => {
    await runtime.runContainer({
      name: name('a'),
      image: 'tugboat/pause:3.9',
      labels: labels({'io.tugboat.pod.name': 'a'}),
    })
    await runtime.runContainer({
      name: name('b'),
      image: 'tugboat/pause:3.9',
      labels: labels({'io.tugboat.pod.name': 'b'}),
    })
    const onlyA = await runtime.listContainers(labels({'io.tugboat.pod.name': 'a'}))
    expect(onlyA.map((c) => c.name)).toEqual([name('a')])
    expect(onlyA[0]?.labels).toEqual({
      [TEST_LABEL]: RUN_ID,
      'io.tugboat.pod.name': 'a',
      'io.tugboat.managed-by': 'tugboat',
    })
    expect((await runtime.listContainers(labels())).map((c) => c.name).sort()).toEqual([name('a'), name('b')])
  })

  it('never lists, stops, kills or removes a container it did not create', async () => {
    const foreign = name('foreign')
    rawForeign.push(foreign)
    // Created with the run's test label but without managed-by: the label filter alone must not be enough.
    await execa(engine, [
      'run',
      '--detach',
      `--name=${foreign}`,
      `--label=${TEST_LABEL}=${RUN_ID}`,
      '--',
      'tugboat/pause:3.9',
    ])
    expect((await runtime.listContainers(labels())).map((c) => c.name)).not.toContain(foreign)
    await expect(runtime.removeContainer(foreign)).rejects.toThrow(ForeignObjectError)
    await expect(runtime.stopContainer(foreign, 0)).rejects.toThrow(ForeignObjectError)
    await expect(runtime.killContainer(foreign)).rejects.toThrow(ForeignObjectError)
    expect((await runtime.inspectContainer(foreign))?.state).toBe('running')
  })

  it('reports a die event soon after a kill', async () => {
    const controller = new AbortController()
    const seen: ContainerEvent[] = []
    const following = (async () => {
      for await (const event of runtime.events(controller.signal)) seen.push(event)
    })()
    try {
      const id = await runtime.runContainer({
        name: name('victim'),
        image: 'tugboat/pause:3.9',
        labels: labels(),
      })
      await runtime.killContainer(id)
      const killedAt = Date.now()
      const die = await waitFor(() => seen.find((event) => event.type === 'die' && event.id === id), 5_000)
      expect(die.labels[TEST_LABEL]).toBe(RUN_ID)
      expect(Date.now() - killedAt).toBeLessThan(5_000)
      expect((await runtime.inspectContainer(id))?.exitCode).toBe(137)
    } finally {
      controller.abort()
      await following
    }
  })

  it('shares a named volume between two containers, like an emptyDir', async () => {
    const volume = name('scratch')
    const pod = labels({'io.tugboat.pod.uid': 'a'})
    await runtime.createVolume(volume, pod)
    await runtime.createVolume(volume, pod)
    await runtime.createVolume(name('other'), labels({'io.tugboat.pod.uid': 'b'}))
    // All the labels must match (podman's `volume ls` alone would match any one of them).
    expect(await runtime.listVolumes(pod)).toEqual([volume])
    expect((await runtime.listVolumes(labels())).sort()).toEqual([name('other'), volume].sort())
    const mounts = [{volume, path: '/scratch'}]
    const writer = await runtime.runContainer({
      name: name('writer'),
      image: 'tugboat/pause:3.9',
      labels: labels(),
      mounts,
    })
    const reader = await runtime.runContainer({
      name: name('reader'),
      image: 'tugboat/pause:3.9',
      labels: labels(),
      mounts,
    })
    expect(await runtime.exec(writer, ['sh', '-c', 'echo shared > /scratch/note'], 5)).toEqual({
      exitCode: 0,
      output: '',
    })
    expect(await runtime.exec(reader, ['cat', '/scratch/note'], 5)).toEqual({exitCode: 0, output: 'shared'})
  })

  it('hands hostile values to the container as one argument each', async () => {
    const hostile = 'two\nlines "quoted" \'single\' $(id) `id`; --privileged'
    const id = await runtime.runContainer({
      name: name('hostile'),
      image: 'tugboat/demo:v1',
      labels: labels({note: hostile}),
      env: {HOSTILE: hostile},
      entrypoint: ['/bin/sh', '-c', 'printf "%s|%s" "$HOSTILE" "$0" > /tmp/seen; exec sleep 3600'],
      args: ['--privileged'],
    })
    expect((await runtime.inspectContainer(id))?.labels.note).toBe(hostile)
    // What the container's shell received, written before anything could re-split it.
    const seen = await waitFor(async () => {
      const result = await runtime.exec(id, ['cat', '/tmp/seen'], 5)
      return result.exitCode === 0 ? result.output : undefined
    }, 5_000)
    expect(seen).toBe(`${hostile}|--privileged`)
  })

  it('builds images that answer as documented and stop promptly', async () => {
    const crash = await runtime.runContainer({
      name: name('crash'),
      image: 'tugboat/demo:crash',
      labels: labels(),
    })
    const unready = await runtime.runContainer({
      name: name('unready'),
      image: 'tugboat/demo:unready',
      labels: labels(),
      publish: [{containerPort: 8080, protocol: 'tcp'}],
    })
    const port = (await runtime.inspectContainer(unready))?.ports[0]?.hostPort
    expect(await fetchText(`http://127.0.0.1:${port}/`)).toMatch(/^tugboat demo unready on \S+\n$/)
    expect(await fetchStatus(`http://127.0.0.1:${port}/healthz`)).toBe(404)
    const started = Date.now()
    await runtime.stopContainer(unready, 10)
    expect(Date.now() - started).toBeLessThan(5_000)
    const crashed = await waitFor(async () => {
      const current = await runtime.inspectContainer(crash)
      return current?.state === 'exited' ? current : undefined
    }, 5_000)
    expect(crashed.exitCode).toBe(1)
  })
})
