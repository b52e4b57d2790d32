import {describe, expect, it} from 'vitest'

import {UserError} from '../../../../src/core/api/errors.js'
import {formatFieldError} from '../../../../src/core/api/field.js'
import type {Selector} from '../../../../src/core/api/selectors.js'
import {
  formatSelector,
  isEverything,
  matchesSelector,
  parseSelector,
  selectorFromLabelSelector,
  selectorFromMap,
  validateLabelSelector,
} from '../../../../src/core/api/selectors.js'
import type {LabelSelector, LabelSelectorRequirement} from '../../../../src/core/api/types.js'

const NAME_PART =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"
const LABEL_VALUE =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"
const OPERATORS = 'in, notin, =, ==, !=, gt, lt'

const parseError = (text: string): unknown => {
  try {
    parseSelector(text)
  } catch (error) {
    return error
  }
  throw new Error(`expected ${JSON.stringify(text)} not to parse`)
}

describe('parseSelector', () => {
  it.each([
    ['', ''],
    ['   ', ''],
    ['app=web', 'app=web'],
    ['app==web', 'app=web'],
    ['tier!=db', 'tier!=db'],
    ['env in (b,a)', 'env in (a,b)'],
    ['env notin (a)', 'env notin (a)'],
    ['!legacy', '!legacy'],
    ['tier', 'tier'],
    [' app = web ,\ttier ', 'app=web,tier'],
    ['tier,env in (b,a),!legacy,app=web', 'app=web,env in (a,b),!legacy,tier'],
    ['example.com/app=web', 'example.com/app=web'],
    ['x=', 'x='],
    ['x in ()', 'x in ()'],
    ['x in (a,,b)', 'x in (,a,b)'],
    ['x in (a,a,b)', 'x in (a,b)'],
    ['in=in', 'in=in'],
    ['x notin (notin)', 'x notin (notin)'],
    ['replicas>2', 'replicas>2'],
    ['replicas<10', 'replicas<10'],
  ])('parses %j and prints it as %j', (text, printed) => {
    expect(formatSelector(parseSelector(text))).toBe(printed)
  })

  it('treats empty text as the selector of everything', () => {
    expect(isEverything(parseSelector(''))).toBe(true)
    expect(isEverything(parseSelector('app'))).toBe(false)
  })

  // Expected texts are what kubectl 1.32 prints for `kubectl create -f pod.yaml -l <text> --dry-run=client`.
  it.each([
    ['a b', `unable to parse requirement: found 'b', expected: ${OPERATORS}`],
    ['x!', `unable to parse requirement: found '!', expected: ${OPERATORS}`],
    ['x in a', "unable to parse requirement: found 'a' expected: '('"],
    ['x in (a', "unable to parse requirement: found '', expected: ',' or ')'"],
    ['x in (a b)', "unable to parse requirement: found 'b', expected: ',' or ')'"],
    ['x=(a)', "unable to parse requirement: found '(', expected: identifier"],
    ['!', "unable to parse requirement: found '', expected: identifier"],
    ['!x=y', "found '=', expected: ',' or 'end of string'"],
    ['x=a b', "found 'b', expected: ',' or 'end of string'"],
    ['x==y==z', "found '==', expected: ',' or 'end of string'"],
    ['x,', "found '', expected: identifier after ','"],
    ['x=a,=b', "found '=', expected: identifier after ','"],
    [',', "found ',', expected: !, identifier, or 'end of string'"],
    ['(x)', "found '(', expected: !, identifier, or 'end of string'"],
    ['-ltier=x', `unable to parse requirement: <nil>: Invalid value: "-ltier": ${NAME_PART}`],
    ['/b', 'unable to parse requirement: <nil>: Invalid value: "/b": prefix part must be non-empty'],
    [
      'a/',
      `unable to parse requirement: <nil>: Invalid value: "a/": name part must be non-empty; ${NAME_PART}`,
    ],
    ['app=we$b', `unable to parse requirement: values[0][app]: Invalid value: "we$b": ${LABEL_VALUE}`],
    [
      'x in (b$,a$)',
      `unable to parse requirement: [values[0][x]: Invalid value: "a$": ${LABEL_VALUE}, values[1][x]: Invalid value: "b$": ${LABEL_VALUE}]`,
    ],
    ['replicas<-1', `unable to parse requirement: values[0][replicas]: Invalid value: "-1": ${LABEL_VALUE}`],
    [
      'a>b',
      "unable to parse requirement: values[0]: Invalid value: \"b\": for 'Gt', 'Lt' operators, the value must be an integer",
    ],
  ])('rejects %j as kubectl does', (text, reason) => {
    const error = parseError(text)
    expect(error).toBeInstanceOf(UserError)
    expect((error as UserError).message).toBe(
      `the provided selector ${JSON.stringify(text)} is not valid: ${reason}`,
    )
  })

  it('quotes the trimmed selector and names the fix in a hint', () => {
    const error = parseError('  a b ') as UserError
    expect(error.message).toMatch(/^the provided selector "a b" is not valid: /)
    expect(error.hint).toContain('app=web')
  })
})

