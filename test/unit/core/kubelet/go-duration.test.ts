import {describe, expect, it} from 'vitest'
import {formatGoDuration} from '../../../../src/core/kubelet/go-duration.js'

describe('formatGoDuration', () => {
  it.each([
    [0, '0s'],
    [568, '568ms'],
    [1_000, '1s'],
    [1_412, '1.412s'],
    [2_500, '2.5s'],
    [10_000, '10s'],
    [40_000, '40s'],
    [80_000, '1m20s'],
    [160_000, '2m40s'],
    [300_000, '5m0s'],
    [3_661_000, '1h1m1s'],
  ])('prints %i ms as %s, as Go does', (ms, text) => {
    expect(formatGoDuration(ms)).toBe(text)
  })
})
