/** A clock that only moves when a test says so; due timers run in time order, with async work settled after each. */
import type {Clock, Timer} from '../../src/core/loop/clock.js'

interface Scheduled {
  at: number
  seq: number
  fn: () => void
  cancelled: boolean
}

/** Lets pending promise chains (runtime calls, syncs) run to their next real wait. */
export async function settle(rounds = 20): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise<void>((resolve) => setImmediate(resolve))
}

/** The fake clock. */
export class FakeClock implements Clock {
  private time: number
  private seq = 0
  private timers: Scheduled[] = []

  constructor(start = Date.parse('2024-05-14T12:00:00Z')) {
    this.time = start
  }

  now(): number {
    return this.time
  }

  setTimer(fn: () => void, ms: number): Timer {
    const timer: Scheduled = {at: this.time + Math.max(0, ms), seq: this.seq++, fn, cancelled: false}
    this.timers.push(timer)
    return {cancel: () => void (timer.cancelled = true)}
  }

  /** Moves time forward by `ms`, firing every timer that comes due on the way. */
  async advance(ms: number): Promise<void> {
    const end = this.time + ms
    for (;;) {
      await settle()
      const next = this.timers
        .filter((t) => !t.cancelled && t.at <= end)
        .sort((a, b) => a.at - b.at || a.seq - b.seq)[0]
      if (!next) break
      this.timers = this.timers.filter((t) => t !== next)
      this.time = Math.max(this.time, next.at)
      next.fn()
    }
    this.time = end
    await settle()
  }
}
