/**
 * String literals of a template (`{"\n"}`, `[?(@.name=='web')]`): client-go's UnquoteExtend, which is Go's
 * strconv.Unquote that also accepts single quotes.
 */

const SIMPLE_ESCAPES: Record<string, number> = {
  a: 0x07,
  b: 0x08,
  f: 0x0c,
  n: 0x0a,
  r: 0x0d,
  t: 0x09,
  v: 0x0b,
  '\\': 0x5c,
}
const HEX_DIGITS: Record<string, number> = {x: 2, u: 4, U: 8}

/** Go's strconv.ErrSyntax, the only error unquoting reports. */
class InvalidSyntax extends Error {
  constructor() {
    super('invalid syntax')
  }
}

/** Unquotes `"..."` or `'...'` with Go's escapes (`\n`, `\t`, `\x41`, `\u00e9`, `\101`); throws `invalid syntax`. */
export function unquoteExtend(quoted: string): string {
  const quote = quoted[0]
  if (quoted.length < 2 || quote !== quoted[quoted.length - 1] || (quote !== '"' && quote !== "'")) {
    throw new InvalidSyntax()
  }
  const body = quoted.slice(1, -1)
  if (!body.includes('\\') && !body.includes(quote)) return body
  // Go builds bytes: `\xff` is a raw byte, so decode UTF-8 once at the end, as Go's string would print.
  const bytes: number[] = []
  let rest = body
  while (rest.length > 0) rest = unquoteChar(rest, quote, bytes)
  return Buffer.from(bytes).toString('utf8')
}

/** Appends the bytes of the first (possibly escaped) character of `text` and returns the rest. */
function unquoteChar(text: string, quote: string, bytes: number[]): string {
  const first = text.codePointAt(0)!
  const char = String.fromCodePoint(first)
  if (char === quote) throw new InvalidSyntax()
  if (char !== '\\') {
    bytes.push(...Buffer.from(char, 'utf8'))
    return text.slice(char.length)
  }
  const escape = text[1]
  if (escape === undefined) throw new InvalidSyntax()
  const rest = text.slice(2)
  const simple = SIMPLE_ESCAPES[escape]
  if (simple !== undefined) {
    bytes.push(simple)
    return rest
  }
  const hexLength = HEX_DIGITS[escape]
  if (hexLength !== undefined) return unquoteHex(rest, hexLength, escape === 'x', bytes)
  if (escape >= '0' && escape <= '7') return unquoteOctal(escape + rest.slice(0, 2), rest.slice(2), bytes)
  if ((escape === "'" || escape === '"') && escape === quote) {
    bytes.push(escape.charCodeAt(0))
    return rest
  }
  throw new InvalidSyntax()
}

function unquoteHex(text: string, length: number, singleByte: boolean, bytes: number[]): string {
  const digits = text.slice(0, length)
  if (!new RegExp(`^[0-9a-fA-F]{${length}}$`).test(digits)) throw new InvalidSyntax()
  const value = Number.parseInt(digits, 16)
  if (singleByte) {
    bytes.push(value)
  } else {
    // utf8.ValidRune: no surrogates, nothing past U+10FFFF.
    if (value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff)) throw new InvalidSyntax()
    bytes.push(...Buffer.from(String.fromCodePoint(value), 'utf8'))
  }
  return text.slice(length)
}

function unquoteOctal(digits: string, rest: string, bytes: number[]): string {
  if (!/^[0-7]{3}$/.test(digits)) throw new InvalidSyntax()
  const value = Number.parseInt(digits, 8)
  if (value > 255) throw new InvalidSyntax()
  bytes.push(value)
  return rest
}