describe('matchesSelector', () => {
  const web = {app: 'web', tier: 'frontend', replicas: '3'}

  it.each([
    ['', web, true],
    ['', undefined, true],
    ['app=web', web, true],
    ['app=api', web, false],
    ['app=web', undefined, false],
    ['app!=api', web, true],
    ['app!=web', web, false],
    ['env!=prod', web, true],
    ['env in (dev,prod)', web, false],
    ['tier in (frontend,backend)', web, true],
    ['tier notin (frontend)', web, false],
    ['env notin (prod)', web, true],
    ['tier', web, true],
    ['env', web, false],
    ['!env', web, true],
    ['!tier', web, false],
    ['app=web,tier=backend', web, false],
    ['app=web,!legacy,tier in (frontend)', web, true],
    ['x=', {x: ''}, true],
    ['x=', {}, false],
    ['replicas>2', web, true],
    ['replicas<3', web, false],
    ['app>2', web, false],
    ['missing>2', web, false],
  ])('matches %j against %j: %s', (text, labels, expected) => {
    expect(matchesSelector(parseSelector(text), labels)).toBe(expected)
  })

  it('does not treat inherited object properties as labels', () => {
    expect(matchesSelector(parseSelector('toString'), {})).toBe(false)
    expect(matchesSelector(parseSelector('!constructor'), {})).toBe(true)
  })
})

describe('selectors from objects', () => {
  it('combines matchLabels and matchExpressions, sorted by key', () => {
    const selector = selectorFromLabelSelector({
      matchLabels: {tier: 'frontend', app: 'web'},
      matchExpressions: [
        {key: 'env', operator: 'In', values: ['prod', 'dev']},
        {key: 'legacy', operator: 'DoesNotExist'},
        {key: 'canary', operator: 'Exists'},
        {key: 'zone', operator: 'NotIn', values: ['b']},
      ],
    })
    expect(formatSelector(selector)).toBe(
      'app=web,canary,env in (dev,prod),!legacy,tier=frontend,zone notin (b)',
    )
    expect(matchesSelector(selector, {app: 'web', tier: 'frontend', env: 'dev', canary: 'yes'})).toBe(true)
    expect(matchesSelector(selector, {app: 'web', tier: 'frontend', env: 'dev'})).toBe(false)
  })

  it('selects everything with an empty LabelSelector', () => {
    expect(isEverything(selectorFromLabelSelector({}))).toBe(true)
    expect(matchesSelector(selectorFromLabelSelector({}), {any: 'thing'})).toBe(true)
  })

  it('refuses selectors that the API server would have rejected', () => {
    const unknown = {matchExpressions: [{key: 'a', operator: 'Equals'}]} as unknown as LabelSelector
    expect(() => selectorFromLabelSelector(unknown)).toThrow(
      '"Equals" is not a valid label selector operator',
    )
    expect(() =>
      selectorFromLabelSelector({matchExpressions: [{key: 'a', operator: 'In', values: []}]}),
    ).toThrow("values: Invalid value: []string{}: for 'in', 'notin' operators, values set can't be empty")
    expect(() => selectorFromLabelSelector({matchLabels: {'-a': 'b'}})).toThrow(
      `key: Invalid value: "-a": ${NAME_PART}`,
    )
  })

  it('turns an equality map into sorted = requirements', () => {
    const selector = selectorFromMap({tier: 'db', app: 'web'})
    expect(formatSelector(selector)).toBe('app=web,tier=db')
    expect(matchesSelector(selector, {app: 'web', tier: 'db', extra: 'x'})).toBe(true)
    expect(matchesSelector(selector, {app: 'web'})).toBe(false)
  })

  it('prints requirements sorted by key and values sorted, whatever order they were built in', () => {
    const selector: Selector = [
      {key: 'tier', operator: 'Exists', values: []},
      {key: 'env', operator: 'NotIn', values: ['b', 'a']},
      {key: 'app', operator: '=', values: ['web']},
    ]
    expect(formatSelector(selector)).toBe('app=web,env notin (a,b),tier')
    expect(selector[0]!.key).toBe('tier')
  })
})

describe('validateLabelSelector', () => {
  const validate = (selector: LabelSelector): string[] =>
    validateLabelSelector(selector, 'spec.selector').map(formatFieldError)

  it('accepts a well-formed selector', () => {
    expect(
      validate({
        matchLabels: {app: 'web'},
        matchExpressions: [
          {key: 'env', operator: 'In', values: ['prod']},
          {key: 'legacy', operator: 'DoesNotExist'},
        ],
      }),
    ).toEqual([])
  })

  it.each<[LabelSelector, string[]]>([
    [
      {matchExpressions: [{key: 'env', operator: 'In'}]},
      [
        "spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
      ],
    ],
    [
      {matchExpressions: [{key: 'env', operator: 'NotIn', values: []}]},
      [
        "spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
      ],
    ],
    [
      {matchExpressions: [{key: 'env', operator: 'Exists', values: ['a']}]},
      [
        "spec.selector.matchExpressions[0].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
      ],
    ],
    [
      {
        matchExpressions: [
          {key: 'env', operator: 'Equals', values: ['a']} as unknown as LabelSelectorRequirement,
        ],
      },
      ['spec.selector.matchExpressions[0].operator: Invalid value: "Equals": not a valid selector operator'],
    ],
    [
      {
        matchExpressions: [
          {key: 'ok', operator: 'In', values: ['a']},
          {key: '-env', operator: 'In', values: ['a', 'b$']},
        ],
      },
      [
        `spec.selector.matchExpressions[1].key: Invalid value: "-env": ${NAME_PART}`,
        `spec.selector.matchExpressions[1].values[1]: Invalid value: "b$": ${LABEL_VALUE}`,
      ],
    ],
    [{matchLabels: {app: 'we$b'}}, [`spec.selector.matchLabels: Invalid value: "we$b": ${LABEL_VALUE}`]],
  ])('reports %j', (selector, expected) => {
    expect(validate(selector)).toEqual(expected)
  })
})
