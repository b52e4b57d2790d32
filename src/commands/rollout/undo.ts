import {Args, Flags} from '@oclif/core'
import {commandLine} from '../../cli/change-cause.js'
import {printWritten} from '../../cli/flags.js'
import {RolloutCommand} from '../../cli/rollout-command.js'
import type {UndoOutcome} from '../../core/rollout/undo.js'
import {undoRollout} from '../../core/rollout/undo.js'

export default class RolloutUndo extends RolloutCommand {
  static override description = `Undo a previous rollout.

Copies the pod template of an earlier revision (by default the one before the current) back into the
deployment, with that revision's annotations, so its change-cause comes back too. The deployment controller
then scales that revision's replica set up again, and it becomes the newest revision.`

  static override strict = false
  static override args = {
    resource: Args.string({description: 'TYPE NAME... or TYPE/NAME..., e.g. deployment/web.'}),
  }

  static override examples = [
    {
      command: '<%= config.bin %> rollout undo deployment/web',
      description: 'Back to the previous revision (prints deployment.apps/web rolled back).',
    },
    {
      command: '<%= config.bin %> rollout undo deployment/web --to-revision=1',
      description: 'Back to revision 1.',
    },
  ]

  static override flags = {
    'to-revision': Flags.integer({
      description: 'The revision to roll back to. Default 0 (the previous revision).',
      default: 0,
    }),
  }

  async run(): Promise<UndoOutcome[]> {
    const {argv, flags} = await this.parse(RolloutUndo)
    const outcomes = undoRollout(this.api(), {
      ...this.rolloutQuery(argv as string[], 'undo', flags),
      toRevision: flags['to-revision'],
      changeCause: commandLine(['rollout', 'undo'], this.argv),
    })
    this.out(
      printWritten(
        outcomes.map(({object, operation}) => ({object, operation})),
        {output: undefined, dryRun: 'none'},
      ),
    )
    return outcomes
  }
}
