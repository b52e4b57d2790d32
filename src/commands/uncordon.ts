import {Args, Flags} from '@oclif/core'
import {TugCommand} from '../cli/base-command.js'
import {dryRunFlag, parseDryRun} from '../cli/flags.js'
import {cordonNodes} from '../core/nodes/cordon.js'
import type {NodeChange} from '../core/nodes/node-targets.js'
import {nodeLine} from '../core/nodes/node-targets.js'

export default class Uncordon extends TugCommand {
  static override description = `Mark nodes as schedulable again.

Clears spec.unschedulable and the taint node.kubernetes.io/unschedulable:NoSchedule that \`tug cordon\` or
\`tug drain\` set. Pods do not move back by themselves: the scheduler uses the node for new pods.`

  static override strict = false
  static override args = {node: Args.string({description: 'NODE...: the nodes to uncordon.'})}

  static override examples = [
    {command: '<%= config.bin %> uncordon node01', description: 'Prints node/node01 uncordoned.'},
    {command: '<%= config.bin %> uncordon --selector disk=hdd', description: 'Every node with that label.'},
  ]

  static override flags = {
    selector: Flags.string({char: 'l', description: 'Uncordon the nodes matching this label selector.'}),
    'dry-run': dryRunFlag,
  }

  async run(): Promise<NodeChange[]> {
    const {argv, flags} = await this.parse(Uncordon)
    const dryRun = parseDryRun(flags['dry-run'])
    const changes = cordonNodes(this.api(), {
      names: argv as string[],
      selector: flags.selector,
      usage: 'uncordon NODE',
      unschedulable: false,
      dryRun,
    })
    for (const {node, changed} of changes)
      this.out(
        `${nodeLine(node.metadata.name ?? '', changed ? 'uncordoned' : 'already uncordoned', dryRun)}\n`,
      )
    return changes
  }
}
