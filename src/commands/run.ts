import {Args, Flags} from '@oclif/core'
import {TugCommand} from '../cli/base-command.js'
import {dryRunFlag, parseDryRun, parseWriteOutput, printWritten, splitAtDoubleDash, writeOutputFlag} from '../cli/flags.js'
import {runPod} from '../core/generators/run-pod.js'
import type {GeneratedObject} from '../core/generators/write-generated.js'

export default class Run extends TugCommand {
  static override description = `Create a pod that runs one image.

Builds the Pod kubectl run builds: one container named after the pod, the label run=NAME, and the words
after -- as the container's arguments (or, with --command, its command). The pod waits in Pending until
the control plane (tug up) schedules it onto a node.`

  static override strict = false
  static override args = {name: Args.string({description: 'Name of the pod; more words (or words after --) become its arguments.'})}

  static override examples = [
    {command: '<%= config.bin %> run web --image=nginx', description: 'Start an nginx pod (prints pod/web created).'},
    {command: '<%= config.bin %> run web --image=nginx:1.25 --port=80 --labels=app=web,tier=front', description: 'Declare a port and choose the labels.'},
    {command: '<%= config.bin %> run hello --image=busybox --restart=Never --env=GREETING=hi -- sh -c \'echo $GREETING\'', description: 'Run a command once.'},
    {command: '<%= config.bin %> run sleeper --image=busybox --command -- sleep 3600', description: 'Replace the image\'s command.'},
    {command: '<%= config.bin %> run web --image=nginx --dry-run=client --output=yaml', description: 'Print the manifest without creating anything.'},
  ]

  static override flags = {
    image: Flags.string({description: 'The image for the container to run (required).'}),
    labels: Flags.string({char: 'l', description: 'Comma-separated labels for the pod, replacing run=NAME, e.g. app=web,tier=front.'}),
    port: Flags.string({description: 'The port the container listens on.'}),
    env: Flags.string({description: 'An environment variable KEY=VALUE for the container; repeatable.', multiple: true, multipleNonGreedy: true}),
    restart: Flags.string({description: 'The pod\'s restart policy: Always (default), OnFailure or Never.'}),
    command: Flags.boolean({description: 'Use the words after -- as the container\'s command instead of its arguments.'}),
    'image-pull-policy': Flags.string({description: 'Always, IfNotPresent or Never; left to the API server\'s default when empty.'}),
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
    this.out(printWritten([{object: result.object, operation: 'created'}], {output, dryRun, asBuilt: dryRun === 'client'}))
    return result
  }
}
