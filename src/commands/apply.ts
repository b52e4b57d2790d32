import {Flags} from '@oclif/core'
import {TugCommand} from '../cli/base-command.js'
import {readManifestSources} from '../cli/manifest-files.js'
import {dryRunFlag, parseDryRun, parseWriteOutput, printWritten, writeOutputFlag} from '../cli/flags.js'
import {applyManifests} from '../core/apply/apply-manifests.js'
import type {AppliedObject} from '../core/apply/apply-manifests.js'
import {parseManifests} from '../core/manifests/parse.js'

export default class Apply extends TugCommand {
  static override description = `Apply a configuration to objects from files or stdin.

Creates objects that do not exist and updates those that do, keeping what was applied in the
kubectl.kubernetes.io/last-applied-configuration annotation, as kubectl apply does. Every document is
applied in one transaction: if one is rejected, none is written.`

  static override examples = [
    {
      command: '<%= config.bin %> apply --filename web.yaml',
      description: 'Apply a manifest (prints deployment.apps/web created).',
    },
    {
      command: '<%= config.bin %> apply --filename manifests/ --recursive',
      description: 'Apply every .yaml, .yml and .json file in a directory tree.',
    },
    {command: 'cat web.yaml | <%= config.bin %> apply --filename -', description: 'Apply from stdin.'},
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
    const {flags} = await this.parse(Apply)
    const dryRun = parseDryRun(flags['dry-run'])
    const output = parseWriteOutput(flags.output)
    const sources = await readManifestSources(flags.filename, flags.recursive)
    const results = applyManifests(this.api(), parseManifests(sources), {
      mode: 'apply',
      namespaceFlag: flags.namespace,
      dryRun: dryRun !== 'none',
    })
    for (const warning of results.flatMap((result) => result.warnings)) this.note(warning)
    this.out(printWritten(results, {output, dryRun}))
    return results
  }
}
