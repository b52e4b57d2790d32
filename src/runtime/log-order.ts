/**
 * A container's log in the order it was written. The engines' `logs` replays stdout on one pipe and stderr on
 * the other, and reading two pipes loses their interleaving: a burst arrives as all its stdout, then all its
 * stderr. `kubectl logs` shows one stream in write order, so the adapter asks the engine for timestamps and
 * merges the two pipes by them, dropping the timestamps again unless the caller wanted them.
 *
 * A line is held back until the other pipe has shown a later line, or has gone quiet for a moment (HOLD_MS):
 * long enough for the engine's client to have written an earlier line there, short enough that `logs -f`
 * still feels live.
 */
import type {LogChunk} from '../core/runtime/container-runtime.js'
import type {OutputChunk} from './process-runner.js'

/** How long a line waits for an earlier one on the other pipe. */
export const HOLD_MS = 100

/** One line of `logs --timestamps`, with its time as a sortable key. */
export interface StampedLine {
  stream: OutputChunk['stream']
  /** `YYYY-MM-DDTHH:MM:SS.nnnnnnnnn` in UTC: compares as text. */
  key: string
  /** The time in kubectl's form: RFC 3339 in UTC with up to nine fraction digits. */
  stamp: string
  /** The line without the time, with its newline (the last line of a log may lack one). */
  text: string
}

const STAMP = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?(Z|[+-]\d\d:\d\d) /

/** Splits `2024-05-14T12:00:00.123456789Z text` into its time and text; undefined without a time. */
export function parseStampedLine(stream: OutputChunk['stream'], line: string): StampedLine | undefined {
  const match = STAMP.exec(line)
  if (!match) return undefined
  const [whole, local = '', fraction = '', zone = 'Z'] = match
  // podman writes the time in the engine's own zone; kubectl shows UTC.
  const seconds = zone === 'Z' ? local : new Date(`${local}${zone}`).toISOString().slice(0, 19)
  const digits = fraction.replace(/0+$/, '')
  return {
    stream,
    key: `${seconds}.${fraction.padEnd(9, '0')}`,
    stamp: `${seconds}${digits ? `.${digits}` : ''}Z`,
    text: line.slice(whole.length),
  }
}

/** A line waiting for its turn, with when it arrived. */
type HeldLine = StampedLine & {arrived: number}

/** A first-in first-out queue whose take is O(1), for logs of many thousands of lines. */
class LineQueue {
  private lines: HeldLine[] = []
  private start = 0

  get head(): HeldLine | undefined {
    return this.lines[this.start]
  }

  get size(): number {
    return this.lines.length - this.start
  }

  push(line: HeldLine): void {
    this.lines.push(line)
  }

  shift(): HeldLine | undefined {
    const line = this.lines[this.start++]
    // Drop what was taken now and then, so memory follows what is still held.
    if (this.start > 1024 && this.start * 2 > this.lines.length) {
      this.lines = this.lines.slice(this.start)
      this.start = 0
    }
    return line
  }
}

/** Lines of both pipes waiting for their turn. */
export class LogMerger {
  private readonly queues = {stdout: new LineQueue(), stderr: new LineQueue()}
  private readonly partial = {stdout: '', stderr: ''}
  private readonly lastKey = {stdout: '', stderr: ''}

  constructor(private readonly holdMs = HOLD_MS) {}

  /** Adds what a pipe delivered; complete lines join its queue, a trailing partial line waits for the rest. */
  push(chunk: OutputChunk, now: number): void {
    const text = this.partial[chunk.stream] + chunk.text
    const end = text.lastIndexOf('\n') + 1
    this.partial[chunk.stream] = text.slice(end)
    let from = 0
    while (from < end) {
      const to = text.indexOf('\n', from) + 1
      this.enqueue(chunk.stream, text.slice(from, to), now)
      from = to
    }
  }

  /** The pipes have closed: a partial last line is a line too. */
  finish(now: number): void {
    for (const stream of ['stdout', 'stderr'] as const) {
      if (this.partial[stream]) this.enqueue(stream, this.partial[stream], now)
      this.partial[stream] = ''
    }
  }

  /** The lines whose turn has come, in time order; with `all`, every line left. */
  take(now: number, all = false): StampedLine[] {
    const out: StampedLine[] = []
    const {stdout, stderr} = this.queues
    for (;;) {
      const [first, other] =
        stdout.head && (!stderr.head || stdout.head.key <= stderr.head.key)
          ? [stdout, stderr]
          : [stderr, stdout]
      const head = first.head
      if (!head || !(all || other.size > 0 || now - head.arrived >= this.holdMs)) return out
      first.shift()
      out.push({stream: head.stream, key: head.key, stamp: head.stamp, text: head.text})
    }
  }

  /** Milliseconds until the oldest held line may go without a later line on the other pipe. */
  nextDeadline(now: number): number | undefined {
    const heads = [this.queues.stdout.head, this.queues.stderr.head].filter((line) => line !== undefined)
    if (heads.length === 0) return undefined
    return Math.max(0, Math.min(...heads.map((line) => line.arrived + this.holdMs - now)))
  }

  private enqueue(stream: OutputChunk['stream'], raw: string, now: number): void {
    // A line without a time (not expected) keeps its place after the pipe's previous line.
    const line = parseStampedLine(stream, raw) ?? {stream, key: this.lastKey[stream], stamp: '', text: raw}
    this.lastKey[stream] = line.key
    this.queues[stream].push({...line, arrived: now})
  }
}

/** Re-orders `logs --timestamps` output by time; keeps the times in front of the lines only if asked to. */
export async function* mergeByTime(
  chunks: AsyncIterable<OutputChunk>,
  options: {timestamps?: boolean; holdMs?: number; now?: () => number} = {},
): AsyncGenerator<LogChunk> {
  const now = options.now ?? Date.now
  const merger = new LogMerger(options.holdMs)
  // Consecutive lines of one stream go out as one chunk: a long log is then a few large writes.
  const render = (lines: StampedLine[]): LogChunk[] => {
    const out: LogChunk[] = []
    for (const line of lines) {
      const text = options.timestamps && line.stamp ? `${line.stamp} ${line.text}` : line.text
      const last = out.at(-1)
      if (last?.stream === line.stream) last.text += text
      else out.push({stream: line.stream, text})
    }
    return out
  }
  const iterator = chunks[Symbol.asyncIterator]()
  const pull = (): Promise<IteratorResult<OutputChunk>> => {
    const promise = iterator.next()
    // Awaited below; this only keeps a failure after an early stop from going unhandled.
    promise.catch(() => undefined)
    return promise
  }
  let next = pull()
  try {
    for (;;) {
      yield* render(merger.take(now()))
      const wait = merger.nextDeadline(now())
      const result = wait === undefined ? await next : await Promise.race([next, delay(wait)])
      if (result === undefined) continue
      if (result.done) break
      merger.push(result.value, now())
      next = pull()
    }
    merger.finish(now())
    yield* render(merger.take(now(), true))
  } finally {
    // Not awaited: after an early stop a read may still be pending, and the return waits behind it until
    // the caller's abort ends the engine's client.
    void iterator.return?.().catch(() => undefined)
  }
}

function delay(ms: number): Promise<undefined> {
  return new Promise((resolve) => setTimeout(() => resolve(undefined), ms))
}
