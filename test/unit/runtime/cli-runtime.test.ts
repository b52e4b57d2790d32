import {describe, expect, it} from 'vitest'
import {CliRuntime, EXEC_TIMED_OUT} from '../../../src/runtime/cli-runtime.js'
import type {CommandRecord} from '../../../src/runtime/command-log.js'
import {ForeignObjectError, InvalidValueError, RuntimeError} from '../../../src/runtime/runtime-error.js'
import {FakeProcesses, sample, type Answer} from './fake-processes.js'

type Engine = 'docker' | 'podman'
const ENGINES: Engine[] = ['docker', 'podman']

const IDS = {
  docker: {
    infra: '1347dd1253d49b6a4530e9bb22e78564c9f29c467606d275be9b2e56645a732f',
    app: '64dfcd1b7f7447d18c35b9e7f0f6b6bb81c04d902fee52f7e1e757424ff6fce6',
  },
  podman: {
    infra: 'c525134c24f3f2219152164b499da58f5db323b5eee7bc1c9b1a7a1ece5e8ec6',
    app: 'b03fcc73c6b5818ba035b037c6ea527f7b46260c2d7aa1d5c5d62bd98baf7f0d',
  },
}
const NOT_FOUND = {
  docker: 'Error: No such object: web-1',
  podman: 'Error: inspecting object: no such object: "web-1"',
}

/** A container from the samples, with its labels replaced, as inspect's JSON array. */
function inspectWith(engine: Engine, file: string, labels?: Record<string, string>): string {
  const [container] = JSON.parse(sample(engine, file)) as {Config: {Labels: unknown}}[]
  if (labels && container) container.Config.Labels = labels
  return JSON.stringify([container])
}

function runtime(engine: Engine, answers: Record<string, Answer> = {}, records: CommandRecord[] = []) {
  const processes = new FakeProcesses(answers)
  const rt = new CliRuntime(engine, {
    processes,
    onCommand: (record) => records.push(record),
    now: () => 1_700_000_000_123,
  })
  return {rt, processes}
}

