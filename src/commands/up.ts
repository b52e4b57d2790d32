import {Flags} from '@oclif/core'
import {TugCommand} from '../cli/base-command.js'
import {logComponent} from '../cli/component-log.js'
import {stateDir} from '../cli/context.js'
import {lockControlPlane} from '../cli/control-plane-lock.js'
import {hostNodeFacts} from '../cli/node-facts.js'
import {openRuntime} from '../cli/runtime-context.js'
import {runControlPlane} from '../core/control-plane/control-plane.js'

export default class Up extends TugCommand {
  static override description = `Run the control plane in the foreground.

Starts the node's kubelet, which runs the pods bound to it as real docker or podman containers, and narrates
what each component does and why. Ctrl-C stops the control plane and leaves the containers running, as a real
cluster's workloads keep running while its control plane restarts; the next \`tug up\` adopts them.`

  static override examples = [
    {
      command: '<%= config.bin %> up',
      description: 'Run with the engine found (docker when its engine answers, else podman).',
    },
    {
      command: '<%= config.bin %> up --runtime podman --verbose',
      description: 'Use podman and show every podman command it runs.',
    },
    {
      command: '<%= config.bin %> up --backoff classroom',
      description: 'Crash-loop back-off of 1 s doubling to 20 s instead of 10 s to 300 s.',
    },
  ]

  static override flags = {
    runtime: Flags.string({description: 'docker or podman (default: TUG_RUNTIME, else detected).'}),
    verbose: Flags.boolean({char: 'v', description: 'Show every docker/podman command with its duration.'}),
    backoff: Flags.string({
      description:
        "Restart back-off: kubernetes (10 s doubling to 300 s, Kubernetes' own) or classroom (1 s doubling to 20 s).",
      options: ['kubernetes', 'classroom'],
      default: 'kubernetes',
    }),
    node: Flags.string({description: 'The worker node name.', default: 'node01'}),
  }

  async run(): Promise<void> {
    const {flags} = await this.parse(Up)
    const dir = stateDir()
    const release = lockControlPlane(dir)
    const controller = new AbortController()
    const stop = (): void => {
      logComponent('control-plane', 'stopping; containers keep running and the next `tug up` adopts them')
      controller.abort()
    }
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
    try {
      const runtime = await openRuntime(flags)
      logComponent('control-plane', `state in ${dir}; press Ctrl-C to stop`)
      await runControlPlane(
        {
          api: this.api(),
          runtime,
          node: hostNodeFacts(flags.node),
          log: logComponent,
          backoff: flags.backoff as 'kubernetes' | 'classroom',
        },
        controller.signal,
      )
    } finally {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      release()
    }
  }
}
