/** `tug get -w`: after the list, one row (or document) per change, until Ctrl-C. */
import type {ApiServer} from '../core/api/api-server.js'
import type {Change} from '../core/api/store.js'
import {matchesSelector, parseSelector} from '../core/api/selectors.js'
import {watchChanges} from '../core/api/watch.js'
import type {GetResult} from '../core/queries/get-objects.js'
import type {GetPrintOptions} from './printers/print-get.js'
import {toJson, toName, toYaml} from './printers/serialize.js'
import {printTableRows} from './printers/table.js'

/** Options of the follow-up: the list's print options and its scope. */
export interface FollowOptions extends GetPrintOptions {
  namespace: string
  selector?: string
}

/** Prints every change that matches the listed types, names, namespace and selector, until SIGINT. */
export async function followChanges(api: ApiServer, result: GetResult, options: FollowOptions, write: (text: string) => void): Promise<void> {
  const controller = new AbortController()
  const stop = (): void => controller.abort()
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
  const filter = changeFilter(result, options)
  try {
    for await (const change of watchChanges(api.store, {after: result.resourceVersion, filter, signal: controller.signal})) {
      write(printChange(change, options))
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
    if (group.type.namespaced && !options.allNamespaces && object.metadata.namespace !== options.namespace) return false
    if (selector && !matchesSelector(selector, object.metadata.labels)) return false
    return true
  }
}

function printChange({object}: Change, options: FollowOptions): string {
  const {format} = options
  if (format.type === 'yaml') return `---\n${toYaml(object)}`
  if (format.type === 'json') return toJson(object)
  if (format.type === 'name') return `${toName(object)}\n`
  return printTableRows([object], {
    kind: object.kind,
    wide: format.type === 'table' && format.wide,
    showLabels: options.showLabels,
    labelColumns: options.labelColumns,
    allNamespaces: options.allNamespaces,
    now: new Date(),
  })
}
