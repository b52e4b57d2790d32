import {Flags} from '@oclif/core'
import {TugCommand} from '../cli/base-command.js'
import {logComponent} from '../cli/component-log.js'
import {stateDir} from '../cli/context.js'
import {lockControlPlane} from '../cli/control-plane-lock.js'
import {hostNodeFacts} from '../cli/node-facts.js'
import {openRuntime} from '../cli/runtime-context.js'
import {
  removeControlPlaneStatus,
  STATUS_INTERVAL_MS,
  writeControlPlaneStatus,
} from '../cli/control-plane-status.js'
import {readSettings, settingsFile, workerCount} from '../cli/settings.js'
import {HealthBoard} from '../core/control-plane/component-health.js'
import {runControlPlane} from '../core/control-plane/control-plane.js'
import {CLUSTER_TIMINGS} from '../core/control-plane/timings.js'
import {CONTROL_PLANE_NODE, workerNames} from '../core/control-plane/topology.js'

export default class Up extends TugCommand {
  static override description = `Run the control plane in the foreground.

Starts the cluster's components in this terminal: the scheduler, the controllers (deployment, replicaset,
replicationcontroller, garbage collector, node lifecycle) and one kubelet per node, which runs the pods bound
to it as real docker or podman containers. Each component narrates what it does and why. The cluster has a
control-plane node (tainted, so ordinary pods run on the workers) and worker nodes node01, node02, ...

Ctrl-C stops the control plane and leaves the containers running, as a real cluster's workloads keep running
while its control plane restarts; the next \`tug up\` adopts them.

Defaults come from config.yaml in the state directory (nodes, timings, backoff); flags override it.`

  static override examples = [
    {
      command: '<%= config.bin %> up',
      description:
        'Two workers, classroom timings, with the engine found (docker when it answers, else podman).',
    },
    {
      command: '<%= config.bin %> up --runtime podman --verbose',
      description: 'Use podman and show every podman command it runs.',
    },
    {
      command: '<%= config.bin %> up --nodes 3 --timings kubernetes',
      description:
        "Three workers, and Kubernetes' own node timings (NotReady after 50 s, eviction 5 min later).",
    },
    {
      command: '<%= config.bin %> up --backoff classroom',
      description: 'Crash-loop back-off of 1 s doubling to 20 s instead of 10 s to 300 s.',
    },
  ]

  static override flags = {
    runtime: Flags.string({description: 'docker or podman (default: TUG_RUNTIME, else detected).'}),
    verbose: Flags.boolean({char: 'v', description: 'Show every docker/podman command with its duration.'}),
    nodes: Flags.integer({description: 'Worker nodes (default 2, or `nodes` in config.yaml).'}),
    timings: Flags.string({
      description:
        'Node timings: classroom (heartbeat 1 s, NotReady after 4 s, eviction 5 s later) or kubernetes (10 s, 50 s, 300 s). Default classroom.',
      options: ['classroom', 'kubernetes'],
    }),
    backoff: Flags.string({
      description:
        "Restart back-off: kubernetes (10 s doubling to 300 s, Kubernetes' own; the default) or classroom (1 s doubling to 20 s).",
      options: ['kubernetes', 'classroom'],
    }),
  }

  async run(): Promise<void> {
    const {flags} = await this.parse(Up)
    const dir = stateDir()
    const settings = readSettings(dir)
    const workers = flags.nodes === undefined ? (settings.nodes ?? 2) : workerCount(flags.nodes, '--nodes')
    const timings = (flags.timings ?? settings.timings ?? 'classroom') as keyof typeof CLUSTER_TIMINGS
    const backoff = (flags.backoff ?? settings.backoff ?? 'kubernetes') as 'kubernetes' | 'classroom'
    const release = lockControlPlane(dir)
    const controller = new AbortController()
    const stop = (): void => {
      logComponent('control-plane', 'stopping; containers keep running and the next `tug up` adopts them')
      controller.abort()
    }
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
    const health = new HealthBoard()
    let publisher: NodeJS.Timeout | undefined
    try {
      const runtime = await openRuntime(flags)
      const info = await runtime.info()
      const nodes = [CONTROL_PLANE_NODE, ...workerNames(workers)]
      const startedAt = new Date().toISOString()
      const publish = (): void =>
        writeControlPlaneStatus(dir, {
          pid: process.pid,
          startedAt,
          updatedAt: new Date().toISOString(),
          runtime: info.runtimeVersion,
          nodes,
          timings,
          backoff,
          components: health.snapshot(),
        })
      publisher = setInterval(publish, STATUS_INTERVAL_MS)
      logComponent('control-plane', `state in ${dir} (settings: ${settingsFile(dir)}); press Ctrl-C to stop`)
      const running = runControlPlane(
        {
          api: this.api(),
          runtime,
          hostFacts: hostNodeFacts,
          workers: workerNames(workers),
          controlPlaneNode: CONTROL_PLANE_NODE,
          log: logComponent,
          backoff,
          timings: CLUSTER_TIMINGS[timings],
          health,
        },
        controller.signal,
      )
      publish()
      await running
    } finally {
      clearInterval(publisher)
      removeControlPlaneStatus(dir)
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      release()
    }
  }
}
