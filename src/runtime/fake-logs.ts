/**
 * The fake runtime's container logs: what each container wrote, line by line with the time, read back the
 * way `docker logs` does (the last N lines, timestamps, following until the container stops).
 */
import type {LogChunk, LogOptions} from '../core/runtime/container-runtime.js'

/** One line a fake container wrote; the last one may lack its newline. */
export interface FakeLogLine {
  stream: LogChunk['stream']
  text: string
  time: string
}

/** Every fake container's log, by container id. */
export class FakeLogs {
  private readonly lines = new Map<string, FakeLogLine[]>()
  private readonly waiters = new Set<() => void>()

  /** Appends what a container wrote, split into lines as an engine stores them. */
  write(id: string, text: string, stream: LogChunk['stream'], time: string): void {
    const log = this.of(id)
    for (const line of text.match(/[^\n]*\n|[^\n]+$/g) ?? []) log.push({stream, text: line, time})
    this.changed()
  }

  /** The lines of one container. */
  of(id: string): FakeLogLine[] {
    let log = this.lines.get(id)
    if (!log) this.lines.set(id, (log = []))
    return log
  }

  /** Wakes followers: something was written, or a container stopped. */
  changed(): void {
    for (const wake of [...this.waiters]) wake()
  }

  /** Reads a log; with `follow`, waits for more while `running()` holds and the signal has not aborted. */
  async *read(id: string, options: LogOptions, running: () => boolean): AsyncGenerator<LogChunk> {
    const log = this.of(id)
    const tail = options.tail ?? -1
    let next = tail < 0 ? 0 : Math.max(0, log.length - tail)
    for (;;) {
      while (next < log.length && !options.signal?.aborted) {
        const line = log[next++]!
        yield {stream: line.stream, text: options.timestamps ? `${line.time} ${line.text}` : line.text}
      }
      if (!options.follow || options.signal?.aborted || !running()) return
      await this.nextChange(options.signal)
    }
  }

  private nextChange(signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        this.waiters.delete(done)
        signal?.removeEventListener('abort', done)
        resolve()
      }
      this.waiters.add(done)
      signal?.addEventListener('abort', done, {once: true})
    })
  }
}
