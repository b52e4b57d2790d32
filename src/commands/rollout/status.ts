import {Args, Flags} from '@oclif/core'
import {normalizeBooleanFlags} from '../../cli/bool-flags.js'
import {showRolloutLive} from '../../cli/progress/rollout-view.js'
import {RolloutCommand} from '../../cli/rollout-command.js'
import {parseDurationFlag} from '../../core/nodes/parse-go-duration.js'
import type {RolloutUpdate} from '../../core/rollout/status-watch.js'
import {watchRolloutStatus} from '../../core/rollout/status-watch.js'

export default class RolloutStatus extends RolloutCommand {
  static override description = `Show the status of the rollout.

Watches the deployment until its latest rollout is done, printing kubectl's line each time the deployment
changes: how many replicas are updated, how many old ones are still terminating, how many new ones are
available. It fails when the deployment exceeds its progress deadline. On a terminal it shows a live view
of the old and new replica sets and the surge/unavailable budget instead; --watch=false reports once.`

  static override strict = false
  static override args = {
    resource: Args.string({description: 'TYPE NAME or TYPE/NAME, e.g. deployment/web.'}),
  }

  static override examples = [
    {
      command: '<%= config.bin %> rollout status deployment/web',
      description: 'Wait for the rollout (ends with: deployment "web" successfully rolled out).',
    },
    {
      command: '<%= config.bin %> rollout status deployment/web --timeout=2m',
      description: 'Give up after two minutes (error: timed out waiting for the condition).',
    },
    {
      command: '<%= config.bin %> rollout status deploy web --watch=false',
      description: 'Print the status once.',
    },
    {
      command: '<%= config.bin %> rollout status deployment/web --revision=3',
      description: 'Fail if another rollout replaced revision 3.',
    },
  ]

  static override flags = {
    watch: Flags.boolean({
      char: 'w',
      description: "Watch the status of the rollout until it's done (--watch=false: once).",
      default: true,
      allowNo: true,
    }),
    revision: Flags.integer({
      description: 'Pin to a specific revision for showing its status. Defaults to 0 (last revision).',
      default: 0,
    }),
    timeout: Flags.string({
      description: 'How long to wait before ending the watch, e.g. 30s, 2m; 0 means never.',
      default: '0s',
    }),
  }

  async run(): Promise<RolloutUpdate | undefined> {
    const argv = normalizeBooleanFlags(this.argv, [{name: 'watch', char: 'w'}])
    const {argv: args, flags} = await this.parse(RolloutStatus, argv)
    const timeoutMs = parseDurationFlag('timeout', flags.timeout)
    const query = this.rolloutQuery(args as string[], 'status', flags)
    // The live view needs a terminal of known width on both streams; anything else gets kubectl's lines.
    const live = process.stdout.isTTY === true && process.stderr.isTTY === true && process.stderr.columns > 0
    const stop = new AbortController()
    const interrupt = (): void => {
      stop.abort()
      process.exitCode = 1
    }
    process.once('SIGINT', interrupt)
    try {
      const updates = watchRolloutStatus(this.api(), {
        ...query,
        revision: flags.revision,
        watch: flags.watch,
        timeoutMs,
        replicaSets: live,
        signal: stop.signal,
      })
      if (!live) return await this.printLines(updates)
      const last = await showRolloutLive(updates)
      if (last) this.out(`${last.status.message}\n`)
      return last
    } finally {
      process.off('SIGINT', interrupt)
    }
  }

  /** Off a terminal: kubectl's line for every change of the deployment. */
  private async printLines(updates: AsyncIterable<RolloutUpdate>): Promise<RolloutUpdate | undefined> {
    let last: RolloutUpdate | undefined
    for await (const update of updates) {
      last = update
      if (update.trigger === 'deployment') this.out(`${update.status.message}\n`)
    }
    return last
  }
}
