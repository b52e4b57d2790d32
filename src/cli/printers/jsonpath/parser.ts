/**
 * The template parser, a port of client-go's util/jsonpath/parser.go: plain text around `{...}` actions,
 * and inside an action fields, indexes, slices, unions, filters, recursive descent, literals and the
 * `range`/`end` keywords. Messages are client-go's, since kubectl shows them verbatim.
 */
import {JsonPathSyntaxError} from './failures.js'
import {formatGoUnicode} from './go-format.js'
import type {ListNode, Node} from './nodes.js'
import {newList} from './nodes.js'
import {EOF, Scanner, isAlphaNumeric, isDigit, isTerminator} from './scanner.js'
import {parseSliceParams} from './slice-params.js'
import {unquoteExtend} from './unquote.js'

const DICT_KEY = /^'([^']*)'$/
// client-go's filter pattern; Go's `.` is "anything but a newline".
const COMPARISON = /^([^!<>=]+)([!<>=]+)([^\n]+?)$/
const INT64_MAX = 2n ** 63n - 1n

/** Parses a template into its root list of text and action nodes; throws JsonPathSyntaxError. */
export function parseTemplate(template: string): ListNode {
  return new Parser(template).parse()
}

/** Parses `{text}` and returns its one action: how client-go parses union members and filter operands. */
function parseSubAction(text: string): ListNode {
  const first = parseTemplate(`{${text}}`).nodes[0]
  return first?.type === 'list' ? first : newList()
}

class Parser {
  private readonly scanner: Scanner
  private readonly root = newList()

  constructor(input: string) {
    this.scanner = new Scanner(input)
  }

  parse(): ListNode {
    const s = this.scanner
    for (;;) {
      while (!s.hasPrefix('{')) {
        if (s.next() === EOF) {
          this.flushText()
          return this.root
        }
      }
      this.flushText()
      s.skip(1)
      s.consumeText()
      const action = newList()
      this.root.nodes.push(action)
      this.parseInsideAction(action)
    }
  }

  private flushText(): void {
    if (this.scanner.pos > this.scanner.start)
      this.root.nodes.push({type: 'text', text: this.scanner.consumeText()})
  }

  /** Reads steps into `cur` until the closing `}`. */
  private parseInsideAction(cur: ListNode): void {
    const s = this.scanner
    for (;;) {
      if (s.hasPrefix('}')) {
        s.skip(1)
        s.consumeText()
        return
      }
      if (s.hasPrefix('[?(')) {
        this.parseFilter(cur)
        continue
      }
      if (s.hasPrefix('..')) {
        this.parseRecursive(cur)
        continue
      }
      this.parseStep(cur, s.next())
    }
  }

  private parseStep(cur: ListNode, point: number): void {
    const s = this.scanner
    const char = point === EOF ? '' : String.fromCodePoint(point)
    if (point === EOF || char === '\r' || char === '\n') throw new JsonPathSyntaxError('unclosed action')
    if (char === ' ' || char === '@' || char === '$') {
      // `@` and `$` both name the current object, which every step already starts from.
      s.consumeText()
    } else if (char === '[') {
      this.parseArray(cur)
    } else if (char === '"' || char === "'") {
      this.parseQuote(cur, char)
    } else if (char === '.') {
      this.parseField(cur)
    } else if (char === '+' || char === '-' || isDigit(point)) {
      s.backup()
      this.parseNumber(cur)
    } else if (isAlphaNumeric(point)) {
      s.backup()
      this.parseIdentifier(cur)
    } else {
      throw new JsonPathSyntaxError(`unrecognized character in action: ${formatGoUnicode(point)}`)
    }
  }

  /** `range`, `end`, `true`, `false`; anything else fails when evaluated, as in client-go. */
  private parseIdentifier(cur: ListNode): void {
    const s = this.scanner
    while (!isTerminator(s.next()));
    s.backup()
    const name = s.consumeText()
    cur.nodes.push(
      name === 'true' || name === 'false'
        ? {type: 'bool', value: name === 'true'}
        : {type: 'identifier', name},
    )
  }

  private parseRecursive(cur: ListNode): void {
    if (cur.nodes.at(-1)?.type === 'recursive')
      throw new JsonPathSyntaxError('invalid multiple recursive descent')
    const s = this.scanner
    s.skip(2)
    s.consumeText()
    cur.nodes.push({type: 'recursive'})
    if (isAlphaNumeric(s.peek())) this.parseField(cur)
  }

