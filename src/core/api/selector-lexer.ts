/**
 * The label selector lexer, token for token as apimachinery's labels.Lexer, so that odd inputs split (and
 * fail) exactly where kubectl's do: `x!=y`, `x in (a,,b)`, `!x`, `in=in`.
 */

/** A token kind: the literal it stands for, or a class of token. */
export type TokenKind =
  'identifier' | 'end' | 'error' | '(' | ')' | ',' | '!' | '=' | '==' | '!=' | '>' | '<' | 'in' | 'notin'

/** A token and the text it was read from (empty at the end of the string). */
export interface Token {
  kind: TokenKind
  literal: string
}

const LITERALS: ReadonlyMap<string, TokenKind> = new Map<string, TokenKind>([
  [')', ')'],
  [',', ','],
  ['!', '!'],
  ['==', '=='],
  ['=', '='],
  ['>', '>'],
  ['in', 'in'],
  ['<', '<'],
  ['!=', '!='],
  ['notin', 'notin'],
  ['(', '('],
])

/** Go reads bytes and uses 0 for "no more input"; a NUL in the text therefore ends it, as in Go. */
const END = '\0'
const isWhitespace = (ch: string): boolean => ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n'
const isSpecialSymbol = (ch: string): boolean => '=!(),><'.includes(ch)

/** Splits a selector into tokens, the last always `end`. */
export function lex(text: string): Token[] {
  let pos = 0
  const read = (): string => (pos < text.length ? text[pos++]! : END)
  const unread = (): void => {
    pos--
  }

  // Keywords `in`/`notin` are told apart from identifiers only after the whole word is read.
  const scanIdOrKeyword = (): Token => {
    let buffer = ''
    for (let ch = read(); ch !== END; ch = read()) {
      if (isSpecialSymbol(ch) || isWhitespace(ch)) {
        unread()
        break
      }
      buffer += ch
    }
    return {kind: LITERALS.get(buffer) ?? 'identifier', literal: buffer}
  }

  // Longest match among the operator literals: `!=` wins over `!`, `==` over `=`, but `=(` is `=` then `(`.
  const scanSpecialSymbol = (): Token => {
    let buffer = ''
    let last: Token | undefined
    for (let ch = read(); ch !== END; ch = read()) {
      if (!isSpecialSymbol(ch)) {
        unread()
        break
      }
      buffer += ch
      const kind = LITERALS.get(buffer)
      if (kind) last = {kind, literal: buffer}
      else if (last) {
        unread()
        break
      }
    }
    return last ?? {kind: 'error', literal: `error expected: keyword found '${buffer}'`}
  }

  const next = (): Token => {
    let ch = read()
    while (isWhitespace(ch)) ch = read()
    if (ch === END) return {kind: 'end', literal: ''}
    unread()
    return isSpecialSymbol(ch) ? scanSpecialSymbol() : scanIdOrKeyword()
  }

  const tokens: Token[] = []
  for (;;) {
    const token = next()
    tokens.push(token)
    if (token.kind === 'end') return tokens
  }
}
