import {describe, expect, it} from 'vitest'
import type {LogOptions} from '../../../src/core/runtime/container-runtime.js'
import {CliRuntime} from '../../../src/runtime/cli-runtime.js'
import type {CommandRecord} from '../../../src/runtime/command-log.js'
import {InvalidValueError, RuntimeError} from '../../../src/runtime/runtime-error.js'
import {FakeProcesses} from './fake-processes.js'

const ID = '64dfcd1b7f7447d18c35b9e7f0f6b6bb81c04d902fee52f7e1e757424ff6fce6'

function runtime(engine: 'docker' | 'podman') {
  const processes = new FakeProcesses()
  const records: CommandRecord[] = []
  const rt = new CliRuntime(engine, {processes, onCommand: (record) => records.push(record)})
  return {rt, processes, records}
}

async function read(rt: CliRuntime, options?: LogOptions): Promise<string> {
  let text = ''
  for await (const chunk of rt.logs(ID, options)) text += chunk.text
  return text
}

describe.each(['docker', 'podman'] as const)('logs and attached exec over %s', (engine) => {
  it.each([
    [{}, ['logs', '--timestamps', '--', ID]],
    [{follow: true, tail: 5}, ['logs', '--follow', '--timestamps', '--tail=5', '--', ID]],
    [{tail: 0, timestamps: true}, ['logs', '--timestamps', '--tail=0', '--', ID]],
    [{tail: -1}, ['logs', '--timestamps', '--', ID]],
  ])('reads a log with %j as %j', async (options, args) => {
    const {rt, processes, records} = runtime(engine)
    await read(rt, options)
    expect(processes.calls).toEqual([{file: engine, args}])
    expect(records.map((r) => r.args)).toEqual([args])
  })

  it('gives the log back in write order, without the times it asked for', async () => {
    const {rt, processes} = runtime(engine)
    processes.outputChunks = [
      {stream: 'stdout', text: '2026-01-01T00:00:01Z starting\n2026-01-01T00:00:03Z done\n'},
      {stream: 'stderr', text: '2026-01-01T00:00:02Z warning: slow\n'},
    ]
    expect(await read(rt)).toBe('starting\nwarning: slow\ndone\n')
    expect(await read(rt, {timestamps: true})).toBe(
      '2026-01-01T00:00:01Z starting\n2026-01-01T00:00:02Z warning: slow\n2026-01-01T00:00:03Z done\n',
    )
  })

  it("throws a RuntimeError when the engine's client fails", async () => {
    const {rt, processes} = runtime(engine)
    processes.outputResult = {exitCode: 1, stderr: `Error: No such container: ${ID}`}
    const failure = await read(rt).catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(RuntimeError)
    expect((failure as RuntimeError).stderrTail).toBe(`Error: No such container: ${ID}`)
  })

  it('refuses a container reference that could be read as a flag', async () => {
    const {rt, processes} = runtime(engine)
    const refused = (async () => {
      for await (const _ of rt.logs('--all')) break
    })()
    await expect(refused).rejects.toThrow(InvalidValueError)
    expect(processes.calls).toEqual([])
  })

  it.each([
    [{stdin: false, tty: false}, ['exec', '--', ID, 'sh', '-c', 'exit 3']],
    [{stdin: true, tty: false}, ['exec', '--interactive', '--', ID, 'sh', '-c', 'exit 3']],
    [{stdin: true, tty: true}, ['exec', '--interactive', '--tty', '--', ID, 'sh', '-c', 'exit 3']],
  ])('execs attached with %j as %j and returns the exit code', async (options, args) => {
    const {rt, processes} = runtime(engine)
    processes.attachResult = {exitCode: 3}
    expect(await rt.execAttached(ID, ['sh', '-c', 'exit 3'], options)).toBe(3)
    expect(processes.calls).toEqual([{file: engine, args}])
    expect(processes.attachedStdin).toEqual([options.stdin])
  })

  it('throws when the engine client could not run at all', async () => {
    const {rt, processes} = runtime(engine)
    processes.attachResult = {
      exitCode: undefined,
      spawnError: Object.assign(new Error(`spawn ${engine} ENOENT`), {code: 'ENOENT'}),
    }
    await expect(rt.execAttached(ID, ['true'], {stdin: false, tty: false})).rejects.toThrow(RuntimeError)
  })
})
