/**
 * `tug get` tables, as kubectl prints the tables the API server returns: the kind's columns (wide ones only with
 * `-o wide`), decorated like cli-runtime's decorateTable (NAMESPACE first with `-A`, `kind.group/` name
 * prefixes when several kinds print, `-L` label columns, LABELS last), aligned by the tabwriter kubectl uses.
 */
import {typeForKind} from '../../core/api/resources.js'
import type {KubeObject} from '../../core/api/types.js'
import {columnsForKind} from './columns/index.js'
import {formatLabels} from './columns/labels.js'
import {TABLE_WRITER_OPTIONS, TabWriter} from './tabwriter.js'

/** How to print one kind's table. */
export interface TableOptions {
  kind: string
  wide?: boolean
  showLabels?: boolean
  /** `-L key` columns, in the order given. */
  labelColumns?: string[]
  /** `-A`: adds NAMESPACE first (namespaced kinds only, as kubectl). */
  allNamespaces?: boolean
  /** Prefix names as kind.group/name when several kinds are printed. */
  withKind?: boolean
  noHeaders?: boolean
  now: Date
}

/** Table text plus the column widths its writer remembers, for the rows a watch prints next. */
export interface TableText {
  text: string
  widths: number[]
}

/**
 * The table with its header (unless noHeaders), ending in a newline; '' when there is nothing to print, in
 * which case kubectl prints no header either (the caller reports `No resources found ...` on stderr).
 */
export function printTable(objects: readonly KubeObject[], options: TableOptions): string {
  return renderTable(objects, options).text
}

/**
 * printTable that also returns the remembered column widths, for `get -w`: kubectl prints the initial list and
 * every later change through one tabwriter with RememberWidths, so pass these widths to printTableRows.
 */
export function renderTable(
  objects: readonly KubeObject[],
  options: TableOptions,
  remembered: readonly number[] = [],
): TableText {
  const rows = objects.map((object) => rowCells(object, options))
  if (rows.length === 0) return {text: '', widths: [...remembered]}
  const writer = new TabWriter(TABLE_WRITER_OPTIONS).setRememberedWidths(remembered)
  if (!options.noHeaders) writer.write(`${headerCells(options).join('\t')}\n`)
  for (const row of rows) writer.write(`${row.join('\t')}\n`)
  return {text: writer.flush(), widths: writer.rememberedWidths()}
}

/**
 * Rows without a header, for `get -w`: like kubectl, each row is flushed on its own, padded to the widths
 * remembered from the table (and rows) printed before it; a wider cell widens its column from that row on,
 * and earlier rows are not re-padded. When the initial list was empty no header was printed yet: print the
 * first change with renderTable instead, as kubectl prints the header with its first row.
 */
export function printTableRows(
  objects: readonly KubeObject[],
  options: TableOptions,
  remembered: readonly number[],
): TableText {
  const writer = new TabWriter(TABLE_WRITER_OPTIONS).setRememberedWidths(remembered)
  let text = ''
  for (const object of objects) {
    writer.write(`${rowCells(object, options).join('\t')}\n`)
    text += writer.flush()
  }
  return {text, widths: writer.rememberedWidths()}
}

/** NAMESPACE, the kind's visible columns, `-L` columns (last path segment, uppercased), LABELS. */
function headerCells(options: TableOptions): string[] {
  const names = visibleColumns(options).map(([, column]) => column.name)
  const labelHeaders = (options.labelColumns ?? []).map((key) => (key.split('/').pop() ?? key).toUpperCase())
  return [
    ...(withNamespace(options) ? ['NAMESPACE'] : []),
    ...names,
    ...labelHeaders,
    ...(options.showLabels ? ['LABELS'] : []),
  ]
}

function rowCells(object: KubeObject, options: TableOptions): string[] {
  const cells = columnsForKind(options.kind).cells(object, options.now)
  const labels = object.metadata.labels ?? {}
  const visible = visibleColumns(options).map(([index, column]) => {
    const cell = cells[index] ?? ''
    return column.isName && options.withKind ? `${kindPrefix(options.kind)}/${cell}` : cell
  })
  const labelCells = (options.labelColumns ?? []).map((key) => labels[key] ?? '')
  const row = [
    ...(withNamespace(options) ? [object.metadata.namespace ?? ''] : []),
    ...visible,
    ...labelCells,
    ...(options.showLabels ? [formatLabels(labels)] : []),
  ]
  return row.map(singleLine)
}

function visibleColumns(options: TableOptions) {
  return [...columnsForKind(options.kind).columns.entries()].filter(
    ([, column]) => column.priority === 0 || options.wide,
  )
}

function withNamespace(options: TableOptions): boolean {
  return Boolean(options.allNamespaces) && typeForKind(options.kind)?.namespaced !== false
}

/** `pod`, `deployment.apps`: the lowercased group kind kubectl puts before names. */
function kindPrefix(kind: string): string {
  const group = typeForKind(kind)?.group
  return group ? `${kind.toLowerCase()}.${group}` : kind.toLowerCase()
}

/** kubectl cuts a cell at its first line break (a form feed would end the tabwriter's line) and adds `...`. */
function singleLine(cell: string): string {
  const cut = cell.search(/[\f\n\r]/)
  return cut < 0 ? cell : `${cell.slice(0, cut)}...`
}
