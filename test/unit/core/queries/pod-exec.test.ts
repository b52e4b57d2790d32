import {describe, expect, it} from 'vitest'
import {ApiError, UserError} from '../../../../src/core/api/errors.js'
import type {PodExecRequest} from '../../../../src/core/queries/pod-exec.js'
import {execInPod, execStreams, NO_TTY_WARNING} from '../../../../src/core/queries/pod-exec.js'
import {kubeletHarness, podManifest, POD, type Harness} from '../kubelet/support/harness.js'

const KEY = 'default/web'

async function exec(h: Harness, request: Partial<PodExecRequest> = {}) {
  const notes: string[] = []
  const exitCode = await execInPod(
    {api: h.api, runtime: () => Promise.resolve(h.runtime)},
    {
      namespace: 'default',
      pod: 'web',
      command: ['cat', '/etc/hostname'],
      stdin: false,
      tty: false,
      stdinIsTerminal: false,
      ...request,
    },
    (line) => notes.push(line),
  )
  return {exitCode, notes}
}

async function runningPod(containers = [{name: 'app', image: 'tugboat/demo:v1'}]): Promise<Harness> {
  const h = kubeletHarness()
  h.create(podManifest('web', {containers}))
  await h.kubelet.sync(KEY)
  h.runtime.execHandler = (container, command) =>
    command[0] === 'false'
      ? {exitCode: 1, output: ''}
      : {exitCode: 0, output: `${container.labels['io.tugboat.container.name']}: ${command.join(' ')}`}
  return h
}

describe('execInPod', () => {
  it("runs the command in the pod's running container and returns its exit code", async () => {
    const h = await runningPod()
    expect(await exec(h)).toEqual({exitCode: 0, notes: []})
    expect(await exec(h, {command: ['false']})).toEqual({exitCode: 1, notes: []})
    expect(h.runtime.attached.map((a) => [a.container, a.output])).toEqual([
      ['tug_default_web_app_a1b2c3d4_0', 'app: cat /etc/hostname'],
      ['tug_default_web_app_a1b2c3d4_0', ''],
    ])
  })

  it('runs in the newest run after a restart', async () => {
    const h = await runningPod()
    h.runtime.exit(h.runtime.byContainer('app')[0]?.id ?? '', 1)
    await h.kubelet.sync(KEY)
    await exec(h)
    expect(h.runtime.attached[0]?.container).toBe('tug_default_web_app_a1b2c3d4_1')
  })

  it('defaults to the first container and says so, unless quiet', async () => {
    const h = await runningPod([
      {name: 'app', image: 'tugboat/demo:v1'},
      {name: 'sidecar', image: 'tugboat/demo:v1'},
    ])
    expect((await exec(h)).notes).toEqual(['Defaulted container "app" out of: app, sidecar'])
    expect((await exec(h, {quiet: true})).notes).toEqual([])
    expect((await exec(h, {container: 'sidecar'})).notes).toEqual([])
    expect(h.runtime.attached.map((a) => a.output)).toEqual([
      'app: cat /etc/hostname',
      'app: cat /etc/hostname',
      'sidecar: cat /etc/hostname',
    ])
  })

  it('connects stdin and a terminal only as kubectl would', async () => {
    const h = await runningPod()
    expect(await exec(h, {stdin: true, tty: true, stdinIsTerminal: false})).toEqual({
      exitCode: 0,
      notes: [NO_TTY_WARNING],
    })
    await exec(h, {stdin: true, tty: true, stdinIsTerminal: true})
    expect(h.runtime.attached.map((a) => a.options)).toEqual([
      {stdin: true, tty: false},
      {stdin: true, tty: true},
    ])
  })

  it.each([
    [{command: []}, new UserError('you must specify at least one command for the container')],
    [{pod: 'nope'}, new ApiError('NotFound', 'pods "nope" not found')],
    [{container: 'x'}, new ApiError('BadRequest', 'container x is not valid for pod web')],
  ])("refuses %j with kubectl's words", async (request, error) => {
    const h = await runningPod()
    await expect(exec(h, request)).rejects.toThrow(error)
  })

  it('refuses a pod no node has taken yet', async () => {
    const h = kubeletHarness()
    h.create(podManifest('web', {nodeName: undefined}))
    await expect(exec(h)).rejects.toMatchObject({
      reason: 'BadRequest',
      message: 'pod web does not have a host assigned',
    })
  })

  it('refuses a completed pod', async () => {
    const h = await runningPod()
    const pod = h.api.get(POD, 'default', 'web')
    h.api.update({...pod, status: {...(pod.status as object), phase: 'Succeeded'}}, {subresource: 'status'})
    await expect(exec(h)).rejects.toThrow(
      new UserError('cannot exec into a container in a completed pod; current phase is Succeeded'),
    )
  })

  it.each([
    ['has not started', kubeletHarness, false],
    ['has exited', runningPod, true],
  ])('cannot reach a container that %s', async (_, setUp, exited) => {
    const h = await setUp()
    if (!exited) h.create(podManifest('web'))
    else h.runtime.exit(h.runtime.byContainer('app')[0]?.id ?? '', 0)
    await expect(exec(h)).rejects.toThrow(
      new UserError('unable to upgrade connection: container not found ("app")'),
    )
  })
})

describe('execStreams (kubectl SetupTTY)', () => {
  it.each([
    [{stdin: false, tty: false, stdinIsTerminal: true}, {stdin: false, tty: false}, undefined],
    [{stdin: false, tty: true, stdinIsTerminal: true}, {stdin: false, tty: false}, undefined],
    [{stdin: true, tty: false, stdinIsTerminal: false}, {stdin: true, tty: false}, undefined],
    [{stdin: true, tty: true, stdinIsTerminal: true}, {stdin: true, tty: true}, undefined],
    [{stdin: true, tty: true, stdinIsTerminal: false}, {stdin: true, tty: false}, NO_TTY_WARNING],
    [{stdin: true, tty: true, stdinIsTerminal: false, quiet: true}, {stdin: true, tty: false}, undefined],
  ])('%j gives %j', (request, options, warning) => {
    expect(execStreams(request)).toEqual({options, warning})
  })
})
