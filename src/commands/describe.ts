import {Args, Flags} from '@oclif/core'
import {TugCommand} from '../cli/base-command.js'
import {describeObject} from '../cli/printers/describe/index.js'
import {parseResourceArgs} from '../cli/resource-args.js'
import type {DescribeResult} from '../core/queries/describe-objects.js'
import {describeObjects} from '../core/queries/describe-objects.js'

export default class Describe extends TugCommand {
  static override description = `Show details of objects, with their events.

Like kubectl describe: the fields that matter, the objects they own, and the events the control plane
recorded about them (why a pod is pending, which pods a replica set created).`

  static override strict = false
  static override args = {type: Args.string({description: 'TYPE [NAME...] or TYPE/NAME...', required: true})}

  static override examples = [
    {command: '<%= config.bin %> describe pod web', description: 'One pod, with its events.'},
    {
      command: '<%= config.bin %> describe deployment/web',
      description: 'A deployment with its replica sets and conditions.',
    },
    {command: '<%= config.bin %> describe pods --selector app=web', description: 'Every pod with a label.'},
  ]

  static override flags = {
    selector: Flags.string({char: 'l', description: 'Describe the objects matching this label selector.'}),
  }

  async run(): Promise<DescribeResult> {
    const {argv, flags} = await this.parse(Describe)
    const types = parseResourceArgs(argv as string[], 'describe')
    const api = this.api()
    const result = describeObjects(api, {types, namespace: this.namespaceOf(flags), selector: flags.selector})
    const now = api.now()
    this.out(
      result.subjects
        .map(({object, events, related}) => describeObject(object, events, related, now))
        .join('\n\n'),
    )
    if (result.subjects.length === 0 && result.missing.length === 0)
      this.note(`No resources found in ${this.namespaceOf(flags)} namespace.`)
    for (const error of result.missing) this.note(`Error from server (NotFound): ${error.message}`)
    if (result.missing.length) process.exitCode = 1
    this.warnIfNothingReconciles(result.subjects.map(({object}) => object.kind))
    return result
  }
}
