import {MetadataEditCommand, metadataEditArgs, metadataEditFlags} from '../cli/metadata-edit-command.js'
import type {MetadataEditResult} from '../core/edits/labels.js'

export default class Label extends MetadataEditCommand {
  static override description = `Update the labels of objects.

KEY=VALUE sets a label and KEY- removes one. A key and a value are up to 63 letters, digits, '-', '_' or
'.', starting and ending with a letter or digit; a key may have a DNS prefix such as example.com/. Changing a
label that already has another value needs --overwrite. Labels are how selectors (services, replica sets,
-l) find objects, so relabelling a pod can take it out of its replica set.`

  static override strict = false
  static override args = metadataEditArgs

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

  static override flags = metadataEditFlags('labels')

  async run(): Promise<MetadataEditResult> {
    const {argv, flags} = await this.parse(Label)
    return this.editMetadata('labels', argv as string[], flags)
  }
}
