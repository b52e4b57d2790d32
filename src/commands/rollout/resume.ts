import {Args} from '@oclif/core'
import {RolloutCommand} from '../../cli/rollout-command.js'
import {resumeRollout} from '../../core/rollout/pause-resume.js'
import type {RolloutEditResult} from '../../core/rollout/targets.js'

export default class RolloutResume extends RolloutCommand {
  static override description = `Resume a paused resource.

The deployment controller then rolls out the template changes made while the deployment was paused, as one
new revision.`

  static override strict = false
  static override args = {
    resource: Args.string({description: 'TYPE NAME... or TYPE/NAME..., e.g. deployment/web.'}),
  }

  static override examples = [
    {
      command: '<%= config.bin %> rollout resume deployment/web',
      description: 'Resume (prints deployment.apps/web resumed).',
    },
  ]

  async run(): Promise<RolloutEditResult> {
    const {argv, flags} = await this.parse(RolloutResume)
    return this.printEdits(resumeRollout(this.api(), this.rolloutQuery(argv as string[], 'resume', flags)))
  }
}
