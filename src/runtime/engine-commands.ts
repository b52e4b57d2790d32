/**
 * One engine's command line: runs `<docker|podman> ...args`, reports each command and its duration to the
 * listener, and turns failures into RuntimeErrors that show the command, its exit code and stderr's tail.
 */
import type {CommandListener} from './command-log.js'
import {hintFor} from './error-hints.js'
import type {
  FollowedProcess,
  ProcessResult,
  ProcessRunner,
  RunOptions,
  StreamedProcess,
} from './process-runner.js'
import {RuntimeError} from './runtime-error.js'

/** Runs commands of one engine binary. */
export class EngineCommands {
  constructor(
    /** The program: `docker`, `podman`, or a path to one. */
    readonly file: string,
    private readonly processes: ProcessRunner,
    private readonly listener?: CommandListener,
  ) {}

  /** Runs a command and returns its result whatever the exit code. */
  async attempt(args: readonly string[], options?: RunOptions): Promise<ProcessResult> {
    const started = performance.now()
    const result = await this.processes.run(this.file, args, options)
    this.report(args, started, result.exitCode)
    return result
  }

  /** Runs a command; a non-zero exit becomes a RuntimeError saying `what` failed. */
  async run(what: string, args: readonly string[], options?: RunOptions): Promise<ProcessResult> {
    const result = await this.attempt(args, options)
    if (result.exitCode !== 0) throw this.failure(what, args, result)
    return result
  }

  /** The RuntimeError for a failed command. */
  failure(what: string, args: readonly string[], result: ProcessResult): RuntimeError {
    const hint = hintFor(this.file, result.stderr, result.spawnError?.code)
    const stderr = result.stderr || result.spawnError?.message || ''
    return new RuntimeError(
      what,
      {file: this.file, args, exitCode: result.exitCode, stderr, timedOut: result.timedOut},
      {cause: result.error ?? result.spawnError, hint},
    )
  }

  /** Follows a long-running command (an event stream); it is reported when it ends. */
  follow(args: readonly string[], signal: AbortSignal): FollowedProcess {
    const started = performance.now()
    const followed = this.processes.follow(this.file, args, signal)
    let reported = false
    const report = (exitCode?: number) => {
      if (reported) return
      reported = true
      this.report(args, started, exitCode)
    }
    signal.addEventListener('abort', () => report(), {once: true})
    return {
      lines: followed.lines,
      result: async () => {
        const result = await followed.result()
        report(result.exitCode)
        return result
      },
    }
  }

  /** Streams a command's stdout and stderr (a container's log); it is reported when it ends. */
  stream(args: readonly string[], signal?: AbortSignal): StreamedProcess {
    const started = performance.now()
    const streamed = this.processes.stream(this.file, args, signal)
    return {
      chunks: streamed.chunks,
      result: async () => {
        const result = await streamed.result()
        this.report(args, started, result.exitCode)
        return result
      },
    }
  }

  /** Runs a command on the caller's own terminal (an interactive exec); reported when it ends. */
  async attach(args: readonly string[], options: {stdin: boolean}): Promise<ProcessResult> {
    const started = performance.now()
    const result = await this.processes.attach(this.file, args, options)
    this.report(args, started, result.exitCode)
    return result
  }

  private report(args: readonly string[], started: number, exitCode?: number): void {
    this.listener?.({file: this.file, args, durationMs: performance.now() - started, exitCode})
  }
}
