/**
 * The commands whose output belongs to a person rather than to Tugboat: a container's log (`logs`), read as
 * it arrives, and a command run on the caller's own terminal (`exec -i -t`). Both engines spell these flags
 * alike, so there is no dialect here: the one difference, podman writing times in its own zone, is undone
 * where the log is put back in order.
 */
import type {AttachOptions, LogChunk, LogOptions} from '../core/runtime/container-runtime.js'
import type {EngineCommands} from './engine-commands.js'
import {mergeByTime} from './log-order.js'
import type {ProcessResult} from './process-runner.js'
import {checkArgumentText, checkContainerRef, checkInteger} from './safe-values.js'

/** `logs` and attached `exec` of one engine. */
export class StreamCommands {
  constructor(private readonly commands: EngineCommands) {}

  /**
   * A container's log, in the order it was written (log-order.ts). With `follow` it ends when the container
   * stops or the signal aborts. When the engine's client fails (the container is gone), a RuntimeError
   * follows whatever the client printed.
   */
  async *logs(id: string, options: LogOptions = {}): AsyncGenerator<LogChunk> {
    const args = ['logs', ...logArgs({...options, timestamps: true}), '--', checkContainerRef(id)]
    // Our own abort, so that a reader that stops early also stops the engine's `logs -f`.
    const stop = new AbortController()
    const forward = (): void => stop.abort()
    if (options.signal?.aborted) stop.abort()
    options.signal?.addEventListener('abort', forward, {once: true})
    const streamed = this.commands.stream(args, stop.signal)
    let ended: Promise<ProcessResult> | undefined
    try {
      yield* mergeByTime(streamed.chunks, {timestamps: options.timestamps})
      const result = await (ended = streamed.result())
      if (result.exitCode === 0 || stop.signal.aborted) return
      throw this.commands.failure(`cannot read the log of container "${id}"`, args, result)
    } finally {
      options.signal?.removeEventListener('abort', forward)
      stop.abort()
      // Settles (and reports the command) once the client has gone.
      if (!ended) void streamed.result().catch(() => undefined)
    }
  }

  /**
   * Runs a command in a container on the caller's terminal and returns its exit code. The engine's own
   * failures (no such program: 126 or 127) reach the terminal and the exit code as the engine reports them.
   */
  async execAttached(id: string, command: string[], options: AttachOptions): Promise<number> {
    const args = [
      'exec',
      ...(options.stdin ? ['--interactive'] : []),
      ...(options.tty ? ['--tty'] : []),
      '--',
      checkContainerRef(id),
      ...command.map((arg) => checkArgumentText('argument', arg)),
    ]
    const result = await this.commands.attach(args, {stdin: options.stdin})
    if (result.exitCode === undefined)
      throw this.commands.failure(`cannot exec in container "${id}"`, args, result)
    return result.exitCode
  }
}

/** `logs` options, written `--opt=value` as everywhere else in the adapter. */
export function logArgs(options: LogOptions): string[] {
  const args: string[] = []
  if (options.follow) args.push('--follow')
  if (options.timestamps) args.push('--timestamps')
  // Without --tail both engines print the whole log (docker spells that `all`, which podman refuses).
  if (options.tail !== undefined && options.tail >= 0)
    args.push(`--tail=${checkInteger('tail', options.tail, 0, Number.MAX_SAFE_INTEGER)}`)
  return args
}
