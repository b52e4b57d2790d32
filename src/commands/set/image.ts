import {Args} from '@oclif/core'
import {commandLine} from '../../cli/change-cause.js'
import {EditCommand, editFlags} from '../../cli/edit-command.js'
import {splitResourcesAndPairs} from '../../core/edits/pairs.js'
import {setImages} from '../../core/edits/set-image.js'
import type {EditedObject} from '../../core/edits/targets.js'
import {recordingChangeCause} from '../../core/rollout/change-cause.js'

export default class SetImage extends EditCommand {
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

  static override flags = editFlags

  async run(): Promise<EditedObject[]> {
    const {argv, flags} = await this.parse(SetImage)
    const {resources, pairs} = splitResourcesAndPairs(argv as string[], 'image')
    const {query, write} = this.editScope(resources, 'set image', flags)
    // A changed Deployment template records this command line as its change-cause.
    const api = recordingChangeCause(this.api(), commandLine(['set', 'image'], this.argv))
    const updated = setImages(api, {...query, images: pairs, dryRun: write.dryRun})
    return this.printEdited(updated, 'image updated', write)
  }
}
