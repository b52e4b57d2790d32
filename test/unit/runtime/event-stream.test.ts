import {appendFileSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import type {ContainerEvent} from '../../../src/core/runtime/container-runtime.js'
import {dialectOf} from '../../../src/runtime/dialect.js'
import {EngineCommands} from '../../../src/runtime/engine-commands.js'
import {containerEvents} from '../../../src/runtime/event-stream.js'
import {parsePodmanEvent} from '../../../src/runtime/parse-event.js'
import type {FollowedProcess, ProcessResult} from '../../../src/runtime/process-runner.js'
import {FakeProcesses, sample} from './fake-processes.js'

const LINES = sample('podman', 'events.jsonl').split('\n').filter(Boolean)

/**
 * An engine whose `events` client prints the next of `runs` (each run of the client its own lines, the last
 * one for any further run) and then, per `ends`, keeps running or exits.
 */
class EventsClient extends FakeProcesses {
  constructor(
    private readonly runs: string[][],
    private readonly ends: Partial<ProcessResult> | 'never',
  ) {
    super()
  }

  override follow(file: string, args: readonly string[], signal: AbortSignal): FollowedProcess {
    this.calls.push({file, args: [...args]})
    const lines = this.runs.length > 1 ? (this.runs.shift() ?? []) : (this.runs[0] ?? [])
    const {ends} = this
    async function* stream(): AsyncGenerator<string> {
      for (const line of lines) {
        await Promise.resolve()
        if (signal.aborted) return
        yield line
      }
      if (ends === 'never' && !signal.aborted)
        await new Promise((resolve) => signal.addEventListener('abort', resolve, {once: true}))
    }
    const result = {exitCode: 0, stdout: '', stderr: '', timedOut: false, ...(ends === 'never' ? {} : ends)}
    return {lines: stream(), result: () => Promise.resolve(result)}
  }
}

/** Follows the events until `count` came (or the stream ended); returns them and the `events` commands run. */
async function follow(
  client: EventsClient,
  count: number,
  options: {now?: () => number; eventFile?: string} = {},
) {
  const controller = new AbortController()
  const seen: ContainerEvent[] = []
  const stream = containerEvents({
    commands: new EngineCommands('podman', client),
    dialect: dialectOf('podman'),
    since: 1_700_000_000_000,
    now: options.now ?? (() => 1_700_000_000_000),
    eventFile: options.eventFile,
    signal: controller.signal,
  })
  let error: unknown
  try {
    for await (const event of stream) {
      seen.push(event)
      if (seen.length === count) controller.abort()
    }
  } catch (thrown) {
    error = thrown
  }
  return {seen, error, commands: client.argsOf('events')}
}

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, {recursive: true, force: true})
})

describe('containerEvents', () => {
  it('starts a client that ended cleanly after a while again, from shortly before, reporting each event once', async () => {
    let clock = 1_700_000_000_000
    const now = () => (clock += 5_000) // every look at the clock: five seconds later
    // The second client reports the first one's events again, and then the rest.
    const client = new EventsClient([LINES.slice(0, 3), LINES], {exitCode: 0})
    const {seen, error, commands} = await follow(client, LINES.length, {now})
    expect(error).toBeUndefined()
    // The second client replays the same lines: none of them comes out twice.
    expect(seen).toEqual(LINES.map(parsePodmanEvent))
    expect(commands.length).toBeGreaterThanOrEqual(2)
    // The first client started at 1_700_000_005_000 and ended at ..._010_000: the next starts 2 s before that.
    expect(commands[1]).toContain('--since=1700000008.000')
  })

  it('fails when the client ends with an error, or cleanly but at once', async () => {
    for (const ends of [{exitCode: 125, stderr: 'Error: cannot connect'}, {exitCode: 0}]) {
      const {seen, error} = await follow(new EventsClient([LINES.slice(0, 2)], ends), 99)
      expect(seen).toHaveLength(2)
      expect(String(error)).toMatch(/the event stream ended/)
    }
  })

  it('adds the lines podman appends to its events file, before its client reports them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tug-events-'))
    dirs.push(dir)
    const file = join(dir, 'events.log')
    writeFileSync(file, `${LINES[0]}\n`) // already there: not reported again
    const client = new EventsClient([[]], 'never')
    const following = follow(client, 2, {eventFile: file})
    await new Promise((resolve) => setTimeout(resolve, 50))
    appendFileSync(file, `${LINES[1]}\n${LINES[2]?.slice(0, 40)}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
    appendFileSync(file, `${LINES[2]?.slice(40)}\n`)
    const {seen, error} = await following
    expect(error).toBeUndefined()
    expect(seen.map((event) => event.type)).toEqual(['other', 'start'])
  })
})
