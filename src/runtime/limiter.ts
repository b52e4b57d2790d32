/**
 * At most n tasks at a time, the rest waiting in order. The adapter runs `run` through one: an engine asked
 * to create ten containers at once makes each slower, not the ten faster (podman serialises on its locks,
 * and every client is a process competing for the same few CPUs), so a few at a time finish sooner.
 */

/** A first-come, first-served limit on concurrent tasks. */
export class Limiter {
  private active = 0
  private readonly waiting: (() => void)[] = []

  constructor(private readonly limit: number) {}

  /** Runs `task` once fewer than `limit` others run; resolves or rejects as it does. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve))
    else this.active++
    try {
      return await task()
    } finally {
      const next = this.waiting.shift()
      if (next) next()
      else this.active--
    }
  }
}
