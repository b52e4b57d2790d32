import {Args, Flags} from '@oclif/core'
import {TugCommand} from '../../cli/base-command.js'
import {commandLine} from '../../cli/change-cause.js'
import {
  dryRunFlag,
  parseDryRun,
  parseWriteOutput,
  printCreated,
  splitAtDoubleDash,
  writeOutputFlag,
} from '../../cli/flags.js'
import {createDeployment} from '../../core/generators/deployment.js'
import {recordingChangeCause} from '../../core/rollout/change-cause.js'
import type {GeneratedObject} from '../../core/generators/write-generated.js'

export default class CreateDeployment extends TugCommand {
  static override description = `Create a deployment with the given name.

Builds the Deployment kubectl create deployment builds: labels and selector app=NAME, one container per
--image named after the image (nginx:1.25 gives a container called nginx), and the words after -- as the
command of every container. The deployment controller (tug up) then creates a ReplicaSet and its pods.`

  static override strict = false
  static override args = {name: Args.string({description: 'Name of the deployment.'})}

  static override examples = [
    {
      command: '<%= config.bin %> create deployment web --image=nginx',
      description: 'One nginx pod (prints deployment.apps/web created).',
    },
    {
      command: '<%= config.bin %> create deployment web --image=nginx --replicas=3 --port=80',
      description: 'Three replicas that declare port 80.',
    },
    {
      command: '<%= config.bin %> create deployment sleeper --image=busybox -- sleep 3600',
      description: 'Give the container a command.',
    },
    {
      command: '<%= config.bin %> create deployment web --image=nginx --dry-run=client --output=yaml',
      description: 'Print the manifest without creating anything.',
    },
  ]

  static override flags = {
    image: Flags.string({
      description: 'An image to run, one container each; repeatable (required).',
      multiple: true,
      multipleNonGreedy: true,
    }),
    replicas: Flags.integer({char: 'r', description: 'Number of pods to run.', default: 1}),
    port: Flags.integer({description: 'The port the first container listens on.', default: -1}),
    'dry-run': dryRunFlag,
    output: writeOutputFlag,
  }

  async run(): Promise<GeneratedObject> {
    const {before, after} = splitAtDoubleDash(this.argv)
    const {argv, flags} = await this.parse(CreateDeployment, before)
    const output = parseWriteOutput(flags.output)
    const dryRun = parseDryRun(flags['dry-run'])
    // The new Deployment records this command line as its change-cause.
    const api = recordingChangeCause(this.api(), commandLine(['create', 'deployment'], this.argv))
    const result = createDeployment(api, {
      names: argv as string[],
      images: (flags.image ?? []).flatMap((value) => value.split(',')),
      replicas: flags.replicas,
      port: flags.port,
      command: after,
      namespace: this.namespaceOf(flags),
      namespaceExplicit: flags.namespace !== undefined,
      dryRun,
    })
    this.out(printCreated(result, output))
    return result
  }
}
