/**
 * The base of the edit commands (label, annotate, scale, set image): they name objects as kubectl's resource
 * builder does (`TYPE NAME...`, `TYPE/NAME...`, `-l`, `--all`), take `--dry-run` and `-o`, and print each
 * edited object as `deployment.apps/web scaled` or as the object.
 */
import type {TargetQuery} from '../core/edits/targets.js'
import {TugCommand} from './base-command.js'
import type {WriteOutputOptions, WrittenObject} from './flags.js'
import {
  dryRunFlag,
  editAllFlag,
  editSelectorFlag,
  parseDryRun,
  parseWriteOutput,
  printWritten,
  writeOutputFlag,
} from './flags.js'
import {parseResourceArgs} from './resource-args.js'

/** `--all`, `-l/--selector`, `--dry-run` and `-o/--output`: the flags every edit command takes. */
export const editFlags = {
  all: editAllFlag,
  selector: editSelectorFlag,
  'dry-run': dryRunFlag,
  output: writeOutputFlag,
}

/** The parsed flags an edit command reads its scope from. */
export interface EditScopeFlags {
  namespace?: string
  selector?: string
  all: boolean
  'dry-run'?: string
  output?: string
}

/** Which objects to edit, and how to write and print them. */
export interface EditScope {
  query: TargetQuery
  write: WriteOutputOptions
}

/** A command that edits objects already stored; subclasses parse their own flags and call one core edit. */
export abstract class EditCommand extends TugCommand {
  /**
   * Reads `-o` and `--dry-run` first, so a bad flag is refused before the arguments are read; `verb` names the
   * command in kubectl's "You must specify the type of resource to <verb>".
   */
  protected editScope(resources: readonly string[], verb: string, flags: EditScopeFlags): EditScope {
    const output = parseWriteOutput(flags.output)
    const dryRun = parseDryRun(flags['dry-run'])
    const query: TargetQuery = {
      resources: resources.length ? parseResourceArgs(resources, verb) : [],
      namespace: this.namespaceOf(flags),
      selector: flags.selector,
      all: flags.all,
    }
    return {query, write: {output, dryRun}}
  }

  /** Prints every edited object with the same verb (`scaled`, `image updated`) and returns them. */
  protected printEdited<T extends Pick<WrittenObject, 'object'>>(
    edited: T[],
    operation: string,
    write: WriteOutputOptions,
  ): T[] {
    this.out(
      printWritten(
        edited.map(({object}) => ({object, operation})),
        write,
      ),
    )
    return edited
  }
}
