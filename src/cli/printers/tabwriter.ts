/**
 * Go's text/tabwriter (elastic tabstops), byte-for-byte as kubectl uses it, so our tables and describe output
 * line up exactly like kubectl's:
 * - `get` tables: minwidth 6, tabwidth 4, padding 3, pad ' ', flag RememberWidths (cli-runtime's fork,
 *   github.com/liggitt/tabwriter), so `get -w` rows keep the widths of the table printed before them;
 * - `describe`: minwidth 0, tabwidth 8, padding 2, pad ' ', no flags (kubectl's tabbedString).
 *
 * The rules that matter: a cell is text terminated by a tab; the text after a line's last tab is not part of
 * any column and is never padded. A column is a run of consecutive lines that all have a cell at that index, so
 * a line with fewer tabs (e.g. `Containers:`) ends the alignment of the lines above it. Every padded cell is
 * padded to max(minwidth, widest cell + padding); an empty trailing cell therefore leaves trailing spaces,
 * exactly as kubectl does.
 */

/** The knobs of Go's tabwriter.Writer.Init. */
export interface TabWriterOptions {
  minWidth: number
  tabWidth: number
  padding: number
  padChar: ' ' | '\t'
  /** cli-runtime's RememberWidths: column widths only grow across flushes. */
  rememberWidths?: boolean
}

/** What kubectl's table printer uses (cli-runtime printers.GetNewTabWriter). */
export const TABLE_WRITER_OPTIONS: TabWriterOptions = {
  minWidth: 6,
  tabWidth: 4,
  padding: 3,
  padChar: ' ',
  rememberWidths: true,
}

/** What kubectl's describers use (describe.go tabbedString). */
export const DESCRIBE_WRITER_OPTIONS: TabWriterOptions = {minWidth: 0, tabWidth: 8, padding: 2, padChar: ' '}

interface Cell {
  text: string
  /** Width in code points, as Go counts runes. */
  width: number
  /** Terminated by a horizontal tab (as opposed to a vertical tab or a line end). */
  htab: boolean
}

/** A tabwriter: write text with tabs and newlines, then flush to get the aligned text. */
export class TabWriter {
  private lines: Cell[][] = [[]]
  private cell = ''
  private widths: number[] = []
  private maxWidths: number[] = []
  private output: string[] = []

  constructor(private readonly options: TabWriterOptions) {}

  /** Buffers text; like Go, a finished line with a single cell (no tab) flushes what came before it. */
  write(text: string): void {
    for (const char of text) {
      if (char !== '\t' && char !== '\v' && char !== '\n' && char !== '\f') {
        this.cell += char
        continue
      }
      const cells = this.terminateCell(char === '\t')
      if (char === '\n' || char === '\f') {
        this.lines.push([])
        // A one-cell line cannot influence the columns below it, so Go formats everything up to here.
        if (char === '\f' || cells === 1) this.format()
      }
    }
  }

  /** Formats everything buffered and returns all text produced since the last flush. */
  flush(): string {
    if (this.cell.length > 0) this.terminateCell(false)
    this.format()
    const text = this.output.join('')
    this.output = []
    return text
  }

  /** The per-column maxima remembered so far (RememberWidths only). */
  rememberedWidths(): number[] {
    return [...this.maxWidths]
  }

  /** Seeds the remembered maxima, e.g. from the table a watch printed first. */
  setRememberedWidths(widths: readonly number[]): this {
    this.maxWidths = [...widths]
    return this
  }

  private terminateCell(htab: boolean): number {
    const line = this.currentLine()
    line.push({text: this.cell, width: [...this.cell].length, htab})
    this.cell = ''
    return line.length
  }

  private currentLine(): Cell[] {
    const line = this.lines[this.lines.length - 1]
    if (!line) throw new Error('internal: tabwriter has no current line')
    return line
  }

  private format(): void {
    this.formatBlock(0, this.lines.length)
    this.lines = [[]]
    this.widths = []
  }

  /**
   * Go's Writer.format: find the runs of lines that have a cell in the next column, fix that column's width
   * for the run, and recurse into the columns to its right.
   */
  private formatBlock(first: number, end: number): void {
    let line0 = first
    const column = this.widths.length
    for (let index = line0; index < end; index++) {
      if (column >= this.lineAt(index).length - 1) continue
      this.writeLines(line0, index)
      line0 = index
      let width = this.options.minWidth
      for (; index < end; index++) {
        const line = this.lineAt(index)
        if (column >= line.length - 1) break
        width = Math.max(width, (line[column]?.width ?? 0) + this.options.padding)
      }
      this.widths.push(this.remember(width))
      this.formatBlock(line0, index)
      this.widths.pop()
      line0 = index
    }
    this.writeLines(line0, end)
  }

  /** RememberWidths: a column never gets narrower than it was in an earlier flush. */
  private remember(width: number): number {
    if (!this.options.rememberWidths) return width
    const column = this.widths.length
    if (this.maxWidths.length < column) this.maxWidths.push(...this.widths.slice(this.maxWidths.length))
    const remembered = this.maxWidths[column]
    if (remembered === undefined) {
      this.maxWidths.push(width)
      return width
    }
    this.maxWidths[column] = Math.max(remembered, width)
    return Math.max(remembered, width)
  }

  private lineAt(index: number): Cell[] {
    return this.lines[index] ?? []
  }

  private writeLines(first: number, end: number): void {
    for (let index = first; index < end; index++) {
      const line = this.lineAt(index)
      for (const [column, cell] of line.entries()) {
        this.output.push(cell.text)
        const width = this.widths[column]
        if (width !== undefined) this.output.push(this.padding(cell.width, width))
      }
      // The last buffered line is the unfinished one: it gets no newline of its own.
      if (index + 1 < this.lines.length) this.output.push('\n')
    }
  }

  private padding(textWidth: number, cellWidth: number): string {
    if (this.options.padChar === ' ') return ' '.repeat(Math.max(0, cellWidth - textWidth))
    if (this.options.tabWidth === 0) return ''
    // Tab padding: round the cell up to a tab stop and fill with as many tabs as that takes.
    const stop = Math.ceil(cellWidth / this.options.tabWidth) * this.options.tabWidth
    return '\t'.repeat(Math.ceil((stop - textWidth) / this.options.tabWidth))
  }
}

/** Aligns a whole text in one go with a fresh writer. */
export function alignText(text: string, options: TabWriterOptions): string {
  const writer = new TabWriter(options)
  writer.write(text)
  return writer.flush()
}
