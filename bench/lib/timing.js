// Clocks and summaries for the figures: one monotonic clock for every timestamp, so differences between a
// control plane's log line, a store change and a finished command are comparable.
import {spawnSync} from 'node:child_process'

/** Monotonic milliseconds (performance.now): every timestamp the benchmarks compare comes from here. */
export function now() {
  return performance.now()
}

/** The middle sample (the lower middle for an even count). */
export function median(samples) {
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.floor((sorted.length - 1) / 2)]
}

/** The largest sample. */
export function max(samples) {
  return Math.max(...samples)
}

/** The smallest sample. */
export function min(samples) {
  return Math.min(...samples)
}

/** `min-max` of samples in ms, for noting the spread next to a median. */
export function spread(samples) {
  return `${Math.round(min(samples))}-${Math.round(max(samples))} ms`
}

/** Runs a program to completion (spawnSync) and returns its wall time in ms; throws when it fails. */
export function timeProgram(command, args, env = {}) {
  const start = now()
  const result = spawnSync(command, args, {
    env: {...process.env, ...env, NO_COLOR: '1'},
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    timeout: 600_000,
  })
  const ms = now() - start
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(' ')} failed (${result.status}): ${result.stderr}`)
  return ms
}

/** The median wall time of `runs` runs of a program, after one unmeasured run that warms the page cache. */
export function medianProgram(command, args, env, runs) {
  timeProgram(command, args, env)
  return median(Array.from({length: runs}, () => timeProgram(command, args, env)))
}

let interrupted = false

/** Makes every wait fail from now on (Ctrl-C), so the figures stop and their clean-up runs. */
export function interruptWaits() {
  interrupted = true
}

/** Waits `ms`. */
export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

/**
 * Calls `check` every `intervalMs` until it returns something other than undefined, and returns that with
 * the time it was found; throws after `timeoutMs` with `what` in the message. Every wait is bounded.
 */
export async function poll(what, check, {timeoutMs, intervalMs = 10}) {
  const deadline = now() + timeoutMs
  for (;;) {
    if (interrupted) throw new Error('interrupted')
    const value = await check()
    if (value !== undefined) return {value, at: now()}
    if (now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`)
    await sleep(intervalMs)
  }
}
