/**
 * Time as the control loops see it. Back-off, probes, relists, retries and controller delays all read and schedule through this, so
 * tests move time forward by hand instead of sleeping.
 */

/** A scheduled callback that can be cancelled. */
export interface Timer {
  cancel(): void
}

/** The current time and one-shot timers. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number
  /** Runs `fn` once after `ms` milliseconds. */
  setTimer(fn: () => void, ms: number): Timer
}

/** The real clock. Timers are unref'd: a pending retry alone never keeps the process alive. */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer(fn, ms) {
    const handle = setTimeout(fn, Math.max(0, ms))
    handle.unref()
    return {cancel: () => clearTimeout(handle)}
  },
}
