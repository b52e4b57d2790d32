/**
 * The engine's container events as one stream: `<engine> events` from the moment of the call and, where podman
 * logs its events to a file, the lines it appends there (podman-event-file.ts), which arrive sooner. An event
 * both report is passed on once, when the first of them reports it.
 *
 * podman's client ends by itself, with exit code 0, when podman rotates its events file; a client that ends
 * that way after running a while is started again at once, from shortly before it ended (`--since`), so the
 * stream goes on without a gap (what it reports twice is dropped). Any other end of the client ends the stream
 * with a RuntimeError (the engine restarted, for instance); the signal's abort ends it quietly.
 */
import {LABELS, MANAGED_BY, type ContainerEvent} from '../core/runtime/container-runtime.js'
import type {Dialect} from './dialect.js'
import type {EngineCommands} from './engine-commands.js'
import {appendedLines} from './podman-event-file.js'
import type {RuntimeError} from './runtime-error.js'

/** What following the events needs. */
export interface EventStreamOptions {
  commands: EngineCommands
  dialect: Dialect
  /** Epoch milliseconds from which the engine's client reports events. */
  since: number
  /** The clock `since` is on (epoch milliseconds). */
  now: () => number
  /** podman's events file, when it has one to follow as well. */
  eventFile?: string
  signal: AbortSignal
}

/** How many recent events are remembered to drop the second report of each. */
const REMEMBERED = 4096
/** A client that ended cleanly after at least this long is started again rather than given up on. */
const RESTART_AFTER_MS = 1000
/** How far back a restarted client starts: what it reports twice is dropped, what it would miss is not. */
const RESTART_OVERLAP_MS = 2000

/** Follows the events of Tugboat's containers. */
export async function* containerEvents(options: EventStreamOptions): AsyncGenerator<ContainerEvent> {
  const {dialect, eventFile, signal} = options
  // Our own abort, so that leaving early (or a failure) also ends the engine's client and lets go of the file.
  const stop = new AbortController()
  const forward = (): void => stop.abort()
  signal.addEventListener('abort', forward, {once: true})
  const lines = new LineQueue()
  void followClient(options, stop.signal, lines).catch((error: unknown) => lines.fail(error))
  if (eventFile) void followFile(eventFile, stop.signal, lines).catch(() => undefined)
  const seen = new Set<string>()
  try {
    for await (const line of lines.drain(stop.signal)) {
      const event = dialect.parseEvent(line)
      if (!event || event.labels[LABELS.managedBy] !== MANAGED_BY) continue
      const key = `${event.type} ${event.id} ${event.time}`
      if (seen.has(key)) continue
      seen.add(key)
      // A Set iterates in insertion order: the first key is the oldest.
      if (seen.size > REMEMBERED) seen.delete(seen.values().next().value ?? '')
      yield event
    }
  } finally {
    signal.removeEventListener('abort', forward)
    stop.abort()
  }
}

/** Runs the engine's client, again after a clean end (see above); ends the queue when it gives up. */
async function followClient(
  options: EventStreamOptions,
  signal: AbortSignal,
  queue: LineQueue,
): Promise<void> {
  const {commands, dialect, now} = options
  for (let since = options.since; ;) {
    const args = [
      'events',
      `--format=${dialect.eventsFormat}`,
      `--since=${(since / 1000).toFixed(3)}`,
      '--filter=type=container',
      `--filter=label=${LABELS.managedBy}=${MANAGED_BY}`,
    ]
    const started = now()
    const followed = commands.follow(args, signal)
    try {
      for await (const line of followed.lines) queue.push(line)
    } catch (error) {
      return queue.fail(error)
    }
    if (signal.aborted) return queue.end()
    const result = await followed.result()
    const ended = now()
    if (result.exitCode !== 0 || ended - started < RESTART_AFTER_MS)
      return queue.fail(commands.failure('the event stream ended', args, result))
    since = ended - RESTART_OVERLAP_MS
  }
}

/** Adds the lines podman appends to its events file; stops quietly when the file cannot be read. */
async function followFile(file: string, signal: AbortSignal, queue: LineQueue): Promise<void> {
  for await (const line of appendedLines(file, signal)) queue.push(line)
}

/** Lines from several producers for one reader, in arrival order; the client's failure ends the reading. */
class LineQueue {
  private readonly lines: string[] = []
  private ended = false
  private failure: RuntimeError | Error | undefined
  private wake: (() => void) | undefined

  push(line: string): void {
    this.lines.push(line)
    this.wake?.()
  }

  end(): void {
    this.ended = true
    this.wake?.()
  }

  fail(error: unknown): void {
    this.failure = error instanceof Error ? error : new Error(String(error))
    this.end()
  }

  /** The lines until the queue ends (throwing its failure, if any) or the signal aborts. */
  async *drain(signal: AbortSignal): AsyncGenerator<string> {
    const onAbort = (): void => this.wake?.()
    signal.addEventListener('abort', onAbort, {once: true})
    try {
      while (!signal.aborted) {
        const line = this.lines.shift()
        if (line !== undefined) {
          yield line
          continue
        }
        if (this.ended) break
        await new Promise<void>((resolve) => (this.wake = resolve))
        this.wake = undefined
      }
    } finally {
      signal.removeEventListener('abort', onAbort)
    }
    if (this.failure && !signal.aborted) throw this.failure
  }
}
