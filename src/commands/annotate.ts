import {MetadataEditCommand, metadataEditArgs, metadataEditFlags} from '../cli/metadata-edit-command.js'
import type {MetadataEditResult} from '../core/edits/labels.js'

export default class Annotate extends MetadataEditCommand {
  static override description = `Update the annotations of objects.

KEY=VALUE sets an annotation (the value may be any text) and KEY- removes one. Changing an annotation that
already has another value needs --overwrite, except kubernetes.io/change-cause, which rollout history shows.
Annotations carry information for people and tools; unlike labels, selectors never look at them.`

  static override strict = false
  static override args = metadataEditArgs

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

  static override flags = metadataEditFlags('annotations')

  async run(): Promise<MetadataEditResult> {
    const {argv, flags} = await this.parse(Annotate)
    return this.editMetadata('annotations', argv as string[], flags)
  }
}
