/**
 * The cluster's settings file, `config.yaml` in the state directory: what `tug up` uses when no flag says
 * otherwise, so a teacher can fix a class's cluster shape once (e.g. three workers, Kubernetes' timings).
 *
 *   nodes: 2              # worker nodes (1-10)
 *   timings: classroom    # classroom | kubernetes: heartbeats, node grace period, eviction delay
 *   backoff: kubernetes   # kubernetes | classroom: crash-loop and image-pull back-off
 */
import {existsSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {parse} from 'yaml'
import {UserError} from '../core/api/errors.js'

/** The settings a state directory can hold. */
export interface Settings {
  nodes?: number
  timings?: 'classroom' | 'kubernetes'
  backoff?: 'classroom' | 'kubernetes'
}

/** The most worker nodes a cluster may have: each runs a kubelet and an event stream in one process. */
export const MAX_WORKERS = 10

const CHOICES = {timings: ['classroom', 'kubernetes'], backoff: ['classroom', 'kubernetes']} as const

/** The settings file of a state directory. */
export function settingsFile(dir: string): string {
  return join(dir, 'config.yaml')
}

/** Reads and checks the settings; a missing file means no settings. */
export function readSettings(dir: string): Settings {
  const file = settingsFile(dir)
  if (!existsSync(file)) return {}
  let raw: unknown
  try {
    raw = parse(readFileSync(file, 'utf8'))
  } catch (error) {
    throw new UserError(`${file}: ${error instanceof Error ? error.message : String(error)}`)
  }
  if (raw === null || raw === undefined) return {}
  if (typeof raw !== 'object' || Array.isArray(raw))
    throw new UserError(`${file}: expected a map of settings`)
  const settings: Settings = {}
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (key === 'nodes') settings.nodes = workerCount(value, `${file}: nodes`)
    else if (key === 'timings' || key === 'backoff') settings[key] = choice(key, value, file)
    else throw new UserError(`${file}: unknown setting "${key}"`, 'known settings: nodes, timings, backoff')
  }
  return settings
}

/** Checks a worker count from a flag or the settings file. */
export function workerCount(value: unknown, what: string): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_WORKERS) return value
  throw new UserError(
    `${what}: must be a whole number from 1 to ${MAX_WORKERS}, got ${JSON.stringify(value)}`,
  )
}

function choice<K extends keyof typeof CHOICES>(
  key: K,
  value: unknown,
  file: string,
): (typeof CHOICES)[K][number] {
  const allowed: readonly string[] = CHOICES[key]
  if (typeof value === 'string' && allowed.includes(value)) return value as (typeof CHOICES)[K][number]
  throw new UserError(`${file}: ${key}: must be one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`)
}
