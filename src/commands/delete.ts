import {Args, Flags} from '@oclif/core'
import {TugCommand} from '../cli/base-command.js'
import {readManifestSources} from '../cli/manifest-files.js'
import {parseResourceArgs} from '../cli/resource-args.js'
import {parseDeleteFlags} from '../cli/delete-flags.js'
import {qualifiedSingular} from '../core/api/resources.js'
import type {DeleteResult} from '../core/deletion/delete-objects.js'
import {deleteObjects} from '../core/deletion/delete-objects.js'
import {targetsOfManifests} from '../core/manifests/targets.js'
import {parseManifests} from '../core/manifests/parse.js'

export default class Delete extends TugCommand {
  static override description = `Delete objects by type and name, by label selector, or as named in manifests.

With --cascade=background (the default) the object goes now and the garbage collector then removes what it
owned; --cascade=foreground keeps it until its dependents are gone; --cascade=orphan leaves them running.`

  static override strict = false
  static override args = {type: Args.string({description: 'TYPE NAME... or TYPE/NAME...'})}

  static override examples = [
    {command: '<%= config.bin %> delete pod web', description: 'Delete one pod (prints pod "web" deleted).'},
    {command: '<%= config.bin %> delete deployment/web service/web', description: 'Several types at once.'},
    {
      command: '<%= config.bin %> delete pods --selector app=web',
      description: 'Everything matching a label selector.',
    },
    {
      command: '<%= config.bin %> delete --filename web.yaml',
      description: 'The objects a manifest describes.',
    },
    {
      command: '<%= config.bin %> delete replicaset web --cascade=orphan',
      description: 'Keep the pods running.',
    },
  ]

  static override flags = {
    filename: Flags.string({
      char: 'f',
      description: 'File, directory or - naming the objects to delete.',
      multiple: true,
    }),
    recursive: Flags.boolean({char: 'R', description: 'Process the directory given with -f recursively.'}),
    selector: Flags.string({char: 'l', description: 'Delete the objects matching this label selector.'}),
    all: Flags.boolean({description: 'Delete every object of the given types in the namespace.'}),
    cascade: Flags.string({
      description: 'background, foreground or orphan (true means background, false orphan).',
      default: 'background',
    }),
    'grace-period': Flags.integer({
      description: 'Seconds a pod gets to stop; 0 with --force deletes at once.',
      default: -1,
    }),
    now: Flags.boolean({description: 'Same as --grace-period=1.'}),
    force: Flags.boolean({
      description: 'With --grace-period=0, remove pods without waiting for their containers to stop.',
    }),
    'ignore-not-found': Flags.boolean({description: 'Treat "not found" as a successful delete.'}),
    'dry-run': Flags.string({
      description: 'Only print what would be deleted.',
      options: ['none', 'client', 'server'],
      default: 'none',
    }),
    wait: Flags.boolean({description: 'Accepted for kubectl compatibility.', default: true, allowNo: true}),
  }

  async run(): Promise<DeleteResult> {
    const {argv, flags} = await this.parse(Delete)
    const options = parseDeleteFlags(flags)
    for (const warning of options.warnings) this.note(warning)
    const namespace = this.namespaceOf(flags)
    const targets = flags.filename
      ? targetsOfManifests(
          parseManifests(await readManifestSources(flags.filename, flags.recursive)),
          namespace,
        )
      : parseResourceArgs(argv as string[], 'delete')
    const result = deleteObjects(this.api(), {
      targets,
      namespace,
      selector: flags.selector,
      all: flags.all,
      ...options,
    })
    const suffix = options.dryRun ? ' (dry run)' : ''
    const verb = options.force && options.gracePeriodSeconds === 0 ? 'force deleted' : 'deleted'
    this.out(
      result.deleted
        .map(({type, object}) => `${qualifiedSingular(type)} "${object.metadata.name}" ${verb}${suffix}\n`)
        .join(''),
    )
    if (result.deleted.length === 0 && result.missing.length === 0) this.note('No resources found')
    if (!flags['ignore-not-found']) {
      for (const error of result.missing) this.note(`Error from server (${error.reason}): ${error.message}`)
      if (result.missing.length) process.exitCode = 1
    }
    return result
  }
}
