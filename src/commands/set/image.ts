import {Args} from '@oclif/core'
import {TugCommand} from '../../cli/base-command.js'
import {
  dryRunFlag,
  editAllFlag,
  editSelectorFlag,
  parseDryRun,
  parseWriteOutput,
  printWritten,
  writeOutputFlag,
} from '../../cli/flags.js'
import {parseResourceArgs} from '../../cli/resource-args.js'
import {splitResourcesAndPairs} from '../../core/edits/pairs.js'
import {setImages} from '../../core/edits/set-image.js'
import type {EditedObject} from '../../core/edits/targets.js'

export default class SetImage extends TugCommand {
  static override description = `Update the images of containers in pods and pod templates.

CONTAINER=IMAGE changes one container (init containers included); *=IMAGE changes them all. On a deployment
this changes the pod template, so the deployment controller (tug up) rolls out a new replica set; on a
pod it replaces the image of the running pod's container.`

  static override strict = false
  static override args = {
    resource: Args.string({description: 'TYPE NAME... or TYPE/NAME..., then CONTAINER=IMAGE pairs.'}),
  }

  static override examples = [
    {
      command: '<%= config.bin %> set image deployment/web nginx=nginx:1.25',
      description: 'Roll out a new image (prints deployment.apps/web image updated).',
    },
    {
      command: "<%= config.bin %> set image deployment web '*=nginx:1.25'",
      description: 'Every container of the template.',
    },
    {
      command: '<%= config.bin %> set image pod web nginx=nginx:1.25 sidecar=busybox:1.36',
      description: 'Two containers of a pod.',
    },
    {
      command: '<%= config.bin %> set image deployments --all nginx=nginx:1.25',
      description: 'Every deployment in the namespace.',
    },
  ]

  static override flags = {
    all: editAllFlag,
    selector: editSelectorFlag,
    'dry-run': dryRunFlag,
    output: writeOutputFlag,
  }

  async run(): Promise<EditedObject[]> {
    const {argv, flags} = await this.parse(SetImage)
    const {resources, pairs} = splitResourcesAndPairs(argv as string[], 'image')
    const output = parseWriteOutput(flags.output)
    const dryRun = parseDryRun(flags['dry-run'])
    const updated = setImages(this.api(), {
      resources: resources.length ? parseResourceArgs(resources, 'set image') : [],
      namespace: this.namespaceOf(flags),
      selector: flags.selector,
      all: flags.all,
      images: pairs,
      dryRun,
    })
    this.out(
      printWritten(
        updated.map(({object}) => ({object, operation: 'image updated'})),
        {output, dryRun},
      ),
    )
    return updated
  }
}
