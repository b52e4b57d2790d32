import {Args} from '@oclif/core'
import {RolloutCommand} from '../../cli/rollout-command.js'
import {pauseRollout} from '../../core/rollout/pause-resume.js'
import type {RolloutEditResult} from '../../core/rollout/targets.js'

export default class RolloutPause extends RolloutCommand {
  static override description = `Mark the provided resource as paused.

While a deployment is paused, changes to its pod template make no new revision: edit it several times,
then resume to roll everything out at once. Scaling still works while paused.`

  static override strict = false
  static override args = {
    resource: Args.string({description: 'TYPE NAME... or TYPE/NAME..., e.g. deployment/web.'}),
  }

  static override examples = [
    {
      command: '<%= config.bin %> rollout pause deployment/web',
      description: 'Pause (prints deployment.apps/web paused).',
    },
  ]

  async run(): Promise<RolloutEditResult> {
    const {argv, flags} = await this.parse(RolloutPause)
    return this.printEdits(pauseRollout(this.api(), this.rolloutQuery(argv as string[], 'pause', flags)))
  }
}
