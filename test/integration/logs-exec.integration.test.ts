/**
 * `tug logs` and `tug exec` on real docker and podman. A Kubelet runs in the test process over a temporary
 * store and the real engine (support/kubelet-cluster.ts); the pod's container talks on stdout and stderr and
 * obeys files dropped into it (say a line, crash). Logs are read through the core function, and both commands
 * also run as `tug` itself, in a child process on the same state directory, as a person would run them.
 */
import {dirname, join} from 'node:path'
import {execa} from 'execa'
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest'
import type {PodLogsRequest} from '../../src/core/queries/pod-logs.js'
import {podLogs} from '../../src/core/queries/pod-logs.js'
import {ensureImages, probeEngines, reportMissingEngines} from '../support/engines.js'
import {KubeletCluster, shellContainer, type TestNode} from '../support/kubelet-cluster.js'
import {ROOT} from '../support/run-tug.js'
import {waitFor} from '../support/wait-for.js'

const {available, missing} = await probeEngines()
reportMissingEngines(missing, 'logs and exec integration tests')

/**
 * Writes three lines (the second to stderr, spaced so their order is beyond doubt), then every 0.1 s prints
 * and removes /tmp/say if it exists, and exits with code 7 once /tmp/crash exists.
 */
const TALKER = [
  'echo one; sleep 0.2; echo two >&2; sleep 0.2; echo three',
  'while :; do',
  '  if [ -f /tmp/say ]; then cat /tmp/say; rm /tmp/say; fi',
  '  if [ -f /tmp/crash ]; then echo crashing; exit 7; fi',
  '  sleep 0.1',
  'done',
].join('\n')

describe.each(available)('tug logs and tug exec on %s', (engine) => {
  let cluster: KubeletCluster

  beforeAll(async () => {
    cluster = new KubeletCluster(engine)
    await ensureImages(cluster.runtime)
  }, 200_000)

  afterEach(() => cluster.stopNodes(), 60_000)
  afterAll(() => cluster?.cleanup(), 60_000)

  /** A node running pod `name` (the talker), once its first run has written its three lines. */
  async function talker(name: string): Promise<TestNode> {
    const node = cluster.startNode(name)
    node.create(name, {terminationGracePeriodSeconds: 1, containers: [shellContainer('talk', TALKER)]})
    await waitFor(() => (node.summary(name) === '1/1 Running 0' ? true : undefined), 20_000, {
      what: `${name} running`,
      last: () => node.summary(name),
    })
    await waitFor(async () => ((await logs(name)).includes('three') ? true : undefined), 10_000, {
      what: 'the first three lines',
    })
    return node
  }

  /** The log as `tug logs` prints it, read through the core function. */
  async function logs(pod: string, request: Partial<PodLogsRequest> = {}): Promise<string> {
    let out = ''
    await podLogs(
      {api: cluster.api, runtime: () => Promise.resolve(cluster.runtime)},
      {namespace: 'default', pod, ...request},
      {write: (text) => (out += text), note: () => {}},
    )
    return out
  }

  /** Runs a command in the talker's current run, as a probe would (not through tug). */
  async function inTalker(node: TestNode, pod: string, script: string): Promise<void> {
    const id = node.containerId(pod, 'talk')
    if (!id) throw new Error(`${pod} has no container`)
    expect(await cluster.runtime.exec(id, ['sh', '-c', script], 10)).toMatchObject({exitCode: 0})
  }

  /** `tug ARGS` in a child process on the cluster's state directory. */
  function tug(args: string[], input?: string) {
    return execa(process.execPath, ['--import', 'tsx', '--no-warnings', join(ROOT, 'bin/dev.js'), ...args], {
      env: {TUG_HOME: dirname(cluster.api.store.location)},
      input: input ?? '',
      reject: false,
      timeout: 60_000,
    })
  }

  it('prints stdout and stderr in the order written, the last lines, and their times', async () => {
    await talker('quoted')
    expect(await logs('quoted')).toBe('one\ntwo\nthree\n')
    expect(await logs('quoted', {tail: 1})).toBe('three\n')
    expect(await logs('quoted', {tail: 2, timestamps: true})).toMatch(
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,9})?Z two\n\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,9})?Z three\n$/,
    )
    const printed = await tug(['logs', 'quoted', '--tail=2', `--runtime=${engine}`])
    expect(printed).toMatchObject({stdout: 'two\nthree', stderr: '', exitCode: 0})
  }, 60_000)

  it('follows the log with -f: a line written later arrives within seconds', async () => {
    const node = await talker('follower')
    const controller = new AbortController()
    let out = ''
    const following = podLogs(
      {api: cluster.api, runtime: () => Promise.resolve(cluster.runtime)},
      {namespace: 'default', pod: 'follower', follow: true, tail: 1, signal: controller.signal},
      {write: (text) => (out += text), note: () => {}},
    )
    try {
      await waitFor(() => (out === 'three\n' ? true : undefined), 10_000, {what: 'the tail', last: () => out})
      const said = Date.now()
      await inTalker(node, 'follower', 'echo late > /tmp/say')
      await waitFor(() => (out === 'three\nlate\n' ? true : undefined), 5_000, {
        what: 'the late line',
        last: () => out,
      })
      expect(Date.now() - said).toBeLessThan(5_000)
    } finally {
      controller.abort()
      await following
    }
  }, 60_000)

  it('reads the run before a restart with --previous', async () => {
    const node = await talker('crasher')
    await inTalker(node, 'crasher', 'touch /tmp/crash')
    await waitFor(() => (node.summary('crasher') === '1/1 Running 1' ? true : undefined), 20_000, {
      what: 'crasher restarted once',
      last: () => node.summary('crasher'),
    })
    expect(node.containerStatus('crasher', 'talk')?.lastState?.terminated?.exitCode).toBe(7)
    await waitFor(async () => ((await logs('crasher')).includes('three') ? true : undefined), 10_000, {
      what: "the new run's lines",
    })
    expect(await logs('crasher', {previous: true})).toBe('one\ntwo\nthree\ncrashing\n')
    expect(await logs('crasher')).toBe('one\ntwo\nthree\n')
  }, 60_000)

  it("runs a command with exec, passing stdin with -i, and exits with the command's exit code", async () => {
    await talker('shell')
    const failed = await tug([
      'exec',
      'shell',
      `--runtime=${engine}`,
      '--',
      'sh',
      '-c',
      'hostname; echo oops >&2; exit 3',
    ])
    expect(failed).toMatchObject({
      stdout: 'shell',
      stderr: 'oops\ncommand terminated with exit code 3',
      exitCode: 3,
    })
    const piped = await tug(['exec', '-i', 'shell', `--runtime=${engine}`, '--', 'cat'], 'through stdin\n')
    expect(piped).toMatchObject({stdout: 'through stdin', stderr: '', exitCode: 0})
  }, 60_000)
})
