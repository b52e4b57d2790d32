/**
 * Just enough of apimachinery's resource.Quantity for describe: parse `500m`, `1.5`, `128Mi`, `1e3`, add, and
 * print in canonical form the way Quantity.String() does (`0.1` prints `100m`, `2048Ki` prints `2Mi`).
 * Values are kept exactly as nano-units in a bigint, the finest scale a Quantity keeps.
 */

/** How a quantity prints: the family of its suffix. */
export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent'

/** An exact quantity. */
export interface Quantity {
  nanos: bigint
  format: QuantityFormat
}

const NANOS_PER_UNIT = 1_000_000_000n
const BINARY: Readonly<Record<string, number>> = {Ki: 1, Mi: 2, Gi: 3, Ti: 4, Pi: 5, Ei: 6}
const DECIMAL: Readonly<Record<string, number>> = {
  n: -9,
  u: -6,
  m: -3,
  '': 0,
  k: 3,
  M: 6,
  G: 9,
  T: 12,
  P: 15,
  E: 18,
}
const DECIMAL_SUFFIX = new Map(Object.entries(DECIMAL).map(([suffix, exponent]) => [exponent, suffix]))

/** A zero quantity, as Go's Quantity{}: it prints `0`. */
export const ZERO: Quantity = {nanos: 0n, format: 'DecimalSI'}

/** Parses a quantity as written in a manifest; undefined when it is not one. */
export function parseQuantity(value: string | number | undefined): Quantity | undefined {
  if (value === undefined) return undefined
  const match = /^([+-]?)(\d*)(?:\.(\d*))?(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?\d+)?$/.exec(
    String(value).trim(),
  )
  if (!match || (match[2] === '' && !match[3])) return undefined
  const [, sign = '', whole = '', fraction = '', suffix = ''] = match
  let numerator = BigInt(`${whole}${fraction}` || '0') * NANOS_PER_UNIT
  let denominator = 10n ** BigInt(fraction.length)
  let format: QuantityFormat = 'DecimalSI'
  const binary = BINARY[suffix]
  if (binary !== undefined) {
    numerator *= 1024n ** BigInt(binary)
    format = 'BinarySI'
  } else {
    const exponent = /^[eE]/.test(suffix) ? Number(suffix.slice(1)) : (DECIMAL[suffix] ?? 0)
    if (/^[eE]/.test(suffix)) format = 'DecimalExponent'
    if (exponent >= 0) numerator *= 10n ** BigInt(exponent)
    else denominator *= 10n ** BigInt(-exponent)
  }
  // Finer than a nano-unit rounds up, as Quantity does.
  const nanos = (numerator + denominator - 1n) / denominator
  return {nanos: sign === '-' ? -nanos : nanos, format}
}

/** a + b, keeping a's format unless a is zero (Quantity.Add). */
export function addQuantities(a: Quantity, b: Quantity): Quantity {
  return {nanos: a.nanos + b.nanos, format: a.nanos === 0n ? b.format : a.format}
}

/** The larger of two quantities (init containers count by their maximum). */
export function maxQuantity(a: Quantity, b: Quantity): Quantity {
  return b.nanos > a.nanos ? b : a
}

/** Value() rounded up to whole units, e.g. bytes of memory. */
export function wholeUnits(quantity: Quantity): bigint {
  return ceilDivide(quantity.nanos, NANOS_PER_UNIT)
}

/** MilliValue() rounded up, e.g. millicores of CPU. */
export function milliUnits(quantity: Quantity): bigint {
  return ceilDivide(quantity.nanos, 1_000_000n)
}

function ceilDivide(value: bigint, by: bigint): bigint {
  const quotient = value / by
  return value % by > 0n ? quotient + 1n : quotient
}

/** Canonical text: `0`, `100m`, `1500m`, `2k`, `128Mi`, `1e3`. */
export function formatQuantity(quantity: Quantity): string {
  if (quantity.nanos === 0n) return '0'
  const small = quantity.nanos > -1024n * NANOS_PER_UNIT && quantity.nanos < 1024n * NANOS_PER_UNIT
  if (quantity.format === 'BinarySI' && !small && quantity.nanos % NANOS_PER_UNIT === 0n)
    return formatBinary(quantity.nanos / NANOS_PER_UNIT)
  // A BinarySI value below 1Ki or with a fraction prints as DecimalSI rather than lose precision.
  return formatDecimal(quantity.nanos, quantity.format === 'DecimalExponent')
}

/** Largest power of 1024 that divides the value: 2097152 prints `2Mi`. */
function formatBinary(units: bigint): string {
  let amount = units
  let exponent = 0
  while (exponent < 6 && amount !== 0n && amount % 1024n === 0n) {
    amount /= 1024n
    exponent++
  }
  const suffix = Object.entries(BINARY).find(([, power]) => power === exponent)?.[0] ?? ''
  return `${amount}${suffix}`
}

/** Mantissa without trailing zeros, exponent lowered to a multiple of 3 (AsCanonicalBytes). */
function formatDecimal(nanos: bigint, exponentForm: boolean): string {
  let amount = nanos
  let exponent = -9
  while (amount % 10n === 0n) {
    amount /= 10n
    exponent++
  }
  const excess = ((exponent % 3) + 3) % 3
  amount *= 10n ** BigInt(excess)
  exponent -= excess
  if (exponentForm) return exponent === 0 ? `${amount}` : `${amount}e${exponent}`
  const suffix = DECIMAL_SUFFIX.get(exponent)
  return suffix === undefined ? `${amount}e${exponent}` : `${amount}${suffix}`
}
