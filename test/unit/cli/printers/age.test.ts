import {describe, expect, it} from 'vitest'
import {formatAge, humanDuration} from '../../../../src/cli/printers/age.js'

const S = 1000
const M = 60 * S
const H = 60 * M
const D = 24 * H
const Y = 365 * D

describe('humanDuration', () => {
  it.each([
    [-3 * S, '<invalid>'],
    [-2 * S, '<invalid>'],
    [-1999, '0s'],
    [-1 * S, '0s'],
    [-500, '0s'],
    [0, '0s'],
    [999, '0s'],
    [12 * S, '12s'],
    [119 * S + 999, '119s'],
    [2 * M, '2m'],
    [3 * M + 2 * S, '3m2s'],
    [9 * M + 59 * S, '9m59s'],
    [10 * M, '10m'],
    [10 * M + 30 * S, '10m'],
    [3 * H - S, '179m'],
    [3 * H, '3h'],
    [3 * H + 20 * M, '3h20m'],
    [7 * H + 59 * M + 59 * S, '7h59m'],
    [8 * H, '8h'],
    [47 * H + 59 * M, '47h'],
    [2 * D, '2d'],
    [2 * D + 5 * H, '2d5h'],
    [8 * D - S, '7d23h'],
    [8 * D, '8d'],
    [2 * Y - S, '729d'],
    [2 * Y, '2y'],
    [2 * Y + 10 * D, '2y10d'],
    [8 * Y - D, '7y364d'],
    [8 * Y, '8y'],
    [20 * Y + 100 * D, '20y'],
  ])('renders %d ms as %s', (milliseconds, expected) => {
    expect(humanDuration(milliseconds)).toBe(expected)
  })
})

describe('formatAge', () => {
  const now = new Date('2024-05-14T12:00:00Z')

  it.each([
    ['2024-05-14T11:59:48Z', '12s'],
    ['2024-05-14T11:57:00Z', '3m'],
    ['2024-05-12T07:00:00Z', '2d5h'],
    ['2024-05-14T12:00:01Z', '0s'],
    ['2024-05-14T12:00:05Z', '<invalid>'],
  ])('ages %s as %s', (from, expected) => {
    expect(formatAge(from, now)).toBe(expected)
  })

  it.each([[undefined], [''], ['not a time']])('prints <unknown> for a missing timestamp (%s)', (from) => {
    expect(formatAge(from, now)).toBe('<unknown>')
  })
})
