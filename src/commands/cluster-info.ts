import {TugCommand} from '../cli/base-command.js'
import {stateDir} from '../cli/context.js'
import {controlPlaneHolder} from '../cli/control-plane-lock.js'
import type {ControlPlaneStatus} from '../cli/control-plane-status.js'
import {readControlPlaneStatus} from '../cli/control-plane-status.js'
import {printClusterInfo} from '../cli/printers/cluster-info.js'
import type {ClusterInfo} from '../core/queries/cluster-info.js'
import {clusterInfo} from '../core/queries/cluster-info.js'

export default class ClusterInfoCommand extends TugCommand {
  static override description = `Show whether the control plane runs, the health of its components, where the cluster's state lives, and each node's heartbeat.`

  static override examples = [
    {
      command: '<%= config.bin %> cluster-info',
      description:
        'Tugboat control plane is running (pid 4242, up 5m), state in ~/.tugboat/state.db; then its components and nodes.',
    },
  ]

  async run(): Promise<ClusterInfo & {controlPlane?: ControlPlaneStatus}> {
    await this.parse(ClusterInfoCommand)
    const api = this.api()
    const info = clusterInfo(api)
    const dir = stateDir()
    const pid = controlPlaneHolder(dir)
    const published = pid === undefined ? undefined : readControlPlaneStatus(dir)
    // A board left by a dead control plane (kill -9) must not pass for a live one.
    const status = published?.pid === pid ? published : undefined
    this.out(printClusterInfo(info, status, api.now()))
    return {...info, controlPlane: status}
  }
}
