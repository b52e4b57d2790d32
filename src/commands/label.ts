import {Args, Flags} from '@oclif/core'
import {TugCommand} from '../cli/base-command.js'
import {
  dryRunFlag,
  editAllFlag,
  editSelectorFlag,
  parseDryRun,
  parseWriteOutput,
  printMetadataEdits,
  writeOutputFlag,
} from '../cli/flags.js'
import {parseResourceArgs} from '../cli/resource-args.js'
import type {MetadataEditResult} from '../core/edits/labels.js'
import {editLabels} from '../core/edits/labels.js'
import {splitResourcesAndPairs} from '../core/edits/pairs.js'

export default class Label extends TugCommand {
  static override description = `Update the labels of objects.

KEY=VALUE sets a label and KEY- removes one. A key and a value are up to 63 letters, digits, '-', '_' or
'.', starting and ending with a letter or digit; a key may have a DNS prefix such as example.com/. Changing a
label that already has another value needs --overwrite. Labels are how selectors (services, replica sets,
-l) find objects, so relabelling a pod can take it out of its replica set.`

  static override strict = false
  static override args = {
    resource: Args.string({description: 'TYPE NAME... or TYPE/NAME..., then KEY=VALUE or KEY- changes.'}),
  }

  static override examples = [
    {
      command: '<%= config.bin %> label pod web tier=frontend',
      description: 'Add a label (prints pod/web labeled).',
    },
    {
      command: '<%= config.bin %> label pod web tier=backend --overwrite',
      description: 'Change an existing label.',
    },
    {
      command: '<%= config.bin %> label pod web tier-',
      description: 'Remove a label (prints pod/web unlabeled).',
    },
    {command: '<%= config.bin %> label pods --all env=dev', description: 'Label every pod in the namespace.'},
    {
      command: '<%= config.bin %> label deployment/web --list',
      description: 'Show the labels, one KEY=VALUE per line.',
    },
  ]

  static override flags = {
    overwrite: Flags.boolean({description: 'Allow replacing a label that already has a different value.'}),
    list: Flags.boolean({description: 'Print the labels instead of writing them.'}),
    all: editAllFlag,
    selector: editSelectorFlag,
    'resource-version': Flags.string({
      description: 'Write only if the object still has this resourceVersion (one object only).',
    }),
    'dry-run': dryRunFlag,
    output: writeOutputFlag,
  }

  async run(): Promise<MetadataEditResult> {
    const {argv, flags} = await this.parse(Label)
    const {resources, pairs} = splitResourcesAndPairs(argv as string[], 'label')
    const output = parseWriteOutput(flags.output)
    const dryRun = parseDryRun(flags['dry-run'])
    const result = editLabels(this.api(), {
      resources: resources.length ? parseResourceArgs(resources, 'label') : [],
      namespace: this.namespaceOf(flags),
      selector: flags.selector,
      all: flags.all,
      changes: pairs,
      overwrite: flags.overwrite,
      list: flags.list,
      output,
      resourceVersion: flags['resource-version'],
      dryRun,
    })
    this.out(printMetadataEdits(result, 'labels', flags.list, {output, dryRun}))
    return result
  }
}
