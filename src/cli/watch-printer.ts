/** `tug get -w`: after the list, one row (or document) per change, until Ctrl-C. */
import type {ApiServer} from '../core/api/api-server.js'
import type {Change} from '../core/api/store.js'
import {matchesSelector, parseSelector} from '../core/api/selectors.js'
import {watchChanges} from '../core/api/watch.js'
import type {GetResult} from '../core/queries/get-objects.js'
import type {GetPrintOptions} from './printers/print-get.js'
import {toJson, toName, toYaml} from './printers/serialize.js'
import {printTableRows, renderTable} from './printers/table.js'

/** Options of the follow-up: the list's print options and its scope. */
export interface FollowOptions extends GetPrintOptions {
  namespace: string
  selector?: string
  /** The column widths of the table printed for the list, if one was printed. */
  tableWidths?: number[]
}

/** Prints every change that matches the listed types, names, namespace and selector, until SIGINT. */
export async function followChanges(
  api: ApiServer,
  result: GetResult,
  options: FollowOptions,
  write: (text: string) => void,
): Promise<void> {
  const controller = new AbortController()
  const stop = (): void => controller.abort()
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
  const filter = changeFilter(result, options)
  // kubectl prints the list and every later row through one tabwriter that remembers column widths.
  let widths = options.tableWidths
  try {
    for await (const change of watchChanges(api.store, {
      after: result.resourceVersion,
      filter,
      signal: controller.signal,
    })) {
      const printed = printChange(change, options, widths)
      widths = printed.widths
      write(printed.text)
    }
  } finally {
    process.off('SIGINT', stop)
    process.off('SIGTERM', stop)
  }
}

function changeFilter(result: GetResult, options: FollowOptions): (change: Change) => boolean {
  const selector = options.selector ? parseSelector(options.selector) : undefined
  return ({object}) => {
    const group = result.groups.find((candidate) => candidate.type.kind === object.kind)
    if (!group) return false
    if (group.type.namespaced && !options.allNamespaces && object.metadata.namespace !== options.namespace)
      return false
    if (selector && !matchesSelector(selector, object.metadata.labels)) return false
    return true
  }
}

function printChange(
  {object}: Change,
  options: FollowOptions,
  widths: number[] | undefined,
): {text: string; widths?: number[]} {
  const {format} = options
  if (format.type === 'yaml') return {text: `---\n${toYaml(object)}`}
  if (format.type === 'json') return {text: toJson(object)}
  if (format.type === 'name') return {text: `${toName(object)}\n`}
  const table = {
    kind: object.kind,
    wide: format.type === 'table' && format.wide,
    showLabels: options.showLabels,
    labelColumns: options.labelColumns,
    allNamespaces: options.allNamespaces,
    now: new Date(),
  }
  // With nothing listed before, kubectl prints the header along with the first row.
  return widths ? printTableRows([object], table, widths) : renderTable([object], table)
}