describe.each(ENGINES)('CliRuntime over %s', (engine) => {
  const ids = IDS[engine]

  it('lists by label on the engine side, then inspects what it found', async () => {
    const both = JSON.stringify([
      ...(JSON.parse(sample(engine, 'inspect-infra-running.json')) as unknown[]),
      ...(JSON.parse(sample(engine, 'inspect-app-running.json')) as unknown[]),
    ])
    const {rt, processes} = runtime(engine, {
      ps: {stdout: `${ids.infra}\n${ids.app}\n`},
      inspect: {stdout: both},
    })
    const containers = await rt.listContainers({'io.tugboat.pod.uid': 'u-1'})
    expect(containers.map((c) => c.id)).toEqual([ids.infra, ids.app])
    expect(processes.argsOf('ps')).toEqual([
      [
        'ps',
        '--all',
        '--quiet',
        '--no-trunc',
        '--filter=label=io.tugboat.pod.uid=u-1',
        '--filter=label=io.tugboat.managed-by=tugboat',
      ],
    ])
    expect(processes.argsOf('inspect')).toEqual([['inspect', '--type=container', '--', ids.infra, ids.app]])
  })

  it('lists nothing without inspecting when no container matches', async () => {
    const {rt, processes} = runtime(engine, {ps: {stdout: ''}})
    expect(await rt.listContainers({})).toEqual([])
    expect(processes.verbs()).toEqual(['ps'])
  })

  it('leaves out containers that vanished between ps and inspect, and ones without the managed-by label', async () => {
    const foreign = inspectWith(engine, 'inspect-app-running.json', {'io.tugboat.pod.uid': 'u-1'})
    const {rt} = runtime(engine, {
      ps: {stdout: `${ids.app}\ngone\n`},
      inspect: {exitCode: engine === 'docker' ? 1 : 125, stdout: foreign, stderr: NOT_FOUND[engine]},
    })
    expect(await rt.listContainers({})).toEqual([])
  })

  it('lists ids and states in one ps, in the format the engine can give them', async () => {
    const stdout =
      engine === 'docker'
        ? `${ids.infra} running\n${ids.app} exited\n`
        : JSON.stringify([
            {Id: ids.infra, State: 'running'},
            {Id: ids.app, State: 'exited'},
          ])
    const {rt, processes} = runtime(engine, {ps: {stdout}})
    expect(await rt.listContainerStates({'io.tugboat.node': 'node01'})).toEqual([
      {id: ids.infra, state: 'running'},
      {id: ids.app, state: 'exited'},
    ])
    expect(processes.argsOf('ps')).toEqual([
      [
        'ps',
        '--all',
        '--no-trunc',
        `--format=${engine === 'docker' ? '{{.ID}} {{.State}}' : 'json'}`,
        '--filter=label=io.tugboat.node=node01',
        '--filter=label=io.tugboat.managed-by=tugboat',
      ],
    ])
  })

  it('inspects several containers in one command, keeping only its own and those still there', async () => {
    const foreign = JSON.parse(inspectWith(engine, 'inspect-app-running.json', {})) as unknown[]
    const own = JSON.parse(sample(engine, 'inspect-infra-running.json')) as unknown[]
    const {rt, processes} = runtime(engine, {
      inspect: {exitCode: 1, stdout: JSON.stringify([...own, ...foreign]), stderr: NOT_FOUND[engine]},
    })
    const found = await rt.inspectContainers([ids.infra, ids.app, 'gone'])
    expect(found.map((c) => c.id)).toEqual([ids.infra])
    expect(processes.argsOf('inspect')).toEqual([
      ['inspect', '--type=container', '--', ids.infra, ids.app, 'gone'],
    ])
    expect(await rt.inspectContainers([])).toEqual([])
    expect(processes.argsOf('inspect')).toHaveLength(1)
  })

  it('reports a missing container as undefined', async () => {
    const {rt} = runtime(engine, {inspect: {exitCode: 1, stdout: '[]', stderr: NOT_FOUND[engine]}})
    expect(await rt.inspectContainer('web-1')).toBeUndefined()
  })

  it.each([
    ['stop', (rt: CliRuntime) => rt.stopContainer('my-db', 5)],
    ['kill', (rt: CliRuntime) => rt.killContainer('my-db')],
    ['remove', (rt: CliRuntime) => rt.removeContainer('my-db')],
  ])('refuses to %s a container without the managed-by label', async (action, act) => {
    const {rt, processes} = runtime(engine, {
      inspect: {stdout: inspectWith(engine, 'inspect-infra-running.json', {})},
    })
    await expect(act(rt)).rejects.toThrow(ForeignObjectError)
    await expect(act(rt)).rejects.toThrow(`refusing to ${action} container "my-db"`)
    expect(new Set(processes.verbs())).toEqual(new Set(['inspect']))
  })

  it('stops with an explicit timeout, on the full id inspect returned', async () => {
    const {rt, processes} = runtime(engine, {inspect: {stdout: sample(engine, 'inspect-infra-running.json')}})
    await rt.stopContainer('s-infra', 2.5)
    const flag = engine === 'docker' ? '-t' : '--time'
    expect(processes.argsOf('stop')).toEqual([['stop', flag, '3', '--', ids.infra]])
  })

  it('does not stop, kill or remove what has already stopped or gone', async () => {
    const exited = runtime(engine, {inspect: {stdout: sample(engine, 'inspect-app-killed.json')}})
    await exited.rt.stopContainer('s-app', 5)
    await exited.rt.killContainer('s-app')
    expect(exited.processes.verbs()).toEqual(['inspect', 'inspect'])
    const gone = runtime(engine, {inspect: {exitCode: 1, stdout: '[]', stderr: NOT_FOUND[engine]}})
    await gone.rt.stopContainer('web-1', 5)
    await gone.rt.killContainer('web-1')
    await gone.rt.removeContainer('web-1')
    expect(gone.processes.verbs()).toEqual(['inspect', 'inspect', 'inspect'])
  })

  it('kills with the signal given, and takes a container that stopped meanwhile as done', async () => {
    const {rt, processes} = runtime(engine, {
      inspect: {stdout: sample(engine, 'inspect-app-running.json')},
      kill: {
        exitCode: 1,
        stderr: 'Error response from daemon: Cannot kill container: x: Container y is not running',
      },
    })
    await rt.killContainer('s-app', 'SIGTERM')
    expect(processes.argsOf('kill')).toEqual([['kill', '--signal=SIGTERM', '--', ids.app]])
    await expect(rt.killContainer('s-app', '-9; reboot')).rejects.toThrow(InvalidValueError)
  })

  it('removes with force, so a running container goes at once', async () => {
    const {rt, processes} = runtime(engine, {inspect: {stdout: sample(engine, 'inspect-app-running.json')}})
    await rt.removeContainer('s-app')
    const extra = engine === 'podman' ? ['--time=0'] : []
    expect(processes.argsOf('rm')).toEqual([['rm', '--force', '--volumes', ...extra, '--', ids.app]])
  })

  it('runs a container and returns the id the engine printed', async () => {
    const {rt, processes} = runtime(engine, {run: {stdout: `${ids.app}\n`}})
    const id = await rt.runContainer({name: 'web-1-app', image: 'tugboat/demo:v1', labels: {}})
    expect(id).toBe(ids.app)
    expect(processes.argsOf('run')[0]?.slice(0, 4)).toEqual([
      'run',
      '--detach',
      '--pull=never',
      '--name=web-1-app',
    ])
  })

  it("names the container a failed run left behind, with the command and the engine's reason", async () => {
    const stderr =
      'Error: runc: exec failed: unable to start container process: exec: "/nonexistent": not found'
    const {rt} = runtime(engine, {
      run: {exitCode: 127, stderr},
      inspect: {stdout: sample(engine, 'inspect-start-failed.json')},
    })
    const error = await rt
      .runContainer({name: 's-bad', image: 'tugboat/demo:v1', labels: {}, entrypoint: ['/nonexistent']})
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(RuntimeError)
    const runtimeError = error as RuntimeError
    expect(runtimeError.containerId).toMatch(/^[0-9a-f]{64}$/)
    expect(runtimeError.commandExitCode).toBe(127)
    expect(runtimeError.message).toContain(`cannot start container "s-bad": ${engine} exited with code 127`)
    expect(runtimeError.message).toContain(`command: ${engine} run --detach --pull=never --name=s-bad`)
    expect(runtimeError.message).toContain(`stderr: ${stderr}`)
  })

  it.each(['-v/:/x', 'x;rm -rf /', '$(id)'])('runs nothing for the image %j', async (image) => {
    const {rt, processes} = runtime(engine)
    await expect(rt.runContainer({name: 'web-1-app', image, labels: {}})).rejects.toThrow(InvalidValueError)
    await expect(rt.imageExists(image)).rejects.toThrow(InvalidValueError)
    await expect(rt.pullImage(image)).rejects.toThrow(InvalidValueError)
    expect(processes.calls).toEqual([])
  })

  it('tells a missing image from a failing engine', async () => {
    const missing =
      engine === 'docker' ? 'Error: No such image: nosuch/x:1' : 'Error: nosuch/x:1: image not known'
    expect(
      await runtime(engine, {'image inspect': {exitCode: 1, stderr: missing}}).rt.imageExists('nosuch/x:1'),
    ).toBe(false)
    expect(
      await runtime(engine, {'image inspect': {stdout: 'sha256:abc'}}).rt.imageExists('tugboat/demo:v1'),
    ).toBe(true)
    const down = runtime(engine, {
      'image inspect': {exitCode: 1, stderr: 'Cannot connect to the Docker daemon'},
    })
    await expect(down.rt.imageExists('tugboat/demo:v1')).rejects.toThrow(RuntimeError)
  })

  it('pulls with progress; podman gets the fully qualified name', async () => {
    const lines: string[] = []
    const {rt, processes} = runtime(engine, {pull: {stdout: 'Pulling fs layer\nDone', stderr: ''}})
    await rt.pullImage('nginx:1.25', (line) => lines.push(line))
    const name = engine === 'podman' ? 'docker.io/library/nginx:1.25' : 'nginx:1.25'
    expect(processes.argsOf('pull')).toEqual([['pull', '--', name]])
    expect(lines).toEqual(['Pulling fs layer', 'Done'])
  })

  it('follows events from the moment it is called, filtered to Tugboat containers, until aborted', async () => {
    const {rt, processes} = runtime(engine)
    processes.streamLines = sample(engine, 'events.jsonl').split('\n').filter(Boolean)
    const controller = new AbortController()
    const types: string[] = []
    for await (const event of rt.events(controller.signal)) {
      types.push(event.type)
      if (event.type === 'die') controller.abort()
    }
    expect(types.filter((type) => type !== 'other')).toEqual([
      'create',
      'start',
      'create',
      'start',
      'create',
      'die',
    ])
    const format = engine === 'docker' ? '{{json .}}' : 'json'
    expect(processes.argsOf('events')).toEqual([
      [
        'events',
        `--format=${format}`,
        '--since=1700000000.123',
        '--filter=type=container',
        '--filter=label=io.tugboat.managed-by=tugboat',
      ],
    ])
  })

  it('throws when the event stream ends without being aborted', async () => {
    const {rt, processes} = runtime(engine)
    processes.streamLines = sample(engine, 'events.jsonl').split('\n').filter(Boolean).slice(0, 2)
    const seen: string[] = []
    const follow = async () => {
      for await (const event of rt.events(new AbortController().signal)) seen.push(event.type)
    }
    await expect(follow()).rejects.toThrow(/the event stream ended: .* exited with code 1/)
    expect(seen).toHaveLength(2)
  })

  it('execs a command as separate arguments and reports a timeout as exit code 124', async () => {
    const ok = runtime(engine, {exec: {exitCode: 0, stdout: 'ok'}})
    expect(await ok.rt.exec('web-1-app', ['cat', '/tmp/$(x)', '--help'], 1)).toEqual({
      exitCode: 0,
      output: 'ok',
    })
    expect(ok.processes.argsOf('exec')).toEqual([['exec', '--', 'web-1-app', 'cat', '/tmp/$(x)', '--help']])
    const slow = runtime(engine, {exec: {exitCode: undefined, timedOut: true}})
    expect(await slow.rt.exec('web-1-app', ['sleep', '9'], 1)).toEqual({
      exitCode: EXEC_TIMED_OUT,
      output: 'command timed out after 1s',
    })
  })

  it('creates volumes with labels and accepts one of its own that already exists', async () => {
    const volume = sample(engine, 'volume-inspect.json')
    const {rt, processes} = runtime(engine, {
      'volume create': {
        exitCode: 125,
        stderr: 'Error: volume with name x already exists: volume already exists',
      },
      'volume inspect': {stdout: volume},
    })
    await rt.createVolume('web-1-cache', {'io.tugboat.pod.uid': 'u1'})
    expect(processes.argsOf('volume create')).toEqual([
      [
        'volume',
        'create',
        '--label=io.tugboat.managed-by=tugboat',
        '--label=io.tugboat.pod.uid=u1',
        '--',
        'web-1-cache',
      ],
    ])
  })

  it('refuses to remove or reuse a volume it did not create', async () => {
    const {rt, processes} = runtime(engine, {
      'volume create': {exitCode: 125, stderr: 'volume already exists'},
      'volume inspect': {stdout: JSON.stringify([{Name: 'data', Labels: {}}])},
    })
    await expect(rt.removeVolume('data')).rejects.toThrow('refusing to remove volume "data"')
    await expect(rt.createVolume('data', {})).rejects.toThrow('refusing to reuse volume "data"')
    expect(processes.argsOf('volume rm')).toEqual([])
  })

  it('reports the engine version once and every command to the listener', async () => {
    const records: CommandRecord[] = []
    const {rt, processes} = runtime(engine, {version: {stdout: sample(engine, 'version.json')}}, records)
    const expected = engine === 'docker' ? '20.10.24+dfsg1' : '4.3.1'
    expect(await rt.info()).toEqual({engine, version: expected, runtimeVersion: `${engine}://${expected}`})
    await rt.info()
    expect(processes.argsOf('version')).toEqual([['version', '--format={{json .}}']])
    expect(records).toHaveLength(1)
    expect(records[0]).toMatchObject({file: engine, args: ['version', '--format={{json .}}'], exitCode: 0})
    expect(records[0]?.durationMs).toBeGreaterThanOrEqual(0)
  })
})

