import {describe, expect, it} from 'vitest'
import {ApiError, UserError} from '../../../../src/core/api/errors.js'
import type {PodLogsRequest} from '../../../../src/core/queries/pod-logs.js'
import {podLogs} from '../../../../src/core/queries/pod-logs.js'
import {kubeletHarness, podManifest, type Harness} from '../kubelet/support/harness.js'
import {settle} from '../../../support/fake-clock.js'

const KEY = 'default/web'

/** Runs podLogs against the harness, collecting what it prints. */
async function logs(h: Harness, request: Partial<PodLogsRequest> = {}) {
  const out: string[] = []
  const notes: string[] = []
  const engines: (string | undefined)[] = []
  await podLogs(
    {
      api: h.api,
      runtime: (engine) => {
        engines.push(engine)
        return Promise.resolve(h.runtime)
      },
    },
    {namespace: 'default', pod: 'web', ...request},
    {write: (text) => out.push(text), note: (line) => notes.push(line)},
  )
  return {out: out.join(''), notes, engines}
}

/** The current run of container `app`. */
function app(h: Harness): string {
  return h.runtime.byContainer('app')[0]?.id ?? ''
}

async function runningPod(): Promise<Harness> {
  const h = kubeletHarness()
  h.create(podManifest('web'))
  await h.kubelet.sync(KEY)
  return h
}

describe('podLogs', () => {
  it("prints the container's stdout and stderr as written", async () => {
    const h = await runningPod()
    h.runtime.write(app(h), 'one\n')
    h.runtime.write(app(h), 'oops\n', 'stderr')
    h.runtime.write(app(h), 'two\nthree\n')
    expect(await logs(h)).toEqual({out: 'one\noops\ntwo\nthree\n', notes: [], engines: [undefined]})
  })

  it('passes --tail and --timestamps to the runtime', async () => {
    const h = await runningPod()
    h.runtime.write(app(h), 'one\ntwo\nthree\n')
    expect((await logs(h, {tail: 2})).out).toBe('two\nthree\n')
    expect((await logs(h, {tail: 0})).out).toBe('')
    expect((await logs(h, {tail: 1, timestamps: true})).out).toBe('2024-05-14T12:00:00.000Z three\n')
  })

  it('refuses a tail below -1 as kubectl does', async () => {
    const h = await runningPod()
    await expect(logs(h, {tail: -2})).rejects.toThrow(
      new UserError('--tail must be greater than or equal to -1'),
    )
  })

  it('reads the run before a restart with --previous, and the new run without', async () => {
    const h = await runningPod()
    h.runtime.write(app(h), 'first run\n')
    h.runtime.exit(app(h), 1)
    await h.kubelet.sync(KEY)
    h.runtime.write(app(h), 'second run\n')
    expect((await logs(h)).out).toBe('second run\n')
    expect((await logs(h, {previous: true})).out).toBe('first run\n')
  })

  it('shows the last crash while the container backs off', async () => {
    const h = await runningPod()
    h.runtime.exit(app(h), 1)
    await h.kubelet.sync(KEY)
    h.runtime.write(app(h), 'crashed again\n')
    h.runtime.exit(app(h), 1)
    await h.kubelet.sync(KEY)
    expect(h.pod('web')?.status?.containerStatuses?.[0]?.state?.waiting?.reason).toBe('CrashLoopBackOff')
    expect((await logs(h)).out).toBe('crashed again\n')
    expect((await logs(h, {previous: true})).out).toBe('crashed again\n')
  })

  it('says there is no previous run before the first restart', async () => {
    const h = await runningPod()
    await expect(logs(h, {previous: true})).rejects.toThrow(
      new ApiError('BadRequest', 'previous terminated container "app" in pod "web" not found'),
    )
  })

  it('explains a container that has not started yet', async () => {
    const h = kubeletHarness()
    h.create(podManifest('web'))
    await expect(logs(h)).rejects.toMatchObject({
      reason: 'BadRequest',
      message: 'container "app" in pod "web" is waiting to start: ContainerCreating',
    })
  })

  it('explains an image that cannot be pulled', async () => {
    const h = kubeletHarness()
    h.runtime.unpullable.add('tugboat/missing:v1')
    h.create(podManifest('web', {}, {image: 'tugboat/missing:v1'}))
    await h.kubelet.sync(KEY)
    await expect(logs(h)).rejects.toThrow(
      /container "app" in pod "web" is waiting to start: (image can't be pulled|trying and failing to pull image)/,
    )
  })

  it('prints nothing for a pod no node has taken yet, as the API server answers', async () => {
    const h = kubeletHarness()
    h.create(podManifest('web', {nodeName: undefined}))
    expect(await logs(h)).toEqual({out: '', notes: [], engines: []})
  })

  it('says which container it picked when the pod has several', async () => {
    const h = kubeletHarness()
    const containers = [
      {name: 'app', image: 'tugboat/demo:v1'},
      {name: 'sidecar', image: 'tugboat/demo:v1'},
    ]
    h.create(podManifest('web', {containers}))
    await h.kubelet.sync(KEY)
    h.runtime.write(h.runtime.byContainer('sidecar')[0]?.id ?? '', 'from the sidecar\n')
    expect(await logs(h)).toMatchObject({out: '', notes: ['Defaulted container "app" out of: app, sidecar']})
    expect(await logs(h, {container: 'sidecar'})).toMatchObject({out: 'from the sidecar\n', notes: []})
  })

  it('names a missing pod as the API server does', async () => {
    const h = kubeletHarness()
    await expect(logs(h, {pod: 'nope'})).rejects.toThrow(new ApiError('NotFound', 'pods "nope" not found'))
  })

  it("opens the runtime of the pod's node", async () => {
    const h = await runningPod()
    h.api.create({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: {name: 'node01'},
      status: {nodeInfo: {containerRuntimeVersion: 'podman://4.3.1'}},
    })
    expect((await logs(h)).engines).toEqual(['podman'])
  })

  it('follows new lines until the container stops', async () => {
    const h = await runningPod()
    h.runtime.write(app(h), 'before\n')
    const out: string[] = []
    const following = podLogs(
      {api: h.api, runtime: () => Promise.resolve(h.runtime)},
      {namespace: 'default', pod: 'web', follow: true},
      {write: (text) => out.push(text), note: () => {}},
    )
    await settle()
    expect(out).toEqual(['before\n'])
    h.runtime.write(app(h), 'after\n')
    await settle()
    expect(out).toEqual(['before\n', 'after\n'])
    h.runtime.exit(app(h), 0)
    await following
    expect(out).toEqual(['before\n', 'after\n'])
  })

  it('stops following when the signal aborts', async () => {
    const h = await runningPod()
    const controller = new AbortController()
    const following = podLogs(
      {api: h.api, runtime: () => Promise.resolve(h.runtime)},
      {namespace: 'default', pod: 'web', follow: true, signal: controller.signal},
      {write: () => {}, note: () => {}},
    )
    await settle()
    controller.abort()
    await expect(following).resolves.toBeUndefined()
    expect(h.runtime.byContainer('app')[0]?.state).toBe('running')
  })
})
