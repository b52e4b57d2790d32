/**
 * The running control plane's published status, `control-plane.json` beside its pid file: how it was started
 * and each component's health, rewritten every couple of seconds so `tug cluster-info` (another process) can
 * show it and tell a stale board from a live one.
 */
import {readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import type {ComponentHealth} from '../core/control-plane/component-health.js'

/** What the control plane publishes. */
export interface ControlPlaneStatus {
  pid: number
  startedAt: string
  updatedAt: string
  runtime: string
  nodes: string[]
  timings: string
  backoff: string
  components: ComponentHealth[]
}

/** How often the status is rewritten (ms); a board older than a few of these is stale. */
export const STATUS_INTERVAL_MS = 2000

function statusFile(dir: string): string {
  return join(dir, 'control-plane.json')
}

/** Writes the status atomically (a reader never sees half a file). */
export function writeControlPlaneStatus(dir: string, status: ControlPlaneStatus): void {
  const file = statusFile(dir)
  writeFileSync(`${file}.tmp`, `${JSON.stringify(status, null, 2)}\n`, {mode: 0o600})
  renameSync(`${file}.tmp`, file)
}

/** Reads the published status, if there is a readable one. */
export function readControlPlaneStatus(dir: string): ControlPlaneStatus | undefined {
  try {
    return JSON.parse(readFileSync(statusFile(dir), 'utf8')) as ControlPlaneStatus
  } catch {
    return undefined
  }
}

/** Removes the status when the control plane stops. */
export function removeControlPlaneStatus(dir: string): void {
  rmSync(statusFile(dir), {force: true})
}
