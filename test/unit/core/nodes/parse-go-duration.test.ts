import {describe, expect, it} from 'vitest'
import {parseDurationFlag, parseGoDuration} from '../../../../src/core/nodes/parse-go-duration.js'

describe('parseGoDuration', () => {
  it.each([
    ['0', 0],
    ['90s', 90_000],
    ['2m30s', 150_000],
    ['1h', 3_600_000],
    ['1.5s', 1500],
    ['100ms', 100],
    ['-1s', -1000],
    ['+5m', 300_000],
    ['1h2m3.5s', 3_723_500],
    ['.5s', 500],
  ])('reads %s as %d ms', (text, ms) => {
    expect(parseGoDuration(text)).toBe(ms)
  })

  it.each([
    ['5', 'time: missing unit in duration "5"'],
    ['5x', 'time: unknown unit "x" in duration "5x"'],
    ['', 'time: invalid duration ""'],
    ['s', 'time: invalid duration "s"'],
    ['1s.', 'time: invalid duration "1s."'],
  ])('refuses %j as Go does', (text, message) => {
    expect(() => parseGoDuration(text)).toThrow(message)
  })

  it('words a bad flag as pflag does', () => {
    expect(() => parseDurationFlag('timeout', '5')).toThrow(
      'invalid argument "5" for "--timeout" flag: time: missing unit in duration "5"',
    )
  })
})
