/** Renders a get result in the requested output format, as kubectl get does. */
import type {StoredObject} from '../../core/api/types.js'
import type {GetResult} from '../../core/queries/get-objects.js'
import type {OutputFormat} from './output-format.js'
import {renderJsonPath} from './jsonpath/index.js'
import {asDocument, toJson, toName, toYaml} from './serialize.js'
import {renderTable} from './table.js'

/** Table options that come from flags. */
export interface GetPrintOptions {
  format: OutputFormat
  showLabels: boolean
  labelColumns: string[]
  allNamespaces: boolean
  noHeaders: boolean
  /** A single named object prints as itself in yaml/json, not wrapped in a List. */
  singleNamed: boolean
  now: Date
}

/** The text for stdout, and for tables the column widths a watch keeps printing rows to. */
export function printGetResult(
  result: GetResult,
  options: GetPrintOptions,
): {text: string; widths?: number[]} {
  const format = options.format
  if (format.type !== 'table') return {text: printDocuments(result, options)}
  const withKind = result.groups.length > 1
  const tables = result.groups
    .filter((group) => group.objects.length > 0)
    .map((group) =>
      renderTable(group.objects, {
        kind: group.type.kind,
        wide: format.wide,
        showLabels: options.showLabels,
        labelColumns: options.labelColumns,
        allNamespaces: options.allNamespaces,
        withKind,
        noHeaders: options.noHeaders,
        now: options.now,
      }),
    )
  return {text: tables.map((table) => table.text).join('\n'), widths: tables.at(-1)?.widths}
}

function printDocuments(result: GetResult, options: GetPrintOptions): string {
  const objects: StoredObject[] = result.groups.flatMap((group) => group.objects)
  const {format} = options
  switch (format.type) {
    case 'yaml':
      return toYaml(asDocument(objects, options.singleNamed))
    case 'json':
      return toJson(asDocument(objects, options.singleNamed))
    case 'name':
      return objects.map((object) => `${toName(object)}\n`).join('')
    case 'jsonpath':
      return renderJsonPath(format.template, asDocument(objects, options.singleNamed))
    case 'table':
      return ''
  }
}
