/**
 * What `tug rollout history` prints (kubectl pkg/cmd/rollout/rollout_history.go): the name printer with the
 * history as its "operation", so the first line is `deployment.apps/web ` (a trailing space) and the output
 * ends with an empty line; the table goes through history.go's own tabwriter (minwidth 0, tabwidth 8,
 * padding 2), and a single revision is describe's Pod Template block written without any tabwriter.
 */
import type {PodTemplateSpec} from '../../../core/api/types.js'
import type {DeploymentHistory} from '../../../core/rollout/history.js'
import {printPodTemplate} from '../describe/pod-template.js'
import {DescribeWriter} from '../describe/prefix-writer.js'
import {toName} from '../serialize.js'
import {TabWriter} from '../tabwriter.js'

/** history.go's tabbedString: tabwriter.Init(buf, 0, 8, 2, ' ', 0). */
const HISTORY_WRITER = {minWidth: 0, tabWidth: 8, padding: 2, padChar: ' '} as const

/** The text of every Deployment's history, one after the other. */
export function printRolloutHistory(histories: readonly DeploymentHistory[]): string {
  return histories.map(printOne).join('')
}

function printOne(history: DeploymentHistory): string {
  const withRevision = history.template ? `with revision #${history.revision}` : ''
  return `${toName(history.target.object)} ${withRevision}\n${historyInfo(history)}\n`
}

/** ViewHistory's text: `No rollout history found.`, the revision's template, or the table. */
function historyInfo(history: DeploymentHistory): string {
  if (history.rows.length === 0) return 'No rollout history found.'
  if (history.template) return rawPodTemplate(history.template)
  const table = new TabWriter(HISTORY_WRITER)
  table.write('REVISION\tCHANGE-CAUSE\n')
  for (const row of history.rows) table.write(`${row.revision}\t${row.changeCause || '<none>'}\n`)
  return table.flush()
}

/**
 * history.go printTemplate: DescribePodTemplate through a bare PrefixWriter, so its tabs reach the terminal
 * unaligned (`  Labels:\tapp=web`), exactly as kubectl prints them.
 */
export function rawPodTemplate(template: PodTemplateSpec): string {
  const writer = new RawPrefixWriter()
  printPodTemplate(writer, template)
  return writer.text()
}

/** describe's PrefixWriter over a plain buffer instead of a tabwriter. */
class RawPrefixWriter extends DescribeWriter {
  private raw = ''

  override write(level: number, text: string): void {
    this.raw += `${'  '.repeat(level)}${text}`
  }

  override writeLine(text: string): void {
    this.raw += `${text}\n`
  }

  override flush(): void {}

  override text(): string {
    return this.raw
  }
}
