import {ManifestCommand, manifestFlags} from '../cli/manifest-command.js'
import type {AppliedObject} from '../core/apply/apply-manifests.js'

export default class Create extends ManifestCommand {
  static override description = `Create objects from files or stdin.

Unlike apply, create refuses objects that already exist. Every document is created in one transaction: if
one is rejected, none is written. To generate objects, see the subcommands (tug create deployment).`

  static override examples = [
    {
      command: '<%= config.bin %> create --filename pod.yaml',
      description: 'Create a pod from a manifest (prints pod/web created).',
    },
  ]

  static override flags = manifestFlags

  async run(): Promise<AppliedObject[]> {
    const {flags} = await this.parse(Create)
    return this.writeManifests('create', flags)
  }
}
