import {Args} from '@oclif/core'
import {commandLine} from '../../cli/change-cause.js'
import {RolloutCommand} from '../../cli/rollout-command.js'
import {restartRollout} from '../../core/rollout/restart.js'
import type {RolloutEditResult} from '../../core/rollout/targets.js'

export default class RolloutRestart extends RolloutCommand {
  static override description = `Restart a resource.

Stamps the pod template with the kubectl.kubernetes.io/restartedAt annotation, so the template changes and
the deployment controller replaces every pod with a rolling update, as for any new revision.`

  static override strict = false
  static override args = {
    resource: Args.string({description: 'TYPE NAME... or TYPE/NAME..., e.g. deployment/web.'}),
  }

  static override examples = [
    {
      command: '<%= config.bin %> rollout restart deployment/web',
      description: 'New pods for every replica (prints deployment.apps/web restarted).',
    },
  ]

  async run(): Promise<RolloutEditResult> {
    const {argv, flags} = await this.parse(RolloutRestart)
    const result = restartRollout(this.api(), {
      ...this.rolloutQuery(argv as string[], 'restart', flags),
      changeCause: commandLine(['rollout', 'restart'], this.argv),
    })
    return this.printEdits(result)
  }
}
