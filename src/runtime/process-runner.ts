/**
 * How the adapter runs a program. Production uses execa (execa-runner.ts); unit tests pass a recorder that
 * answers with samples recorded from the real engines and keeps the argument arrays for assertions.
 */

/** What a finished program left behind. A non-zero exit is a result, not an exception. */
export interface ProcessResult {
  /** Undefined when the program did not start, was killed by a signal, or timed out. */
  exitCode?: number
  stdout: string
  stderr: string
  timedOut: boolean
  /** Why the program could not start (e.g. code ENOENT: not on PATH). */
  spawnError?: Error & {code?: string}
  /** The runner's own error for a failed run (execa's), kept as a RuntimeError's cause. */
  error?: Error
}

/** Options for one run. */
export interface RunOptions {
  /** Kills the program after this long (and reports timedOut). */
  timeoutMs?: number
  /** Receives stdout and stderr line by line as they arrive (pull progress). */
  onLine?: (line: string) => void
}

/** A long-running program whose stdout is read line by line (an event stream). */
export interface FollowedProcess {
  /** stdout lines until the program ends or the signal aborts (which ends the lines at once). */
  lines: AsyncIterable<string>
  /** Settles when the program has ended; not awaited after an abort. */
  result(): Promise<ProcessResult>
}

/** Runs programs with an argument array, never through a shell. */
export interface ProcessRunner {
  run(file: string, args: readonly string[], options?: RunOptions): Promise<ProcessResult>
  follow(file: string, args: readonly string[], signal: AbortSignal): FollowedProcess
}
