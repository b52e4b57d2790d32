import {Args, Flags} from '@oclif/core'
import {TugCommand} from '../../cli/base-command.js'
import {stateDir} from '../../cli/context.js'
import {controlPlaneHolder} from '../../cli/control-plane-lock.js'
import type {NodeChange} from '../../core/nodes/node-targets.js'
import {changedNames, nodeLine} from '../../core/nodes/node-targets.js'
import {stopNodes} from '../../core/nodes/simulated-failure.js'

export default class NodeStop extends TugCommand {
  static override description = `Simulate a node's machine failing.

Marks the node stopped (annotation tugboat.dev/simulated-state=stopped). The control plane in tug up then stops
the node's kubelet: its heartbeat stops and its containers stop, as when a machine loses power. After the
node-monitor grace period the node turns NotReady, and its pods are evicted and replaced on other nodes.
The control-plane node cannot be stopped. \`tug node start\` brings the machine back.`

  static override strict = false
  static override args = {node: Args.string({description: 'NODE...: the worker nodes to stop.'})}

  static override examples = [
    {command: '<%= config.bin %> node stop node02', description: 'Then watch: tug get nodes --watch'},
  ]

  static override flags = {
    selector: Flags.string({char: 'l', description: 'Stop the nodes matching this label selector.'}),
  }

  async run(): Promise<NodeChange[]> {
    const {argv, flags} = await this.parse(NodeStop)
    const changes = stopNodes(this.api(), {
      names: argv as string[],
      selector: flags.selector,
      usage: 'node stop NODE',
    })
    for (const {node, changed} of changes) {
      const name = node.metadata.name ?? ''
      this.out(
        changed
          ? `${nodeLine(name, 'stopped')} (its kubelet stops heartbeating and its containers stop; the control plane marks it NotReady after the grace period)\n`
          : `${nodeLine(name, 'already stopped')}\n`,
      )
    }
    if (changes.some(({changed}) => changed) && controlPlaneHolder(stateDir()) === undefined)
      this.note(
        `Warning: no control plane is running; tug up will start with ${changedNames(changes)} stopped`,
      )
    return changes
  }
}
