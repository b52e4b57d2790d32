import {TugCommand} from '../cli/base-command.js'
import {stateDir} from '../cli/context.js'
import {controlPlaneHolder} from '../cli/control-plane-lock.js'
import type {ClusterInfo} from '../core/queries/cluster-info.js'
import {clusterInfo} from '../core/queries/cluster-info.js'

export default class ClusterInfoCommand extends TugCommand {
  static override description = `Show whether the control plane runs, where the cluster's state lives, and each node's health.`

  static override examples = [
    {
      command: '<%= config.bin %> cluster-info',
      description:
        'Tugboat control plane is running (pid 4242), state in ~/.tugboat/state.db; then one line per node.',
    },
  ]

  async run(): Promise<ClusterInfo & {controlPlanePid?: number}> {
    await this.parse(ClusterInfoCommand)
    const info = clusterInfo(this.api())
    const pid = controlPlaneHolder(stateDir())
    const lines = [
      pid
        ? `Tugboat control plane is running (pid ${pid}), state in ${info.database}`
        : `Tugboat control plane is not running: objects are stored in ${info.database} but nothing is reconciling them; run \`tug up\``,
      `Store: resourceVersion ${info.resourceVersion}`,
      ...info.nodes.map(
        (node) =>
          `Node ${node.name}: ${node.ready}, runtime ${node.runtime}${node.heartbeatAgeSeconds === undefined ? '' : `, last heartbeat ${node.heartbeatAgeSeconds}s ago`}`,
      ),
      ...(info.nodes.length ? [] : ['No nodes have registered yet: `tug up` registers them.']),
    ]
    this.out(`${lines.join('\n')}\n`)
    return {...info, controlPlanePid: pid}
  }
}
