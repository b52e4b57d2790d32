/**
 * The label selector parser: apimachinery's labels.Parse, a recursive descent over the lexer's tokens with
 * the same grammar, the same inferred operators and the same error texts.
 *
 *   <selector>    ::= <requirement> | <requirement> "," <selector>
 *   <requirement> ::= [!] KEY [ ("in" | "notin") "(" VALUE ("," VALUE)* ")" | ("=" | "==" | "!=" | ">" | "<") VALUE ]
 */
import {formatFieldError, invalid} from './field.js'
import {isQualifiedName} from './names.js'
import type {Token, TokenKind} from './selector-lexer.js'
import {lex} from './selector-lexer.js'
import type {Operator, Requirement} from './selector-requirement.js'
import {aggregateMessage, compareStrings, requirementErrors} from './selector-requirement.js'

/** The parsed requirements in input order, or labels.Parse's error message. */
export type ParseResult = {requirements: Requirement[]} | {error: string}

/** Internal control flow: unwinds to parseRequirements with one message. */
class ParseFailure extends Error {}

const BINARY_OPERATORS: ReadonlyMap<TokenKind, Operator> = new Map<TokenKind, Operator>([
  ['in', 'In'],
  ['notin', 'NotIn'],
  ['=', '='],
  ['==', '='],
  ['!=', '!='],
  ['>', 'Gt'],
  ['<', 'Lt'],
])
// Spelled as selection.Operator values, which is what kubectl lists.
const BINARY_OPERATOR_NAMES = 'in, notin, =, ==, !=, gt, lt'

/**
 * Where a token is read: after a key, `in`/`notin` are operators; where a value or key is expected they
 * are plain words, so `in=in` and `x in (notin)` parse.
 */
type Context = 'operator' | 'values'

class Parser {
  private position = 0

  constructor(private readonly tokens: readonly Token[]) {}

  parse(): Requirement[] {
    const requirements: Requirement[] = []
    for (;;) {
      const token = this.lookahead('values')
      if (token.kind === 'end') return requirements
      if (token.kind !== 'identifier' && token.kind !== '!') {
        throw new ParseFailure(`found '${token.literal}', expected: !, identifier, or 'end of string'`)
      }
      requirements.push(this.requirement())
      const after = this.consume('values')
      if (after.kind === 'end') return requirements
      if (after.kind !== ',')
        throw new ParseFailure(`found '${after.literal}', expected: ',' or 'end of string'`)
      const next = this.lookahead('values')
      if (next.kind !== 'identifier' && next.kind !== '!') {
        throw new ParseFailure(`found '${next.literal}', expected: identifier after ','`)
      }
    }
  }

  private lookahead(context: Context): Token {
    const token = this.tokens[Math.min(this.position, this.tokens.length - 1)]!
    if (context === 'values' && (token.kind === 'in' || token.kind === 'notin'))
      return {kind: 'identifier', literal: token.literal}
    return token
  }

  private consume(context: Context): Token {
    const token = this.lookahead(context)
    this.position++
    return token
  }

  // Everything that goes wrong inside one requirement is reported as "unable to parse requirement: ...".
  private requirement(): Requirement {
    try {
      return this.parseRequirement()
    } catch (error) {
      if (error instanceof ParseFailure)
        throw new ParseFailure(`unable to parse requirement: ${error.message}`)
      throw error
    }
  }

  private parseRequirement(): Requirement {
    const {key, operator: inferred} = this.parseKeyAndInferOperator()
    if (inferred) return build(key, inferred, [])
    const operator = this.parseOperator()
    const values = operator === 'In' || operator === 'NotIn' ? this.parseValues() : this.parseExactValue()
    // labels.Parse collects values in a set: duplicates collapse and the list comes back sorted.
    return build(key, operator, [...values].sort(compareStrings))
  }

  // A bare key means Exists; `!key` means DoesNotExist. Otherwise an operator must follow.
  private parseKeyAndInferOperator(): {key: string; operator?: 'Exists' | 'DoesNotExist'} {
    let token = this.consume('values')
    const negated = token.kind === '!'
    if (negated) token = this.consume('values')
    if (token.kind !== 'identifier') throw new ParseFailure(`found '${token.literal}', expected: identifier`)
    const problems = isQualifiedName(token.literal)
    // labels.Parse passes a nil field path here, which Go prints as <nil>.
    if (problems.length > 0)
      throw new ParseFailure(formatFieldError(invalid('<nil>', token.literal, problems.join('; '))))
    if (negated) return {key: token.literal, operator: 'DoesNotExist'}
    const next = this.lookahead('values').kind
    return next === 'end' || next === ',' ? {key: token.literal, operator: 'Exists'} : {key: token.literal}
  }

  private parseOperator(): Operator {
    const token = this.consume('operator')
    const operator = BINARY_OPERATORS.get(token.kind)
    if (!operator) throw new ParseFailure(`found '${token.literal}', expected: ${BINARY_OPERATOR_NAMES}`)
    return operator
  }

  // `(a,b)`; `()` and empty slots as in `(a,,b)` stand for the empty value.
  private parseValues(): Set<string> {
    const open = this.consume('values')
    if (open.kind !== '(') throw new ParseFailure(`found '${open.literal}' expected: '('`)
    const first = this.lookahead('values')
    if (first.kind === ')') {
      this.consume('values')
      return new Set([''])
    }
    if (first.kind !== 'identifier' && first.kind !== ',') {
      throw new ParseFailure(`found '${first.literal}', expected: ',', ')' or identifier`)
    }
    const values = this.parseIdentifiersList()
    if (this.consume('values').kind !== ')') throw new ParseFailure(`found '${first.literal}', expected: ')'`)
    return values
  }

  private parseIdentifiersList(): Set<string> {
    const values = new Set<string>()
    for (;;) {
      const token = this.consume('values')
      if (token.kind === 'identifier') {
        values.add(token.literal)
        const next = this.lookahead('values')
        if (next.kind === ')') return values
        if (next.kind !== ',') throw new ParseFailure(`found '${next.literal}', expected: ',' or ')'`)
      } else if (token.kind === ',') {
        if (values.size === 0) values.add('') // leading `(,`
        const next = this.lookahead('values').kind
        if (next === ')') {
          values.add('') // trailing `,)`
          return values
        }
        if (next === ',') {
          this.consume('values')
          values.add('') // `,,`
        }
      } else {
        throw new ParseFailure(`found '${token.literal}', expected: ',', or identifier`)
      }
    }
  }

  // `key=` with nothing after it selects the empty value.
  private parseExactValue(): Set<string> {
    const next = this.lookahead('values').kind
    if (next === 'end' || next === ',') return new Set([''])
    const token = this.consume('values')
    if (token.kind !== 'identifier') throw new ParseFailure(`found '${token.literal}', expected: identifier`)
    return new Set([token.literal])
  }
}

function build(key: string, operator: Operator, values: string[]): Requirement {
  const errors = requirementErrors(key, operator, values)
  if (errors.length > 0) throw new ParseFailure(aggregateMessage(errors))
  return {key, operator, values}
}

/** Parses selector text into requirements (unsorted), or returns labels.Parse's error message. */
export function parseRequirements(text: string): ParseResult {
  try {
    return {requirements: new Parser(lex(text)).parse()}
  } catch (error) {
    if (error instanceof ParseFailure) return {error: error.message}
    throw error
  }
}
