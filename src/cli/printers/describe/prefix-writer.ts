/**
 * kubectl describe's PrefixWriter over its tabwriter (tabbedString): text goes in at an indentation level of
 * two spaces per level, tabs separate the columns that the tabwriter then aligns.
 */
import {DESCRIBE_WRITER_OPTIONS, TabWriter} from '../tabwriter.js'

/** Collects describe text and aligns it at the end. */
export class DescribeWriter {
  private readonly tabs = new TabWriter(DESCRIBE_WRITER_OPTIONS)
  private readonly done: string[] = []

  /** Writes text indented by `level` (0..4), like PrefixWriter.Write. */
  write(level: number, text: string): void {
    this.tabs.write(`${'  '.repeat(level)}${text}`)
  }

  /** Writes text and a newline with no indentation, like PrefixWriter.WriteLine. */
  writeLine(text: string): void {
    this.tabs.write(`${text}\n`)
  }

  /** Aligns what was written so far on its own, as DescribeEvents does before its table. */
  flush(): void {
    this.done.push(this.tabs.flush())
  }

  /** All the aligned text. */
  text(): string {
    this.flush()
    return this.done.join('')
  }
}

/** Runs a describer body and returns its aligned text. */
export function tabbedString(body: (writer: DescribeWriter) => void): string {
  const writer = new DescribeWriter()
  body(writer)
  return writer.text()
}
