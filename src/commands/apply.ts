import {ManifestCommand, manifestFlags} from '../cli/manifest-command.js'
import type {AppliedObject} from '../core/apply/apply-manifests.js'

export default class Apply extends ManifestCommand {
  static override description = `Apply a configuration to objects from files or stdin.

Creates objects that do not exist and updates those that do, keeping what was applied in the
kubectl.kubernetes.io/last-applied-configuration annotation, as kubectl apply does. Every document is
applied in one transaction: if one is rejected, none is written.`

  static override examples = [
    {
      command: '<%= config.bin %> apply --filename web.yaml',
      description: 'Apply a manifest (prints deployment.apps/web created).',
    },
    {
      command: '<%= config.bin %> apply --filename manifests/ --recursive',
      description: 'Apply every .yaml, .yml and .json file in a directory tree.',
    },
    {command: 'cat web.yaml | <%= config.bin %> apply --filename -', description: 'Apply from stdin.'},
  ]

  static override flags = manifestFlags

  async run(): Promise<AppliedObject[]> {
    const {flags} = await this.parse(Apply)
    return this.writeManifests('apply', flags)
  }
}
