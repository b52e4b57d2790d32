/**
 * What `tug cluster-info` shows of a running control plane: each component, when it last did work, and its
 * last failure. The control plane keeps this board up to date; `tug up` publishes it beside its pid file,
 * since another `tug` process cannot look inside this one.
 */

/** One component's health. */
export interface ComponentHealth {
  name: string
  /** `ok`, or `failing` while its latest sync failed. */
  state: 'ok' | 'failing'
  syncs: number
  failures: number
  lastSyncAt?: string
  lastError?: string
}

/** The control plane's components and their health. */
export class HealthBoard {
  private readonly components = new Map<string, ComponentHealth>()

  /** Lists a component before it has done anything. */
  register(name: string): void {
    if (!this.components.has(name)) this.components.set(name, {name, state: 'ok', syncs: 0, failures: 0})
  }

  /** Records a finished sync (with its error, if it failed). */
  record(name: string, at: Date, error?: unknown): void {
    this.register(name)
    const health = this.components.get(name)
    if (!health) return
    health.syncs++
    health.lastSyncAt = at.toISOString()
    if (error === undefined) {
      health.state = 'ok'
      return
    }
    health.state = 'failing'
    health.failures++
    health.lastError = error instanceof Error ? error.message : JSON.stringify(error)
  }

  /** A copy of every component's health, in registration order. */
  snapshot(): ComponentHealth[] {
    return [...this.components.values()].map((health) => ({...health}))
  }
}
