/**
 * A keyed work queue in the manner of client-go's workqueue: a key waits at most once (adding it again is a
 * no-op), a key is never processed twice at the same time (added while in flight, it runs once more after),
 * keys can be added after a delay, and a failing key is retried with per-key exponential back-off until it
 * succeeds. Event handlers only add keys; the workers call the sync function.
 */
import type {Clock, Timer} from './clock.js'

/** How the queue runs. */
export interface WorkQueueOptions {
  clock: Clock
  /** Keys processed at the same time (different keys only). */
  concurrency?: number
  /** Retry delays of a failing key: initial, doubled per failure up to max. */
  retry?: {initialMs: number; maxMs: number}
}

/** What a run does with each key, and how it reports a failure (the key is retried). */
export interface WorkQueueRun {
  handler(key: string): Promise<void>
  onError?(key: string, error: unknown, retryInMs: number): void
  signal: AbortSignal
}

/** The queue. */
export class WorkQueue {
  private readonly pending = new Set<string>()
  private readonly processing = new Set<string>()
  private readonly dirty = new Set<string>()
  private readonly delayed = new Map<string, {at: number; timer: Timer}>()
  private readonly failures = new Map<string, number>()
  private wake: (() => void) | undefined

  constructor(private readonly options: WorkQueueOptions) {}

  /** Queues a key (once). */
  add(key: string): void {
    if (this.processing.has(key)) this.dirty.add(key)
    else this.pending.add(key)
    this.wake?.()
  }

  /** Queues a key after `ms`; an earlier pending delay for the key wins. */
  addAfter(key: string, ms: number): void {
    if (ms <= 0) return this.add(key)
    const at = this.options.clock.now() + ms
    const existing = this.delayed.get(key)
    if (existing && existing.at <= at) return
    existing?.timer.cancel()
    const timer = this.options.clock.setTimer(() => {
      this.delayed.delete(key)
      this.add(key)
    }, ms)
    this.delayed.set(key, {at, timer})
  }

  /** Queues a failed key again after its next back-off delay; returns the delay. */
  retry(key: string): number {
    const failures = (this.failures.get(key) ?? 0) + 1
    this.failures.set(key, failures)
    const {initialMs, maxMs} = this.options.retry ?? {initialMs: 500, maxMs: 10_000}
    const delay = Math.min(initialMs * 2 ** (failures - 1), maxMs)
    this.addAfter(key, delay)
    return delay
  }

  /** Clears a key's failure count after it succeeded. */
  forget(key: string): void {
    this.failures.delete(key)
  }

  /** Keys waiting now (not those scheduled for later). */
  waiting(): string[] {
    return [...this.pending]
  }

  /** Keys scheduled for later, with the time they come due. */
  scheduled(): Map<string, number> {
    return new Map([...this.delayed].map(([key, entry]) => [key, entry.at]))
  }

  /** Processes keys until the signal aborts, then waits for the ones in flight. */
  async run(run: WorkQueueRun): Promise<void> {
    const concurrency = this.options.concurrency ?? 8
    const inFlight = new Set<Promise<void>>()
    const onAbort = (): void => this.wake?.()
    run.signal.addEventListener('abort', onAbort)
    while (!run.signal.aborted) {
      for (const key of this.pending) {
        if (inFlight.size >= concurrency) break
        this.pending.delete(key)
        const work = this.process(key, run).finally(() => {
          inFlight.delete(work)
          this.wake?.()
        })
        inFlight.add(work)
      }
      await new Promise<void>((resolve) => (this.wake = resolve))
      this.wake = undefined
    }
    run.signal.removeEventListener('abort', onAbort)
    await Promise.all(inFlight)
    for (const {timer} of this.delayed.values()) timer.cancel()
    this.delayed.clear()
  }

  private async process(key: string, run: WorkQueueRun): Promise<void> {
    this.processing.add(key)
    try {
      await run.handler(key)
      this.forget(key)
    } catch (error) {
      const delay = this.retry(key)
      run.onError?.(key, error, delay)
    } finally {
      this.processing.delete(key)
      if (this.dirty.delete(key)) this.pending.add(key)
    }
  }
}