describe('listing volumes', () => {
  const volumes = JSON.stringify([
    {Name: 'mine', Labels: {'io.tugboat.managed-by': 'tugboat', 'io.tugboat.pod.uid': 'u1'}},
    {Name: 'theirs', Labels: {'io.tugboat.managed-by': 'tugboat', 'io.tugboat.pod.uid': 'u2'}},
  ])

  it('trusts docker to match every label filter', async () => {
    const {rt, processes} = runtime('docker', {'volume ls': {stdout: 'mine\n'}})
    expect(await rt.listVolumes({'io.tugboat.pod.uid': 'u1'})).toEqual(['mine'])
    expect(processes.argsOf('volume ls')).toEqual([
      [
        'volume',
        'ls',
        '--quiet',
        '--filter=label=io.tugboat.pod.uid=u1',
        '--filter=label=io.tugboat.managed-by=tugboat',
      ],
    ])
    expect(processes.argsOf('volume inspect')).toEqual([])
  })

  it('keeps only the podman volumes that carry every label, since podman matches any one filter', async () => {
    const {rt, processes} = runtime('podman', {
      'volume ls': {stdout: 'mine\ntheirs\n'},
      'volume inspect': {stdout: volumes},
    })
    expect(await rt.listVolumes({'io.tugboat.pod.uid': 'u1'})).toEqual(['mine'])
    expect(processes.argsOf('volume inspect')).toEqual([['volume', 'inspect', '--', 'mine', 'theirs']])
  })
})
