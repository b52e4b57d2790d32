/**
 * The base of every `tug` command: shared flags, the cluster's state opened once, results to stdout,
 * everything else to stderr, and every error turned into kubectl's wording and exit code 1.
 */
import {Command, Errors, Flags} from '@oclif/core'
import type {ApiServer} from '../core/api/api-server.js'
import {openApiServer, stateDir} from './context.js'
import {controlPlaneHolder} from './control-plane-lock.js'
import {describeError} from './errors.js'

/** Kinds whose objects only come to life when a control plane runs. */
const RECONCILED_KINDS = new Set(['Pod', 'ReplicaSet', 'ReplicationController', 'Deployment', 'Service'])

/** The base command; subclasses call `this.api()` and `this.out()`. */
export abstract class TugCommand extends Command {
  static override baseFlags = {
    namespace: Flags.string({char: 'n', description: 'The namespace to work in.', helpGroup: 'GLOBAL'}),
  }

  private apiServer?: ApiServer

  /** The API server over this invocation's state directory, opened on first use. */
  protected api(): ApiServer {
    this.apiServer ??= openApiServer(stateDir())
    return this.apiServer
  }

  /** The namespace flag, else `default`. */
  protected namespaceOf(flags: {namespace?: string}): string {
    return flags.namespace ?? 'default'
  }

  /** Writes a result to stdout, as given (printers end their own lines). */
  protected out(text: string): void {
    if (text) process.stdout.write(text)
  }

  /** Writes a line to stderr: progress, warnings, "No resources found". */
  protected note(line: string): void {
    process.stderr.write(`${line}\n`)
  }

  /**
   * Warns on stderr when what was just shown is waiting for a control plane that is not running: stored
   * pods and controllers with nothing reconciling them would otherwise look stuck for no visible reason.
   */
  protected warnIfNothingReconciles(kinds: Iterable<string>): void {
    if (![...kinds].some((kind) => RECONCILED_KINDS.has(kind))) return
    if (controlPlaneHolder(stateDir()) !== undefined) return
    this.note('Warning: objects are stored but nothing is reconciling them: run `tug up`')
  }

  /** Prints the error as kubectl would and sets exit code 1 instead of letting oclif print a stack. */
  protected override catch(error: Error & {exitCode?: number}): Promise<unknown> {
    if (error instanceof Errors.ExitError) return Promise.reject(error)
    const {message, exitCode} = describeError(error, this.id ?? '')
    process.stderr.write(message.endsWith('\n') ? message : `${message}\n`)
    process.exitCode = exitCode
    return Promise.resolve(undefined)
  }

  protected override async finally(error: Error | undefined): Promise<unknown> {
    this.apiServer?.store.close()
    this.apiServer = undefined
    return super.finally(error)
  }
}
