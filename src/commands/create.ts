import {Flags} from '@oclif/core'
import {TugCommand} from '../cli/base-command.js'
import {readManifestSources} from '../cli/manifest-files.js'
import {dryRunFlag, parseDryRun, parseWriteOutput, printWritten, writeOutputFlag} from '../cli/flags.js'
import {applyManifests} from '../core/apply/apply-manifests.js'
import type {AppliedObject} from '../core/apply/apply-manifests.js'
import {parseManifests} from '../core/manifests/parse.js'

export default class Create extends TugCommand {
  static override description = `Create objects from files or stdin.

Unlike apply, create refuses objects that already exist. Every document is created in one transaction: if
one is rejected, none is written. To generate objects, see the subcommands (tug create deployment).`

  static override examples = [
    {
      command: '<%= config.bin %> create --filename pod.yaml',
      description: 'Create a pod from a manifest (prints pod/web created).',
    },
  ]

  static override flags = {
    filename: Flags.string({
      char: 'f',
      description: 'File, directory or - (stdin) holding the manifests.',
      multiple: true,
      required: true,
    }),
    recursive: Flags.boolean({char: 'R', description: 'Process the directory given with -f recursively.'}),
    'dry-run': dryRunFlag,
    output: writeOutputFlag,
  }

  async run(): Promise<AppliedObject[]> {
    const {flags} = await this.parse(Create)
    const dryRun = parseDryRun(flags['dry-run'])
    const output = parseWriteOutput(flags.output)
    const sources = await readManifestSources(flags.filename, flags.recursive)
    const results = applyManifests(this.api(), parseManifests(sources), {
      mode: 'create',
      namespaceFlag: flags.namespace,
      dryRun: dryRun !== 'none',
    })
    this.out(printWritten(results, {output, dryRun}))
    return results
  }
}
