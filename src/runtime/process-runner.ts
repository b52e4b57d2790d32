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

/** A piece of a running program's output, as it arrived (not split into lines). */
export interface OutputChunk {
  stream: 'stdout' | 'stderr'
  text: string
}

/** A program whose stdout and stderr are both read as they arrive (a container's log being followed). */
export interface StreamedProcess {
  /** Output in arrival order until the program ends, or until the signal aborts (which ends it at once). */
  chunks: AsyncIterable<OutputChunk>
  /** Settles when the program has ended; stdout is empty there and stderr keeps only its last few KiB. */
  result(): Promise<ProcessResult>
}

/** Runs programs with an argument array, never through a shell. */
export interface ProcessRunner {
  run(file: string, args: readonly string[], options?: RunOptions): Promise<ProcessResult>
  follow(file: string, args: readonly string[], signal: AbortSignal): FollowedProcess
  stream(file: string, args: readonly string[], signal?: AbortSignal): StreamedProcess
  /**
   * Runs a program on this process's own stdout and stderr, and its stdin when `stdin` is set, so a
   * terminal reaches it untouched (an interactive `exec`); its output is therefore not in the result.
   */
  attach(file: string, args: readonly string[], options: {stdin: boolean}): Promise<ProcessResult>
}
