import {Args, Flags} from '@oclif/core'
import {TugCommand} from '../cli/base-command.js'
import {explain} from '../core/api/schema/explain.js'

export default class Explain extends TugCommand {
  static override description = `Describe the fields of a resource type.

Like kubectl explain: the documentation of a type or of one of its fields, from the same schema the API
server checks manifests against, so you can find the right spelling and nesting without leaving the terminal.
Fields are named with dots: TYPE.FIELD[.FIELD...].`

  static override args = {
    type: Args.string({
      description: 'TYPE[.FIELD...], e.g. pods or deployment.spec.replicas',
      required: true,
    }),
  }

  static override examples = [
    {command: '<%= config.bin %> explain pods', description: 'What a pod is, and its top-level fields.'},
    {
      command: '<%= config.bin %> explain deployment.spec.replicas',
      description: `One field:
GROUP:      apps
KIND:       Deployment
VERSION:    v1

FIELD: replicas <integer>

DESCRIPTION:
    Number of desired pods. This is a pointer to distinguish between explicit
    zero and not specified. Defaults to 1.`,
    },
    {
      command: '<%= config.bin %> explain pod.spec.containers --recursive',
      description: 'Every nested field, without descriptions.',
    },
  ]

  static override flags = {
    recursive: Flags.boolean({
      description: 'Print the fields of fields, all the way down, without descriptions.',
    }),
  }

  async run(): Promise<string> {
    const {args, flags} = await this.parse(Explain)
    const text = explain(args.type, {recursive: flags.recursive})
    this.out(text)
    return text
  }
}
