/**
 * Watching: follow the change log from a resourceVersion, as a Kubernetes watch does. Readers poll the log's
 * index for rows newer than the last one they saw (a cheap indexed read), never rescanning object tables.
 */
import type {Change, Store} from './store.js'

/** Options of a watch. */
export interface WatchOptions {
  /** Start after this resourceVersion (the list's resourceVersion, so nothing is missed or repeated). */
  after: number
  /** Which changes to report. */
  filter?: (change: Change) => boolean
  /**
   * How long to wait between looks at the log when it has nothing new, in ms. A look is one indexed read
   * (tens of microseconds), so a short interval costs little idle CPU and lets the control plane react to a
   * write within a few tens of milliseconds.
   */
  intervalMs?: number
  signal?: AbortSignal
}

/** The default pause between looks at an idle change log. */
export const DEFAULT_WATCH_INTERVAL_MS = 25

/** Yields the matching changes in order until the signal aborts. */
export async function* watchChanges(store: Store, options: WatchOptions): AsyncGenerator<Change> {
  let after = options.after
  const interval = options.intervalMs ?? DEFAULT_WATCH_INTERVAL_MS
  while (!options.signal?.aborted) {
    const changes = store.changesSince(after)
    for (const change of changes) {
      after = change.resourceVersion
      if (!options.filter || options.filter(change)) yield change
    }
    if (changes.length === 0) await sleep(interval, options.signal)
  }
}

/** Waits `ms`, or less if the signal aborts first. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms)
    function done(): void {
      clearTimeout(timer)
      signal?.removeEventListener('abort', done)
      resolve()
    }
    signal?.addEventListener('abort', done, {once: true})
  })
}
