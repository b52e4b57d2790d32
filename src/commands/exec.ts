import {Args, Flags} from '@oclif/core'
import {TugCommand} from '../cli/base-command.js'
import {splitAtDoubleDash} from '../cli/flags.js'
import {openRuntime} from '../cli/runtime-context.js'
import {UserError} from '../core/api/errors.js'
import {podNameArgument} from '../core/queries/pod-container.js'
import {execInPod} from '../core/queries/pod-exec.js'

export default class Exec extends TugCommand {
  static override description = `Run a command in a container of a pod.

The words after -- are the command, run in the container with docker or podman exec. -i passes your stdin
to it and -t gives it a terminal, so -it starts an interactive shell. tug exits with the command's exit code,
saying so on stderr when it is not 0, as kubectl does.`

  static override strict = false
  static override args = {pod: Args.string({description: 'The pod: NAME or pod/NAME.'})}

  static override examples = [
    {command: '<%= config.bin %> exec web -- cat /etc/hostname', description: 'Prints web.'},
    {
      command: '<%= config.bin %> exec -it web -- sh',
      description: 'An interactive shell in the first container.',
    },
    {
      command: '<%= config.bin %> exec web -c sidecar -- env',
      description: 'The environment of another container.',
    },
  ]

  static override flags = {
    container: Flags.string({char: 'c', description: 'The container to run in (default: the first).'}),
    stdin: Flags.boolean({char: 'i', description: 'Pass stdin to the command.'}),
    tty: Flags.boolean({char: 't', description: 'Give the command a terminal (with -i, from a terminal).'}),
    quiet: Flags.boolean({char: 'q', description: "Say nothing on stderr but the command's own output."}),
    runtime: Flags.string({
      description:
        "docker or podman (default: the engine of the pod's node, else TUG_RUNTIME, else detected).",
    }),
    verbose: Flags.boolean({char: 'v', description: 'Show every docker/podman command with its duration.'}),
  }

  async run(): Promise<number> {
    const {before, after} = splitAtDoubleDash(this.argv)
    const {argv, flags} = await this.parse(Exec, before)
    const [pod, ...extra] = argv as string[]
    if (!pod) throw new UserError('pod, type/name or --filename must be specified')
    if (extra.length)
      throw new UserError(
        'exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead',
      )
    const exitCode = await execInPod(
      {
        api: this.api(),
        runtime: (engine) => openRuntime({runtime: flags.runtime ?? engine, verbose: flags.verbose}),
      },
      {
        namespace: this.namespaceOf(flags),
        pod: podNameArgument(pod),
        container: flags.container,
        command: after,
        stdin: flags.stdin,
        tty: flags.tty,
        stdinIsTerminal: process.stdin.isTTY === true,
        quiet: flags.quiet,
      },
      (line) => this.note(line),
    )
    if (exitCode !== 0) {
      // kubectl's words (even with --quiet: they come from its error handler), and the command's exit code.
      this.note(`command terminated with exit code ${exitCode}`)
      process.exitCode = exitCode
    }
    return exitCode
  }
}
