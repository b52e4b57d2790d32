/**
 * The base of apply and create with `-f`: both read the manifests, write every document in one transaction
 * and print each object with what happened to it; they differ only in whether an existing object is updated.
 */
import {Flags} from '@oclif/core'
import type {AppliedObject, ApplyOptions} from '../core/apply/apply-manifests.js'
import {applyManifests} from '../core/apply/apply-manifests.js'
import {parseManifests} from '../core/manifests/parse.js'
import {recordingChangeCause} from '../core/rollout/change-cause.js'
import {TugCommand} from './base-command.js'
import {commandLine} from './change-cause.js'
import {dryRunFlag, parseDryRun, parseWriteOutput, printWritten, writeOutputFlag} from './flags.js'
import {readManifestSources} from './manifest-files.js'

/** `-f/--filename`, `-R/--recursive`, `--dry-run` and `-o/--output`. */
export const manifestFlags = {
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

/** The parsed flags of apply and create. */
export interface ManifestFlags {
  namespace?: string
  filename: string[]
  recursive: boolean
  'dry-run'?: string
  output?: string
}

/** A command that writes the objects of manifest files. */
export abstract class ManifestCommand extends TugCommand {
  /** Applies or creates every document of the `-f` sources, prints the outcome and the API server's warnings. */
  protected async writeManifests(mode: ApplyOptions['mode'], flags: ManifestFlags): Promise<AppliedObject[]> {
    const dryRun = parseDryRun(flags['dry-run'])
    const output = parseWriteOutput(flags.output)
    const sources = await readManifestSources(flags.filename, flags.recursive)
    // Deployments whose template this changes record the command line as their change-cause.
    const api = recordingChangeCause(this.api(), commandLine([mode], this.argv))
    const results = applyManifests(api, parseManifests(sources), {
      mode,
      namespaceFlag: flags.namespace,
      dryRun: dryRun !== 'none',
    })
    for (const warning of results.flatMap((result) => result.warnings)) this.note(warning)
    this.out(printWritten(results, {output, dryRun}))
    return results
  }
}
