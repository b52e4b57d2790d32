/**
 * The base of the `tug rollout` verbs: they name objects as kubectl's rollout commands do (`deployment/web`,
 * `deploy web`, a bare type for all of that type), and pause, resume and restart print each object changed
 * before reporting the ones refused.
 */
import {UserError} from '../core/api/errors.js'
import type {RolloutEditResult, RolloutQuery} from '../core/rollout/targets.js'
import {requireResources} from '../core/rollout/targets.js'
import {TugCommand} from './base-command.js'
import {printWritten} from './flags.js'
import {parseResourceArgs} from './resource-args.js'

/** A rollout verb. */
export abstract class RolloutCommand extends TugCommand {
  /** The objects named by `args`; none is kubectl's `required resource not specified`. */
  protected rolloutQuery(args: readonly string[], verb: string, flags: {namespace?: string}): RolloutQuery {
    requireResources(args)
    return {resources: parseResourceArgs(args, `rollout ${verb}`), namespace: this.namespaceOf(flags)}
  }

  /** `deployment.apps/web paused` per object changed, then every refusal as an `error: ` line (exit 1). */
  protected printEdits(result: RolloutEditResult): RolloutEditResult {
    const written = result.edited.map(({object, operation}) => ({object, operation}))
    this.out(printWritten(written, {output: undefined, dryRun: 'none'}))
    // The base command prints the first `error: `; each further refusal gets its own, as kubectl prints them.
    if (result.errors.length) throw new UserError(result.errors.join('\nerror: '))
    return result
  }
}
