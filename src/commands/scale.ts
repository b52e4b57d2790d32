import {Args, Flags} from '@oclif/core'
import {EditCommand, editFlags} from '../cli/edit-command.js'
import {scaleObjects} from '../core/edits/scale.js'
import type {EditedObject} from '../core/edits/targets.js'

export default class Scale extends EditCommand {
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
    ...editFlags,
  }

  async run(): Promise<EditedObject[]> {
    const {argv, flags} = await this.parse(Scale)
    const {query, write} = this.editScope(argv as string[], 'scale', flags)
    const scaled = scaleObjects(this.api(), {
      ...query,
      replicas: flags.replicas,
      currentReplicas: flags['current-replicas'],
      resourceVersion: flags['resource-version'],
      dryRun: write.dryRun,
    })
    return this.printEdited(scaled, 'scaled', write)
  }
}
