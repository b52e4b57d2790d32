/**
 * The two text functions of kubectl explain's templates (kubectl pkg/explain/v2/funcs.go): `wrap`, which is
 * github.com/mitchellh/go-wordwrap's WrapString, and `indent`. Ported rule for rule, quirks included, because
 * explain's output is compared byte for byte with kubectl's.
 */

const NBSP = '\u00a0'
// Go's unicode.IsSpace; unlike JavaScript's \s it includes U+0085 and excludes U+FEFF.
const SPACE = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/

/**
 * Wraps at white space so lines stay within `limit` characters where words allow. Existing newlines are kept
 * and restart the count; a word longer than the limit stays whole on its own line; spaces where a line breaks
 * are dropped. Lengths count code points, as go-wordwrap counts runes.
 */
export function wrapString(text: string, limit: number): string {
  let out = ''
  let current = 0
  let word = ''
  let wordLength = 0
  let space = ''
  let spaceLength = 0
  for (const char of text) {
    if (char === '\n') {
      if (wordLength === 0) {
        // Trailing spaces survive only if they fit on the line.
        if (current + spaceLength <= limit) out += space
      } else {
        out += space + word
      }
      word = ''
      wordLength = 0
      space = ''
      spaceLength = 0
      out += char
      current = 0
    } else if (SPACE.test(char) && char !== NBSP) {
      if (spaceLength === 0 || wordLength > 0) {
        current += spaceLength + wordLength
        out += space + word
        space = ''
        spaceLength = 0
        word = ''
        wordLength = 0
      }
      space += char
      spaceLength++
    } else {
      word += char
      wordLength++
      // Break before the word once it no longer fits, unless the word alone is too long for any line.
      if (current + spaceLength + wordLength > limit && wordLength < limit) {
        out += '\n'
        current = 0
        space = ''
        spaceLength = 0
      }
    }
  }
  if (wordLength === 0) {
    if (current + spaceLength <= limit) out += space
  } else {
    out += space + word
  }
  return out
}

/** Prefixes every line, empty ones included, with `amount` spaces (sprig's indent, as kubectl defines it). */
export function indent(amount: number, text: string): string {
  const pad = ' '.repeat(amount)
  return pad + text.replaceAll('\n', `\n${pad}`)
}
