import {describe, expect, it} from 'vitest'
import {
  addQuantities,
  formatQuantity,
  milliUnits,
  parseQuantity,
  wholeUnits,
} from '../../../../../src/cli/printers/describe/quantity.js'

const canonical = (value: string | number): string => formatQuantity(parseQuantity(value)!)

describe('quantities', () => {
  it.each<[string | number, string]>([
    ['0', '0'],
    ['100m', '100m'],
    ['0.1', '100m'],
    ['1.5', '1500m'],
    [2, '2'],
    ['2000', '2k'],
    ['1000m', '1'],
    ['128Mi', '128Mi'],
    ['2048Ki', '2Mi'],
    ['1.5Gi', '1536Mi'],
    ['1000Ki', '1000Ki'],
    ['512', '512'],
    ['0.5Ki', '512'],
    ['134217728', '134217728'],
    ['1G', '1G'],
    ['1e3', '1e3'],
    ['1.5e3', '1500'],
    ['-100m', '-100m'],
    ['1n', '1n'],
    ['1.0000000001', '1000000001n'],
  ])('prints %s as %s', (value, expected) => {
    expect(canonical(value)).toBe(expected)
  })

  it.each([['abc'], ['1.2.3'], ['10 Mi'], ['.']])('rejects %s', (value) => {
    expect(parseQuantity(value)).toBeUndefined()
  })

  it('keeps the format of the first addend unless it is zero', () => {
    expect(formatQuantity(addQuantities(parseQuantity('128Mi')!, parseQuantity('64Mi')!))).toBe('192Mi')
    expect(formatQuantity(addQuantities(parseQuantity('100m')!, parseQuantity('1')!))).toBe('1100m')
    expect(formatQuantity(addQuantities(parseQuantity('0')!, parseQuantity('64Mi')!))).toBe('64Mi')
  })

  it('rounds up to whole and milli units', () => {
    expect(milliUnits(parseQuantity('1n')!)).toBe(1n)
    expect(wholeUnits(parseQuantity('1500m')!)).toBe(2n)
    expect(wholeUnits(parseQuantity('1Ki')!)).toBe(1024n)
  })
})
