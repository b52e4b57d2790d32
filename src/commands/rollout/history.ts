import {Args, Flags} from '@oclif/core'
import {printRolloutHistory} from '../../cli/printers/rollout/history.js'
import {RolloutCommand} from '../../cli/rollout-command.js'
import type {DeploymentHistory} from '../../core/rollout/history.js'
import {rolloutHistory} from '../../core/rollout/history.js'

export default class RolloutHistory extends RolloutCommand {
  static override description = `View previous rollout revisions and configurations.

Every change to a deployment's pod template makes a new revision, kept as a replica set (scaled to 0 once
replaced, up to revisionHistoryLimit of them). The CHANGE-CAUSE column shows each revision's
kubernetes.io/change-cause annotation, which Tugboat fills with the command that made the revision.`

  static override strict = false
  static override args = {
    resource: Args.string({description: 'TYPE NAME... or TYPE/NAME..., e.g. deployment/web.'}),
  }

  static override examples = [
    {
      command: '<%= config.bin %> rollout history deployment/web',
      description: 'Every revision and the command that made it.',
    },
    {
      command: '<%= config.bin %> rollout history deployment/web --revision=2',
      description: 'The pod template of revision 2.',
    },
  ]

  static override flags = {
    revision: Flags.integer({
      description: 'See the details, including the pod template, of this revision.',
      default: 0,
    }),
  }

  async run(): Promise<DeploymentHistory[]> {
    const {argv, flags} = await this.parse(RolloutHistory)
    const histories = rolloutHistory(this.api(), {
      ...this.rolloutQuery(argv as string[], 'history', flags),
      revision: flags.revision,
    })
    this.out(printRolloutHistory(histories))
    return histories
  }
}
