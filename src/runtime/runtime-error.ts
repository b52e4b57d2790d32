/**
 * The errors of the runtime layer. A RuntimeError says what failed, shows the docker/podman command escaped
 * as it could be typed, its exit code and the end of its stderr, with the original error as `cause`; the
 * others are user errors whose message and hint name the fix.
 */
import {TugError, UserError} from '../core/api/errors.js'
import {LABELS, MANAGED_BY} from '../core/runtime/container-runtime.js'
import {escapeCommand} from './escape-command.js'

/** How much of stderr a RuntimeError keeps: the end, where engines put the reason. */
const TAIL_LINES = 10
const TAIL_CHARS = 2000

/** What a failed command left behind, for the message. */
export interface FailedCommand {
  file: string
  args: readonly string[]
  /** Undefined when the program did not start or was killed by a signal. */
  exitCode?: number
  stderr: string
  timedOut?: boolean
}

/** A docker/podman command failed. */
export class RuntimeError extends TugError {
  override name = 'RuntimeError'
  /** The command as a shell would show it. */
  readonly command: string
  readonly commandExitCode?: number
  readonly stderrTail: string
  /** Set when `run` created a container but could not start it, so the caller can inspect or remove it. */
  containerId?: string

  constructor(what: string, failed: FailedCommand, options: {cause?: unknown; hint?: string} = {}) {
    const command = escapeCommand(failed.file, failed.args)
    const stderrTail = tail(failed.stderr)
    const status = failed.timedOut
      ? 'timed out'
      : failed.exitCode === undefined
        ? 'did not run to completion'
        : `exited with code ${failed.exitCode}`
    const lines = [`${what}: ${failed.file} ${status}`, `  command: ${command}`]
    if (stderrTail) lines.push(...stderrTail.split('\n').map((line) => `  stderr: ${line}`))
    if (options.hint) lines.push(`  hint: ${options.hint}`)
    super(lines.join('\n'), {cause: options.cause})
    this.command = command
    this.commandExitCode = failed.exitCode
    this.stderrTail = stderrTail
  }
}

/** The last lines of a command's stderr, trimmed. */
export function tail(stderr: string): string {
  const lines = stderr.trimEnd().split('\n').slice(-TAIL_LINES).join('\n')
  return lines.length > TAIL_CHARS ? `...${lines.slice(-TAIL_CHARS)}` : lines
}

/** A value Tugboat refused to put on a command line (an image reference, a name, a key). */
export class InvalidValueError extends UserError {
  override name = 'InvalidValueError'
  constructor(
    /** What the value is, e.g. `image reference`; the kubelet maps `image reference` to InvalidImageName. */
    readonly kind: string,
    readonly value: string,
    readonly reason: string,
  ) {
    super(`invalid ${kind} ${JSON.stringify(value)}: ${reason}`)
  }
}

/** A container or volume without Tugboat's managed-by label: Tugboat never stops, kills or removes those. */
export class ForeignObjectError extends UserError {
  override name = 'ForeignObjectError'
  constructor(action: string, kind: 'container' | 'volume', ref: string) {
    super(
      `refusing to ${action} ${kind} "${ref}": Tugboat did not create it (it lacks the label ${LABELS.managedBy}=${MANAGED_BY})`,
      `use docker or podman directly for ${kind}s Tugboat does not manage`,
    )
  }
}

/** No usable engine: not installed, or docker's engine is not running. */
export class RuntimeUnavailableError extends UserError {
  override name = 'RuntimeUnavailableError'
  constructor(message: string, hint: string, cause?: unknown) {
    super(message, hint)
    if (cause !== undefined) this.cause = cause
  }
}
