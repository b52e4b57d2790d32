import {Args, Flags} from '@oclif/core'
import {TugCommand} from '../cli/base-command.js'
import {
  dryRunFlag,
  editAllFlag,
  editSelectorFlag,
  parseDryRun,
  parseWriteOutput,
  printWritten,
  writeOutputFlag,
} from '../cli/flags.js'
import {parseResourceArgs} from '../cli/resource-args.js'
import {scaleObjects} from '../core/edits/scale.js'
import type {EditedObject} from '../core/edits/targets.js'

export default class Scale extends TugCommand {
  static override description = `Set a new size for a deployment, replica set or replication controller.

Only the desired count (spec.replicas) changes here; the controllers in tug up then create or delete pods
until the actual count matches. --current-replicas and --resource-version are preconditions: the scale
happens only if the object still has that size or version.`

  static override strict = false
  static override args = {resource: Args.string({description: 'TYPE NAME... or TYPE/NAME...'})}

  static override examples = [
    {
      command: '<%= config.bin %> scale deployment web --replicas=5',
      description: 'Five pods (prints deployment.apps/web scaled).',
    },
    {
      command: '<%= config.bin %> scale replicaset/web-7d4b9c --replicas=0',
      description: 'Stop every pod of a replica set.',
    },
    {
      command: '<%= config.bin %> scale deployment web --current-replicas=2 --replicas=3',
      description: 'Scale only if it has 2 now.',
    },
    {command: '<%= config.bin %> scale rc/a rc/b --replicas=1', description: 'Several objects at once.'},
  ]

  static override flags = {
    replicas: Flags.integer({description: 'The new desired number of replicas (required).'}),
    'current-replicas': Flags.integer({
      description: 'Precondition: the current size must be this; -1 for none.',
      default: -1,
    }),
    'resource-version': Flags.string({
      description: 'Precondition: the object must still have this resourceVersion.',
    }),
    all: editAllFlag,
    selector: editSelectorFlag,
    'dry-run': dryRunFlag,
    output: writeOutputFlag,
  }

  async run(): Promise<EditedObject[]> {
    const {argv, flags} = await this.parse(Scale)
    const output = parseWriteOutput(flags.output)
    const dryRun = parseDryRun(flags['dry-run'])
    const scaled = scaleObjects(this.api(), {
      resources: argv.length ? parseResourceArgs(argv as string[], 'scale') : [],
      namespace: this.namespaceOf(flags),
      selector: flags.selector,
      all: flags.all,
      replicas: flags.replicas,
      currentReplicas: flags['current-replicas'],
      resourceVersion: flags['resource-version'],
      dryRun,
    })
    this.out(
      printWritten(
        scaled.map(({object}) => ({object, operation: 'scaled'})),
        {output, dryRun},
      ),
    )
    return scaled
  }
}
