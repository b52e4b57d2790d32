/**
 * Resource quantities (`100m`, `0.5`, `128Mi`, `1G`, `1e3`), as apimachinery's resource.Quantity parses,
 * compares and prints them. A quantity is held exactly as a whole number of nano-units (BigInt), which is the
 * precision Kubernetes keeps: finer values are rounded up, so asking for a little never becomes nothing.
 */

/** How a quantity was written, which decides how it prints: `1Gi` stays binary, `1e3` keeps its exponent. */
export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent'

/** A parsed quantity: an exact number of nano-units plus the notation to print it in. */
export interface Quantity {
  /** The value × 10^9, exact. */
  readonly nanos: bigint
  readonly format: QuantityFormat
}

/** The parse failure of a malformed number, in resource.ErrFormatWrong's words. */
export const QUANTITY_FORMAT_ERROR =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"
/** The parse failure of an unknown suffix, in resource.ErrSuffix's words. */
export const QUANTITY_SUFFIX_ERROR = "unable to parse quantity's suffix"

const NANO_SCALE = 9
const MAX_EXPONENT = 100
const DECIMAL_SUFFIXES: Readonly<Record<string, number>> = {
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
const BINARY_SUFFIXES: Readonly<Record<string, number>> = {Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60}
const DECIMAL_SUFFIX_BY_EXPONENT = new Map(
  Object.entries(DECIMAL_SUFFIXES).map(([suffix, exponent]) => [exponent, suffix]),
)
const BINARY_SUFFIX_BY_SHIFT = new Map(
  Object.entries(BINARY_SUFFIXES).map(([suffix, shift]) => [shift, suffix]),
)
// resource.Quantity splits a string into a signed decimal number and a suffix the same way.
const SHAPE = /^([+-]?)([0-9]*)(?:\.([0-9]*))?(.*)$/
const EXPONENT = /^[eE]([+-]?[0-9]+)$/

/** Parses a quantity; a number (YAML `cpu: 0.5`) is read as its decimal text. Returns the error text on failure. */
export function tryParseQuantity(input: string | number): Quantity | {error: string} {
  const text = typeof input === 'number' ? numberText(input) : input.trim()
  const match = SHAPE.exec(text)
  const [, sign = '', whole = '', fraction = '', suffix = ''] = match ?? []
  if (!match || (whole === '' && fraction === '') || !/^[eEinumkKMGTP]*[-+]?[0-9]*$/.test(suffix))
    return {error: QUANTITY_FORMAT_ERROR}
  const parsed = interpretSuffix(suffix)
  if (!parsed) return {error: QUANTITY_SUFFIX_ERROR}
  // digits × 10^(exponent - fraction length) × 2^shift, scaled to nano-units.
  const digits = BigInt(`${whole}${fraction}` || '0')
  let scaled = digits * (1n << BigInt(parsed.shift))
  const power = parsed.exponent - fraction.length + NANO_SCALE
  scaled = power >= 0 ? scaled * 10n ** BigInt(power) : ceilDiv(scaled, 10n ** BigInt(-power))
  const nanos = sign === '-' ? -scaled : scaled
  // A binary quantity below one unit cannot print in binary notation (resource.ParseQuantity).
  const format =
    parsed.format === 'BinarySI' && abs(nanos) < 10n ** BigInt(NANO_SCALE) ? 'DecimalSI' : parsed.format
  return {nanos, format}
}

/** Parses a quantity or throws an Error carrying the API server's message. */
export function parseQuantity(input: string | number): Quantity {
  const result = tryParseQuantity(input)
  if ('error' in result) throw new Error(result.error)
  return result
}

/**
 * Parses a quantity that may be absent, giving undefined rather than an error when it is absent or malformed:
 * printers (describe) show what they can instead of failing on a value the API server would have refused.
 */
export function parseOptionalQuantity(input: string | number | undefined): Quantity | undefined {
  if (input === undefined) return undefined
  const result = tryParseQuantity(input)
  return 'error' in result ? undefined : result
}

/** Zero, as Go's empty Quantity{}: where a sum starts, and it prints `0`. */
export const ZERO_QUANTITY: Quantity = {nanos: 0n, format: 'DecimalSI'}

/** a + b in a's notation unless a is zero (Quantity.Add): `128Mi` + `64Mi` is `192Mi`, `0` + `64Mi` is `64Mi`. */
export function addQuantities(a: Quantity, b: Quantity): Quantity {
  return {nanos: a.nanos + b.nanos, format: a.nanos === 0n ? b.format : a.format}
}

/** The larger of two quantities, the first when equal (a pod counts its init containers by their maximum). */
export function maxQuantity(a: Quantity, b: Quantity): Quantity {
  return compareQuantities(b, a) > 0 ? b : a
}

/** -1, 0 or 1, as Quantity.Cmp. */
export function compareQuantities(a: Quantity, b: Quantity): number {
  return a.nanos < b.nanos ? -1 : a.nanos > b.nanos ? 1 : 0
}

/** Thousandths, rounded up (Quantity.MilliValue): `100m` is 100, `0.5` is 500, `1Gi` is 1073741824000. */
export function milliValue(quantity: Quantity): number {
  return Number(ceilDiv(quantity.nanos, 10n ** 6n))
}

/** Whole units, rounded up (Quantity.Value): bytes for memory, cores for cpu (`100m` is 1). */
export function unitValue(quantity: Quantity): number {
  return Number(ceilDiv(quantity.nanos, 10n ** BigInt(NANO_SCALE)))
}

/**
 * The canonical text Kubernetes prints (Quantity.String): no fractional digits, the largest suffix that loses
 * nothing. `1.5` prints `1500m`, `2000` prints `2k`, `1.5Gi` prints `1536Mi`, `0.5Gi` prints `512Mi`.
 */
export function formatQuantity(quantity: Quantity): string {
  const {nanos, format} = quantity
  if (nanos === 0n) return '0'
  const sign = nanos < 0n ? '-' : ''
  const magnitude = abs(nanos)
  const unit = 10n ** BigInt(NANO_SCALE)
  // Binary notation only for whole numbers of at least 1024; anything else would round, so it prints decimal.
  if (format === 'BinarySI' && magnitude >= 1024n * unit && magnitude % unit === 0n) {
    let value = magnitude / unit
    let shift = 0
    while (value % 1024n === 0n && BINARY_SUFFIX_BY_SHIFT.has(shift + 10)) {
      value /= 1024n
      shift += 10
    }
    return `${sign}${value}${BINARY_SUFFIX_BY_SHIFT.get(shift) ?? ''}`
  }
  // Strip trailing zeros, then step the exponent down to a multiple of 3 (int64Amount.AsCanonicalBytes).
  let mantissa = magnitude
  let exponent = -NANO_SCALE
  while (mantissa % 10n === 0n) {
    mantissa /= 10n
    exponent += 1
  }
  const remainder = ((exponent % 3) + 3) % 3
  mantissa *= 10n ** BigInt(remainder)
  exponent -= remainder
  return `${sign}${mantissa}${suffixFor(exponent, format)}`
}

function suffixFor(exponent: number, format: QuantityFormat): string {
  if (format !== 'DecimalExponent') {
    const suffix = DECIMAL_SUFFIX_BY_EXPONENT.get(exponent)
    if (suffix !== undefined) return suffix
  }
  return exponent === 0 ? '' : `e${exponent}`
}

function interpretSuffix(
  suffix: string,
): {exponent: number; shift: number; format: QuantityFormat} | undefined {
  if (Object.hasOwn(DECIMAL_SUFFIXES, suffix))
    return {exponent: DECIMAL_SUFFIXES[suffix]!, shift: 0, format: 'DecimalSI'}
  if (Object.hasOwn(BINARY_SUFFIXES, suffix))
    return {exponent: 0, shift: BINARY_SUFFIXES[suffix]!, format: 'BinarySI'}
  const exponent = EXPONENT.exec(suffix)
  // Far beyond any real resource; refusing it keeps BigInt arithmetic small.
  if (exponent && Math.abs(Number(exponent[1])) <= MAX_EXPONENT)
    return {exponent: Number(exponent[1]), shift: 0, format: 'DecimalExponent'}
  return undefined
}

/** Division rounding away from zero, as Kubernetes rounds sub-nano amounts up. */
function ceilDiv(value: bigint, divisor: bigint): bigint {
  const quotient = value / divisor
  if (value % divisor === 0n) return quotient
  return value > 0n ? quotient + 1n : quotient - 1n
}

function abs(value: bigint): bigint {
  return value < 0n ? -value : value
}

/** A JSON number's text as Go's decoder hands it to Quantity: `0.5`, `1e+21`. */
function numberText(value: number): string {
  return Number.isFinite(value) ? String(value) : 'NaN'
}
