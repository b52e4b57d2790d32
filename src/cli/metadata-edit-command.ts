/**
 * What label and annotate share: the same flags, the same arguments (`TYPE NAME... KEY=VALUE... KEY-...`) and
 * the same run; they differ only in the metadata field they edit and the words they use for it.
 */
import {Args, Flags} from '@oclif/core'
import type {ApiServer} from '../core/api/api-server.js'
import type {MetadataEditRequest, MetadataEditResult} from '../core/edits/labels.js'
import {editAnnotations, editLabels} from '../core/edits/labels.js'
import {splitResourcesAndPairs} from '../core/edits/pairs.js'
import type {EditScopeFlags} from './edit-command.js'
import {EditCommand, editFlags} from './edit-command.js'
import {printMetadataEdits} from './flags.js'

/** The metadata map a command edits. */
export type MetadataField = 'labels' | 'annotations'

/** How label and annotate name what they edit, and the core edit each one calls. */
interface FieldEdit {
  /** What kubectl calls one change: `all resources must be specified before label changes`. */
  pairType: string
  /** The command, as in `You must specify the type of resource to annotate`. */
  verb: string
  /** One entry with its article, for the flag help. */
  one: string
  edit: (api: ApiServer, request: MetadataEditRequest) => MetadataEditResult
}

const FIELDS: Readonly<Record<MetadataField, FieldEdit>> = {
  labels: {pairType: 'label', verb: 'label', one: 'a label', edit: editLabels},
  annotations: {pairType: 'annotation', verb: 'annotate', one: 'an annotation', edit: editAnnotations},
}

/** `TYPE NAME... KEY=VALUE KEY-...`, read in full from argv (the commands are not strict). */
export const metadataEditArgs = {
  resource: Args.string({description: 'TYPE NAME... or TYPE/NAME..., then KEY=VALUE or KEY- changes.'}),
}

/** The flags of label and annotate: --overwrite, --list and --resource-version besides the edit flags. */
export function metadataEditFlags(field: MetadataField) {
  return {
    overwrite: Flags.boolean({
      description: `Allow replacing ${FIELDS[field].one} that already has a different value.`,
    }),
    list: Flags.boolean({description: `Print the ${field} instead of writing them.`}),
    'resource-version': Flags.string({
      description: 'Write only if the object still has this resourceVersion (one object only).',
    }),
    ...editFlags,
  }
}

/** The parsed flags of label and annotate. */
export interface MetadataEditFlags extends EditScopeFlags {
  overwrite: boolean
  list: boolean
  'resource-version'?: string
}

/** The base of label and annotate. */
export abstract class MetadataEditCommand extends EditCommand {
  /** Edits `field` of the objects named in `argv` (resources first, then changes) and prints the outcome. */
  protected editMetadata(
    field: MetadataField,
    argv: readonly string[],
    flags: MetadataEditFlags,
  ): MetadataEditResult {
    const {pairType, verb, edit} = FIELDS[field]
    const {resources, pairs} = splitResourcesAndPairs(argv, pairType)
    const {query, write} = this.editScope(resources, verb, flags)
    const result = edit(this.api(), {
      ...query,
      changes: pairs,
      overwrite: flags.overwrite,
      list: flags.list,
      output: write.output,
      resourceVersion: flags['resource-version'],
      dryRun: write.dryRun,
    })
    this.out(printMetadataEdits(result, field, flags.list, write))
    return result
  }
}
