import {Args, Flags} from '@oclif/core'
import {TugCommand} from '../cli/base-command.js'
import {dryRunFlag, parseDryRun} from '../cli/flags.js'
import {cordonNodes} from '../core/nodes/cordon.js'
import type {NodeChange} from '../core/nodes/node-targets.js'
import {nodeLine} from '../core/nodes/node-targets.js'

export default class Cordon extends TugCommand {
  static override description = `Mark nodes as unschedulable.

Sets spec.unschedulable and the taint node.kubernetes.io/unschedulable:NoSchedule, so the scheduler puts no
new pods there. Pods already running on the node stay; \`tug drain\` also moves them away, and
\`tug uncordon\` makes the node schedulable again.`

  static override strict = false
  static override args = {node: Args.string({description: 'NODE...: the nodes to cordon.'})}

  static override examples = [
    {command: '<%= config.bin %> cordon node01', description: 'Prints node/node01 cordoned.'},
    {command: '<%= config.bin %> cordon --selector disk=hdd', description: 'Every node with that label.'},
    {command: '<%= config.bin %> cordon node01 --dry-run=client', description: 'Show, change nothing.'},
  ]

  static override flags = {
    selector: Flags.string({char: 'l', description: 'Cordon the nodes matching this label selector.'}),
    'dry-run': dryRunFlag,
  }

  async run(): Promise<NodeChange[]> {
    const {argv, flags} = await this.parse(Cordon)
    const dryRun = parseDryRun(flags['dry-run'])
    const changes = cordonNodes(this.api(), {
      names: argv as string[],
      selector: flags.selector,
      usage: 'cordon NODE',
      unschedulable: true,
      dryRun,
    })
    for (const {node, changed} of changes)
      this.out(`${nodeLine(node.metadata.name ?? '', changed ? 'cordoned' : 'already cordoned', dryRun)}\n`)
    return changes
  }
}
