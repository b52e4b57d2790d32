/**
 * Flags shared by the commands that write objects (run, create <generator>, label, annotate, scale,
 * set image): `--dry-run` and `-o/--output`, read with kubectl's messages, and how a written object prints:
 * `deployment.apps/web created`, `pod/web labeled (dry run)`, or the object as YAML, JSON or its name.
 */
import {Flags} from '@oclif/core'
import {UserError} from '../core/api/errors.js'
import type {KubeObject} from '../core/api/types.js'
import type {DryRun} from '../core/generators/dry-run.js'
import type {GeneratedObject} from '../core/generators/write-generated.js'
import {toJson, toName, toYaml} from './printers/serialize.js'

/** `--dry-run=none|client|server`. */
export const dryRunFlag = Flags.string({
  description:
    'none writes; server checks with the API server without storing; client only prints what would be sent.',
  default: 'none',
})

/** `-o/--output` for a write: yaml, json or name. */
export const writeOutputFlag = Flags.string({
  char: 'o',
  description: 'Print the object instead of a message: yaml, json or name.',
})

/** `-l/--selector` for the edit commands. */
export const editSelectorFlag = Flags.string({
  char: 'l',
  description: 'Work on the objects matching this label selector, e.g. -l app=web.',
})

/** `--all` for the edit commands. */
export const editAllFlag = Flags.boolean({
  description: 'Work on every object of the given types in the namespace.',
})

/** Reads --dry-run as kubectl does. */
export function parseDryRun(value: string | undefined): DryRun {
  if (value === undefined || value === 'none' || value === 'client' || value === 'server')
    return value ?? 'none'
  throw new UserError(`Invalid dry-run value (${value}). Must be "none", "server", or "client".`)
}

/** The formats a write prints; anything else is refused before anything is written. */
export type WriteOutput = 'yaml' | 'json' | 'name' | undefined

/** Reads -o for a write command. */
export function parseWriteOutput(value: string | undefined): WriteOutput {
  if (value === undefined || value === '' || value === 'yaml' || value === 'json' || value === 'name')
    return value || undefined
  throw new UserError(
    `unable to match a printer suitable for the output format "${value}", allowed formats are: json,name,yaml`,
  )
}

/** One object a write command reports, with the verb kubectl prints for it. */
export interface WrittenObject {
  object: KubeObject
  operation: string
}

/** How to print written objects. */
export interface WriteOutputOptions {
  output: WriteOutput
  dryRun: DryRun
  /**
   * Print JSON keys in the order the object was built rather than sorted: kubectl prints a generated
   * (typed) object in Go's struct order, and objects read from the API server with sorted keys.
   */
  asBuilt?: boolean
}

const DRY_RUN_SUFFIX: Record<DryRun, string> = {none: '', client: ' (dry run)', server: ' (server dry run)'}

/** `pod/web created (dry run)` per object, or the objects as YAML documents, JSON objects or names. */
export function printWritten(written: readonly WrittenObject[], options: WriteOutputOptions): string {
  const objects = written.map(({object}) => object)
  switch (options.output) {
    case 'yaml':
      return objects.map((object) => toYaml(object)).join('---\n')
    case 'json':
      return objects.map((object) => toJson(object, {asBuilt: options.asBuilt})).join('')
    case 'name':
      return objects.map((object) => `${toName(object)}\n`).join('')
    default:
      return written
        .map(({object, operation}) => `${toName(object)} ${operation}${DRY_RUN_SUFFIX[options.dryRun]}\n`)
        .join('')
  }
}

/**
 * What run and create <generator> print: `pod/web created`, or the object. A client dry run prints the
 * object as built, so JSON keys keep Go's struct order as in kubectl's output.
 */
export function printCreated(generated: GeneratedObject, output: WriteOutput): string {
  const {object, dryRun} = generated
  return printWritten([{object, operation: 'created'}], {output, dryRun, asBuilt: dryRun === 'client'})
}

/** What label and annotate report: a listing (--list), or per object a message or the object. */
export interface MetadataEditOutput {
  edits: readonly (WrittenObject & {type: {kind: string; group: string}; absentKeys: readonly string[]})[]
  single: boolean
}

/**
 * `--list` prints `key=value` lines (under `Listing labels for Pod./web:` when several objects were
 * selected, as kubectl does); otherwise kubectl first says `label "x" not found.` for removals of absent keys.
 */
export function printMetadataEdits(
  result: MetadataEditOutput,
  field: 'labels' | 'annotations',
  list: boolean,
  options: WriteOutputOptions,
): string {
  if (list) {
    return result.edits
      .map(({type, object}) => {
        const entries = Object.entries(object.metadata[field] ?? {}).sort(([a], [b]) =>
          a < b ? -1 : a > b ? 1 : 0,
        )
        const lines = entries.map(([key, value]) => `${result.single ? '' : ' '}${key}=${value}\n`).join('')
        return result.single
          ? lines
          : `Listing ${field} for ${type.kind}.${type.group}/${object.metadata.name ?? ''}:\n${lines}`
      })
      .join('')
  }
  return result.edits
    .map((edit, index) => {
      const absent = edit.absentKeys.map((key) => `label ${JSON.stringify(key)} not found.\n`).join('')
      return absent + (index > 0 && options.output === 'yaml' ? '---\n' : '') + printWritten([edit], options)
    })
    .join('')
}

/**
 * Splits raw argv at the first `--`: what comes after is a container's command line and must not be read as
 * flags (`tug run web --image=busybox -- sh -c 'echo hi'`).
 */
export function splitAtDoubleDash(argv: readonly string[]): {before: string[]; after: string[]} {
  const dash = argv.indexOf('--')
  return dash < 0
    ? {before: [...argv], after: []}
    : {before: argv.slice(0, dash), after: argv.slice(dash + 1)}
}
