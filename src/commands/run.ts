import {Args, Flags} from '@oclif/core'
import {TugCommand} from '../cli/base-command.js'
import {
  dryRunFlag,
  parseDryRun,
  parseWriteOutput,
  printCreated,
  splitAtDoubleDash,
  writeOutputFlag,
} from '../cli/flags.js'
import {runPod} from '../core/generators/run-pod.js'
import type {GeneratedObject} from '../core/generators/write-generated.js'

export default class Run extends TugCommand {
  static override description = `Create a pod that runs one image.

Builds the Pod kubectl run builds: one container named after the pod, the label run=NAME, and the words
after -- as the container's arguments (or, with --command, its command). The pod waits in Pending until
the control plane (tug up) schedules it onto a node.`

  static override strict = false
  static override args = {
    name: Args.string({description: 'Name of the pod; more words (or words after --) become its arguments.'}),
  }

  static override examples = [
    {command: '<%= config.bin %> run web --image=nginx --port=80', description: 'Prints pod/web created.'},
    {command: '<%= config.bin %> run once --image=busybox --restart=Never -- date', description: 'Run once.'},
    {
      command: '<%= config.bin %> run s --image=busybox --command -- sleep 3600',
      description: 'Set the command.',
    },
    {command: '<%= config.bin %> run web --image=nginx --dry-run=client -o yaml', description: 'Only print.'},
  ]

  static override flags = {
    image: Flags.string({description: 'The image for the container to run (required).'}),
    labels: Flags.string({
      char: 'l',
      description: 'Labels for the pod instead of run=NAME, e.g. app=web,tier=front.',
    }),
    port: Flags.string({description: 'The port the container listens on.'}),
    env: Flags.string({
      description: 'KEY=VALUE for the environment; repeatable.',
      multiple: true,
      multipleNonGreedy: true,
    }),
    restart: Flags.string({description: 'Restart policy: Always (default), OnFailure or Never.'}),
    command: Flags.boolean({description: "Use the words after -- as the container's command, not its args."}),
    'image-pull-policy': Flags.string({description: 'Always, IfNotPresent or Never (default: by tag).'}),
    'dry-run': dryRunFlag,
    output: writeOutputFlag,
  }

  async run(): Promise<GeneratedObject> {
    const {before, after} = splitAtDoubleDash(this.argv)
    const {argv, flags} = await this.parse(Run, before)
    const [name, ...words] = argv as string[]
    const output = parseWriteOutput(flags.output)
    const dryRun = parseDryRun(flags['dry-run'])
    const result = runPod(this.api(), {
      name,
      image: flags.image,
      labels: flags.labels,
      port: flags.port,
      env: flags.env,
      restart: flags.restart,
      imagePullPolicy: flags['image-pull-policy'],
      command: flags.command,
      args: [...words, ...after],
      namespace: this.namespaceOf(flags),
      namespaceExplicit: flags.namespace !== undefined,
      dryRun,
    })
    this.out(printCreated(result, output))
    return result
  }
}
