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
import {editAnnotations} from '../core/edits/labels.js'
import {splitResourcesAndPairs} from '../core/edits/pairs.js'

export default class Annotate extends TugCommand {
  static override description = `Update the annotations of objects.

KEY=VALUE sets an annotation (the value may be any text) and KEY- removes one. Changing an annotation that
already has another value needs --overwrite, except kubernetes.io/change-cause, which rollout history shows.
Annotations carry information for people and tools; unlike labels, selectors never look at them.`

  static override strict = false
  static override args = {
    resource: Args.string({description: 'TYPE NAME... or TYPE/NAME..., then KEY=VALUE or KEY- changes.'}),
  }

  static override examples = [
    {
      command: '<%= config.bin %> annotate deployment web owner=team-a',
      description: 'Add an annotation (prints deployment.apps/web annotated).',
    },
    {
      command: "<%= config.bin %> annotate deployment web kubernetes.io/change-cause='nginx 1.25'",
      description: 'Record why a rollout happened.',
    },
    {
      command: '<%= config.bin %> annotate pod web owner=team-b --overwrite',
      description: 'Change an existing annotation.',
    },
    {command: '<%= config.bin %> annotate pod web owner-', description: 'Remove an annotation.'},
    {
      command: '<%= config.bin %> annotate pods --selector app=web --list',
      description: 'Show the annotations of several pods.',
    },
  ]

  static override flags = {
    overwrite: Flags.boolean({
      description: 'Allow replacing an annotation that already has a different value.',
    }),
    list: Flags.boolean({description: 'Print the annotations instead of writing them.'}),
    all: editAllFlag,
    selector: editSelectorFlag,
    'resource-version': Flags.string({
      description: 'Write only if the object still has this resourceVersion (one object only).',
    }),
    'dry-run': dryRunFlag,
    output: writeOutputFlag,
  }

  async run(): Promise<MetadataEditResult> {
    const {argv, flags} = await this.parse(Annotate)
    const {resources, pairs} = splitResourcesAndPairs(argv as string[], 'annotation')
    const output = parseWriteOutput(flags.output)
    const dryRun = parseDryRun(flags['dry-run'])
    const result = editAnnotations(this.api(), {
      resources: resources.length ? parseResourceArgs(resources, 'annotate') : [],
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
    this.out(printMetadataEdits(result, 'annotations', flags.list, {output, dryRun}))
    return result
  }
}
