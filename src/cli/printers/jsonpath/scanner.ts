/** A cursor over template text with client-go's parser primitives: next, peek, backup, consumeText. */

/** What `next` returns past the end of the input. */
export const EOF = -1

/** Walks the input one code point at a time; `start` marks where the pending token began. */
export class Scanner {
  pos = 0
  start = 0
  private width = 0

  constructor(readonly input: string) {}

  /** The next code point, or EOF; advances. */
  next(): number {
    if (this.pos >= this.input.length) {
      this.width = 0
      return EOF
    }
    const point = this.input.codePointAt(this.pos)!
    this.width = point > 0xffff ? 2 : 1
    this.pos += this.width
    return point
  }

  /** The next code point without consuming it. */
  peek(): number {
    const point = this.next()
    this.backup()
    return point
  }

  /** Steps back over the code point `next` just returned (once per call of next). */
  backup(): void {
    this.pos -= this.width
  }

  /** The text since the last call, which becomes the start of the next token. */
  consumeText(): string {
    const text = this.input.slice(this.start, this.pos)
    this.start = this.pos
    return text
  }

  /** Whether the unread input starts with `prefix`. */
  hasPrefix(prefix: string): boolean {
    return this.input.startsWith(prefix, this.pos)
  }

  /** Skips `length` characters known to be present (a delimiter already matched with hasPrefix). */
  skip(length: number): void {
    this.pos += length
  }

  /** Whether the character before the one just read is a backslash, i.e. whether that one is escaped. */
  previousIsBackslash(): boolean {
    return this.input[this.pos - 2] === '\\'
  }
}

/** Whether `point` ends a field name or identifier (client-go's isTerminator). */
export function isTerminator(point: number): boolean {
  return point === EOF || ' \t\r\n.,[]$@{}'.includes(String.fromCodePoint(point))
}

/** A letter, a decimal digit or `_` (Go's unicode.IsLetter / IsDigit). */
export function isAlphaNumeric(point: number): boolean {
  return point !== EOF && /^[_\p{L}\p{Nd}]$/u.test(String.fromCodePoint(point))
}

/** A decimal digit in any script (Go's unicode.IsDigit). */
export function isDigit(point: number): boolean {
  return point !== EOF && /^\p{Nd}$/u.test(String.fromCodePoint(point))
}
