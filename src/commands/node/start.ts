import {Args, Flags} from '@oclif/core'
import {TugCommand} from '../../cli/base-command.js'
import {stateDir} from '../../cli/context.js'
import {controlPlaneHolder} from '../../cli/control-plane-lock.js'
import type {NodeChange} from '../../core/nodes/node-targets.js'
import {changedNames, nodeLine} from '../../core/nodes/node-targets.js'
import {startNodes} from '../../core/nodes/simulated-failure.js'

export default class NodeStart extends TugCommand {
  static override description = `Bring a stopped node's machine back.

Removes the mark \`tug node stop\` set. The control plane in tug up then starts the node's kubelet again: it
heartbeats, the node turns Ready, and the kubelet finishes what happened meanwhile (pods deleted while the
node was down go away, the others run again).`

  static override strict = false
  static override args = {node: Args.string({description: 'NODE...: the nodes to start.'})}

  static override examples = [
    {command: '<%= config.bin %> node start node02', description: 'Prints node/node02 started.'},
  ]

  static override flags = {
    selector: Flags.string({char: 'l', description: 'Start the nodes matching this label selector.'}),
  }

  async run(): Promise<NodeChange[]> {
    const {argv, flags} = await this.parse(NodeStart)
    const changes = startNodes(this.api(), {
      names: argv as string[],
      selector: flags.selector,
      usage: 'node start NODE',
    })
    for (const {node, changed} of changes) {
      const name = node.metadata.name ?? ''
      this.out(
        changed
          ? `${nodeLine(name, 'started')} (its kubelet heartbeats again and the node turns Ready)\n`
          : `${nodeLine(name, 'already running')}\n`,
      )
    }
    if (changes.some(({changed}) => changed) && controlPlaneHolder(stateDir()) === undefined)
      this.note(`Warning: no control plane is running; ${changedNames(changes)} will run when tug up starts`)
    return changes
  }
}
