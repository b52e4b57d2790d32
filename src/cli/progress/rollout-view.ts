/**
 * The live `rollout status` view on a terminal: a listr2 task whose output is redrawn in place with each
 * frame (rollout-frame.ts), written to stderr so stdout keeps only kubectl's final line.
 */
import type {RolloutUpdate} from '../../core/rollout/status-watch.js'
import {rolloutProgress} from '../../core/rollout/progress.js'
import {rolloutFrame} from './rollout-frame.js'

/** Shows every update as it comes; returns the last one, or rethrows what ended the updates. */
export async function showRolloutLive(
  updates: AsyncIterable<RolloutUpdate>,
): Promise<RolloutUpdate | undefined> {
  // Loaded only on a terminal: plain output never pays for listr2.
  const {Listr, ListrLogger, ProcessOutput} = await import('listr2')
  let last: RolloutUpdate | undefined
  const list = new Listr(
    [
      {
        title: 'rollout',
        task: async (_context, task): Promise<void> => {
          for await (const update of updates) {
            last = update
            const frame = rolloutFrame(
              update.deployment.metadata.name ?? '',
              update.status.message,
              rolloutProgress(update.deployment, update.replicaSets),
            )
            task.title = frame.title
            task.output = frame.lines.join('\n')
          }
        },
        rendererOptions: {outputBar: Infinity, persistentOutput: true},
      },
    ],
    {
      exitOnError: true,
      registerSignalListeners: false,
      rendererOptions: {
        logger: new ListrLogger({processOutput: new ProcessOutput(process.stderr, process.stderr)}),
        showErrorMessage: false,
      },
    },
  )
  await list.run()
  return last
}