  private parseNumber(cur: ListNode): void {
    const s = this.scanner
    const sign = String.fromCodePoint(Math.max(s.peek(), 0))
    if (sign === '+' || sign === '-') s.next()
    for (;;) {
      const point = s.next()
      if (point !== 0x2e && !isDigit(point)) break
    }
    s.backup()
    cur.nodes.push(numberNode(s.consumeText()))
  }

  /** `[n]`, `[a:b:c]`, `[*]`, `[a,b]` (a union of sub-actions) and `['key']` (a field path). */
  private parseArray(cur: ListNode): void {
    const s = this.scanner
    for (;;) {
      const point = s.next()
      if (point === EOF || point === 0x0a) throw new JsonPathSyntaxError('unterminated array')
      if (point === 0x5d) break
    }
    let text = s.consumeText().slice(1, -1)
    if (text === '*') text = ':'
    const members = text.split(',')
    if (members.length > 1) {
      cur.nodes.push({
        type: 'union',
        nodes: members.map((member) => parseSubAction(`[${member.replace(/^ +| +$/g, '')}]`)),
      })
      return
    }
    const key = DICT_KEY.exec(text)
    if (key) {
      // Like client-go, `['a.b']` is the path `.a.b`; a dot inside a key is escaped: `['a\.b']`.
      cur.nodes.push(...parseSubAction(`.${key[1] ?? ''}`).nodes)
      return
    }
    cur.nodes.push({type: 'array', params: parseSliceParams(text)})
  }

  /** `[?(@.a == "x")]` or `[?(@.a)]`; the operands are sub-actions, the operator checked when evaluated. */
  private parseFilter(cur: ListNode): void {
    const s = this.scanner
    s.skip(3)
    s.consumeText()
    let begin = false
    let end = false
    let pair = ''
    for (;;) {
      const point = s.next()
      const char = point === EOF ? '' : String.fromCodePoint(point)
      if (point === EOF || char === '\n') throw new JsonPathSyntaxError('unterminated filter')
      if (char === '"' || char === "'") {
        if (!begin) {
          begin = true
          pair = char
        } else if (!s.previousIsBackslash() && char === pair) {
          end = true
        }
      } else if (char === ')' && begin === end) {
        break
      }
    }
    if (s.next() !== 0x5d) throw new JsonPathSyntaxError('unclosed array expect ]')
    const text = s.consumeText().slice(0, -2)
    const comparison = COMPARISON.exec(text)
    if (!comparison) {
      cur.nodes.push({type: 'filter', left: parseSubAction(text), right: newList(), operator: 'exists'})
      return
    }
    const [, left = '', operator = '', right = ''] = comparison
    cur.nodes.push({type: 'filter', left: parseSubAction(left), right: parseSubAction(right), operator})
  }

  private parseQuote(cur: ListNode, quote: string): void {
    const s = this.scanner
    for (;;) {
      const point = s.next()
      if (point === EOF || point === 0x0a) throw new JsonPathSyntaxError('unterminated quoted string')
      if (String.fromCodePoint(point) === quote && !s.previousIsBackslash()) break
    }
    const quoted = s.consumeText()
    let text: string
    try {
      text = unquoteExtend(quoted)
    } catch (error) {
      throw new JsonPathSyntaxError(`unquote string ${quoted} error ${(error as Error).message}`)
    }
    cur.nodes.push({type: 'text', text})
  }

  /** A field name up to the next unescaped terminator; `\.` keeps a dot in the name. */
  private parseField(cur: ListNode): void {
    const s = this.scanner
    s.consumeText()
    while (this.advance());
    const name = s.consumeText()
    cur.nodes.push(name === '*' ? {type: 'wildcard'} : {type: 'field', name: name.replaceAll('\\', '')})
  }

  private advance(): boolean {
    const s = this.scanner
    const point = s.next()
    if (point === 0x5c) {
      s.next()
    } else if (isTerminator(point)) {
      s.backup()
      return false
    }
    return true
  }
}

/** Go's Atoi, then ParseFloat, on the characters parseNumber took. */
function numberNode(text: string): Node {
  if (/^[+-]?[0-9]+$/.test(text)) {
    const big = BigInt(text)
    if (big <= INT64_MAX && big >= -INT64_MAX - 1n) return {type: 'int', value: Number(big)}
  }
  if (/^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)$/.test(text) && Number.isFinite(Number(text))) {
    return {type: 'float', value: Number(text)}
  }
  throw new JsonPathSyntaxError(`cannot parse number ${text}`)
}
