import {Args, Flags} from '@oclif/core'
import {TugCommand} from '../cli/base-command.js'
import {openRuntime} from '../cli/runtime-context.js'
import {UserError} from '../core/api/errors.js'
import {podNameArgument} from '../core/queries/pod-container.js'
import {podLogs} from '../core/queries/pod-logs.js'

export default class Logs extends TugCommand {
  static override description = `Print the logs of a container in a pod.

What the container wrote to stdout and stderr, read from docker or podman. A pod with several containers
needs -c, or the first container is used (and named on stderr). --previous reads the run before the
current one: after a crash, that is where the reason usually is.`

  static override args = {pod: Args.string({description: 'The pod: NAME or pod/NAME.'})}

  static override examples = [
    {command: '<%= config.bin %> logs web', description: "The log of web's only container."},
    {
      command: '<%= config.bin %> logs web -c sidecar --tail 20',
      description: 'The last 20 lines of one container.',
    },
    {command: '<%= config.bin %> logs web --previous', description: 'The run before the last restart.'},
    {command: '<%= config.bin %> logs -f web', description: 'Keep printing new lines until Ctrl-C.'},
  ]

  static override flags = {
    container: Flags.string({char: 'c', description: 'The container to read (default: the first).'}),
    follow: Flags.boolean({char: 'f', description: 'Keep printing new lines as the container writes them.'}),
    previous: Flags.boolean({char: 'p', description: 'Read the previous run of the container.'}),
    tail: Flags.integer({description: 'Only the last N lines; -1 for all.', default: -1}),
    timestamps: Flags.boolean({description: 'Start each line with the time it was written (RFC 3339).'}),
    runtime: Flags.string({
      description:
        "docker or podman (default: the engine of the pod's node, else TUG_RUNTIME, else detected).",
    }),
    verbose: Flags.boolean({char: 'v', description: 'Show every docker/podman command with its duration.'}),
  }

  async run(): Promise<void> {
    const {args, flags} = await this.parse(Logs)
    if (!args.pod)
      throw new UserError(
        "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command",
      )
    // Ctrl-C ends `-f` by stopping the engine's own `logs -f`, not by leaving it behind.
    const controller = new AbortController()
    const stop = (): void => {
      process.exitCode = 130
      controller.abort()
    }
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
    try {
      await podLogs(
        {
          api: this.api(),
          runtime: (engine) => openRuntime({runtime: flags.runtime ?? engine, verbose: flags.verbose}),
        },
        {
          namespace: this.namespaceOf(flags),
          pod: podNameArgument(args.pod),
          container: flags.container,
          previous: flags.previous,
          follow: flags.follow,
          tail: flags.tail,
          timestamps: flags.timestamps,
          signal: controller.signal,
        },
        {write: (text) => this.out(text), note: (line) => this.note(line)},
      )
    } finally {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
    }
  }
}
