import {describe, expect, it} from 'vitest'
import {parseEnvVars, parseLabelSpec, parsePortArg} from '../../../../src/core/generators/generator-params.js'

describe('parseLabelSpec', () => {
  it.each([
    ['app=web', {app: 'web'}],
    ['app=web,tier=front', {app: 'web', tier: 'front'}],
    ['a=b,a=c', {a: 'c'}],
    ['a=', {a: ''}],
    ['a=b c', {a: 'b c'}],
  ])('parses %s', (spec, labels) => {
    expect({...parseLabelSpec(spec)}).toEqual(labels)
  })

  it.each([
    ['', 'no label spec passed'],
    ['a', 'unexpected label spec: a'],
    ['a=b,c', 'unexpected label spec: c'],
    ['a=b=c', 'unexpected label spec: a=b=c'],
    ['=b', 'unexpected empty label key'],
  ])("refuses %j with kubectl's message", (spec, message) => {
    expect(() => parseLabelSpec(spec)).toThrow(message)
  })

  it('keeps __proto__ as a plain key', () => {
    const labels = parseLabelSpec('__proto__=x')
    expect(Object.keys(labels)).toEqual(['__proto__'])
  })
})

describe('parseEnvVars', () => {
  it('splits at the first = and keeps order', () => {
    expect(parseEnvVars(['A=1', 'B=x=y', 'C=', 'my.env-name=v'])).toEqual([
      {name: 'A', value: '1'},
      {name: 'B', value: 'x=y'},
      {name: 'C', value: ''},
      {name: 'my.env-name', value: 'v'},
    ])
  })

  it.each(['A', '=1', '1A=b', 'A B=1', '.=x', '..x=1', 'A;B=1'])('refuses %j as an invalid env', (spec) => {
    expect(() => parseEnvVars([spec])).toThrow(`invalid env: ${spec}`)
  })
})

describe('parsePortArg', () => {
  it.each([
    ['80', 80],
    ['+80', 80],
    ['080', 80],
    ['70000', 70000],
    ['-1', -1],
  ])("reads %s as Go's Atoi does", (text, port) => {
    expect(parsePortArg(text)).toBe(port)
  })

  it.each(['abc', ' 80', '80/TCP', ''])('refuses %j', (text) => {
    expect(() => parsePortArg(text)).toThrow(`strconv.Atoi: parsing ${JSON.stringify(text)}: invalid syntax`)
  })

  it('refuses numbers past the integer range', () => {
    expect(() => parsePortArg('99999999999999999999')).toThrow('value out of range')
  })
})
