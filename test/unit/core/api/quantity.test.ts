import {describe, expect, it} from 'vitest'
import {
  addQuantities,
  compareQuantities,
  formatQuantity,
  maxQuantity,
  milliValue,
  parseOptionalQuantity,
  parseQuantity,
  QUANTITY_FORMAT_ERROR,
  QUANTITY_SUFFIX_ERROR,
  tryParseQuantity,
  unitValue,
} from '../../../../src/core/api/quantity.js'

describe('parseQuantity', () => {
  it.each([
    ['100m', 100, 1],
    ['0.5', 500, 1],
    [0.5, 500, 1],
    ['1', 1000, 1],
    [2, 2000, 2],
    ['128Mi', 134217728000, 134217728],
    ['1G', 1e12, 1e9],
    ['1e3', 1e6, 1000],
    ['1E3', 1e6, 1000],
    ['1k', 1e6, 1000],
    ['.5', 500, 1],
    ['+2', 2000, 2],
  ])('reads %j as %d milli-units and %d units', (input, milli, units) => {
    const quantity = parseQuantity(input)
    expect(milliValue(quantity)).toBe(milli)
    expect(unitValue(quantity)).toBe(units)
  })

  it.each([
    ['', QUANTITY_FORMAT_ERROR],
    ['abc', QUANTITY_FORMAT_ERROR],
    ['1Q', QUANTITY_FORMAT_ERROR],
    ['1.2.3', QUANTITY_FORMAT_ERROR],
    ['1Kb', QUANTITY_FORMAT_ERROR],
    ['1KM', QUANTITY_SUFFIX_ERROR],
    ['1mi', QUANTITY_SUFFIX_ERROR],
    ['1e1000', QUANTITY_SUFFIX_ERROR],
  ])('refuses %j with the API server message', (input, message) => {
    expect(tryParseQuantity(input)).toEqual({error: message})
    expect(() => parseQuantity(input)).toThrow(message)
  })

  it('rounds amounts finer than a nano-unit up, so a request never becomes zero', () => {
    expect(parseQuantity('0.1n').nanos).toBe(1n)
    expect(parseQuantity('-0.1n').nanos).toBe(-1n)
  })

  it('rounds up to whole and milli units', () => {
    expect(milliValue(parseQuantity('1n'))).toBe(1)
    expect(unitValue(parseQuantity('1500m'))).toBe(2)
    expect(unitValue(parseQuantity('1Ki'))).toBe(1024)
  })
})

describe('parseOptionalQuantity', () => {
  it.each([[undefined], ['abc'], ['1.2.3'], ['10 Mi'], ['.']])('gives undefined for %j', (input) => {
    expect(parseOptionalQuantity(input)).toBeUndefined()
  })

  it.each<[string | number, string]>([
    ['128Mi', '128Mi'],
    [2, '2'],
  ])('parses %j', (input, canonical) => {
    expect(formatQuantity(parseOptionalQuantity(input)!)).toBe(canonical)
  })
})

describe('formatQuantity', () => {
  it.each([
    ['100m', '100m'],
    ['0.5', '500m'],
    ['1.5', '1500m'],
    ['1000m', '1'],
    ['2000', '2k'],
    ['1500', '1500'],
    ['0.1m', '100u'],
    ['128Mi', '128Mi'],
    ['1024Mi', '1Gi'],
    ['1.5Gi', '1536Mi'],
    ['0.5Gi', '512Mi'],
    ['1.5Ki', '1536'],
    ['0.5Ki', '512'],
    ['1G', '1G'],
    ['1e3', '1e3'],
    ['12e2', '1200'],
    ['1.5e3', '1500'],
    ['-1', '-1'],
    ['-500m', '-500m'],
    ['0', '0'],
    ['0Gi', '0'],
    ['0.1', '100m'],
    ['2048Ki', '2Mi'],
    ['1000Ki', '1000Ki'],
    ['512', '512'],
    ['134217728', '134217728'],
    ['1n', '1n'],
    ['1.0000000001', '1000000001n'],
  ])('prints %j canonically as %j', (input, canonical) => {
    expect(formatQuantity(parseQuantity(input))).toBe(canonical)
  })
})

describe('compareQuantities', () => {
  it.each([
    ['500m', '0.5', 0],
    ['1', '999m', 1],
    ['128Mi', '1G', -1],
    ['1Ki', '1024', 0],
  ])('compares %j with %j as %d', (a, b, order) => {
    expect(compareQuantities(parseQuantity(a), parseQuantity(b))).toBe(order)
  })
})

describe('addQuantities', () => {
  it.each([
    ['128Mi', '64Mi', '192Mi'],
    ['100m', '1', '1100m'],
    ['0', '64Mi', '64Mi'],
  ])("keeps the first addend's notation unless it is zero: %j + %j is %j", (a, b, sum) => {
    expect(formatQuantity(addQuantities(parseQuantity(a), parseQuantity(b)))).toBe(sum)
  })
})

describe('maxQuantity', () => {
  it.each([
    ['500m', '1', '1'],
    ['1Gi', '1G', '1Gi'],
    ['1Ki', '1024', '1Ki'],
  ])('picks the larger of %j and %j, the first when equal', (a, b, larger) => {
    expect(formatQuantity(maxQuantity(parseQuantity(a), parseQuantity(b)))).toBe(larger)
  })
})
