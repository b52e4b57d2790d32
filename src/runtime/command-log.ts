/**
 * Every docker/podman command the adapter runs can be reported, with its duration, to one listener: the CLI's
 * `--verbose` prints them to stderr and the control plane's log narrates them, so learners see the commands
 * an orchestrator runs on their behalf.
 */
import {escapeCommand} from './escape-command.js'

/** One command that finished (or, for an event stream, ended). */
export interface CommandRecord {
  file: string
  args: readonly string[]
  durationMs: number
  /** Undefined when the program did not start, was killed by a signal, or timed out. */
  exitCode?: number
}

/** Receives each finished command; it must not throw. */
export type CommandListener = (record: CommandRecord) => void

/** `docker stop -t 5 0f3a... (212 ms, exit 0)`: the line `--verbose` prints. */
export function formatCommandRecord(record: CommandRecord): string {
  const exit = record.exitCode === undefined ? 'no exit code' : `exit ${record.exitCode}`
  return `${escapeCommand(record.file, record.args)} (${Math.round(record.durationMs)} ms, ${exit})`
}
