/**
 * Per-key exponential back-off, as client-go's flowcontrol.Backoff that the kubelet uses for crash loops
 * (key: one container of one pod) and image pulls (key: pod uid + image).
 *
 * Worked example with the Kubernetes profile (10 s doubling to 300 s): a container crashes at t=0; there is
 * no entry yet, so it restarts at once and next() records 10 s. It crashes again at t=2: isInBackOffSince(2)
 * holds until t=12, the pod shows CrashLoopBackOff `back-off 10s ...`; at t=12 it restarts and next() doubles
 * to 20 s; then 40 s, 80 s, 160 s, 300 s, 300 s... An entry expires when an event comes more than 2 × max
 * (10 min) after its last update: a container that ran that long starts again from 10 s.
 */
import type {Clock} from '../loop/clock.js'

/** Initial delay and cap, in milliseconds. */
export interface BackoffProfile {
  initialMs: number
  maxMs: number
}

/** Kubernetes' kubelet: backOffPeriod 10 s, MaxContainerBackOff 300 s. */
export const KUBERNETES_BACKOFF: BackoffProfile = {initialMs: 10_000, maxMs: 300_000}

/** Classroom speed: the same shape in seconds rather than minutes. */
export const CLASSROOM_BACKOFF: BackoffProfile = {initialMs: 1_000, maxMs: 20_000}

/** The named profiles a configuration can choose. */
export const BACKOFF_PROFILES = {kubernetes: KUBERNETES_BACKOFF, classroom: CLASSROOM_BACKOFF} as const

/** A profile name of BACKOFF_PROFILES. */
export type BackoffProfileName = keyof typeof BACKOFF_PROFILES

/** What the pure sync plan may ask of a back-off without changing it. */
export interface BackoffView {
  /** The current delay of a key in ms (0 when it has none). */
  get(key: string): number
  /** True while less than the key's delay has passed since `eventTime` (ms). */
  isInBackOffSince(key: string, eventTime: number): boolean
}

interface Entry {
  backoffMs: number
  lastUpdate: number
}

/** flowcontrol.Backoff without jitter (the kubelet passes none). */
export class Backoff implements BackoffView {
  private readonly entries = new Map<string, Entry>()

  constructor(
    readonly profile: BackoffProfile,
    private readonly clock: Pick<Clock, 'now'>,
  ) {}

  /** Records one more back-off for `key` after an event at `eventTime`: initial, then doubled up to the cap. */
  next(key: string, eventTime: number): void {
    const entry = this.entries.get(key)
    const backoffMs =
      !entry || this.hasExpired(eventTime, entry)
        ? this.profile.initialMs
        : Math.min(entry.backoffMs * 2, this.profile.maxMs)
    this.entries.set(key, {backoffMs, lastUpdate: this.clock.now()})
  }

  get(key: string): number {
    return this.entries.get(key)?.backoffMs ?? 0
  }

  isInBackOffSince(key: string, eventTime: number): boolean {
    const entry = this.entries.get(key)
    if (!entry || this.hasExpired(eventTime, entry)) return false
    return this.clock.now() - eventTime < entry.backoffMs
  }

  /** True while less than the key's delay has passed since its last update (image pulls). */
  isInBackOffSinceUpdate(key: string, eventTime: number): boolean {
    const entry = this.entries.get(key)
    if (!entry || this.hasExpired(eventTime, entry)) return false
    return eventTime - entry.lastUpdate < entry.backoffMs
  }

  /** Milliseconds until `key`'s back-off since its last update ends (0 when it is not backing off). */
  remainingSinceUpdate(key: string): number {
    const entry = this.entries.get(key)
    return entry ? Math.max(0, entry.lastUpdate + entry.backoffMs - this.clock.now()) : 0
  }

  /** Forgets the keys that start with `prefix` (a deleted pod's). */
  forgetPrefix(prefix: string): void {
    for (const key of this.entries.keys()) if (key.startsWith(prefix)) this.entries.delete(key)
  }

  /** hasExpired: stable for twice the cap means the next failure starts from the initial delay again. */
  private hasExpired(eventTime: number, entry: Entry): boolean {
    return eventTime - entry.lastUpdate > this.profile.maxMs * 2
  }
}
