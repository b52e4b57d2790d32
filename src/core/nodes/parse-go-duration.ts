/**
 * Go's time.ParseDuration, which kubectl's duration flags (`drain --timeout=2m30s`) read: a sequence of
 * decimal numbers, each with a unit (ns, us, µs, ms, s, m, h), optionally signed; `0` alone needs no unit.
 */
import {UserError} from '../api/errors.js'

const UNIT_MS: Readonly<Record<string, number>> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  μs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
}

const TERM = /^(\d*)(?:\.(\d*))?([^\d.]*)/

/** Parses `text` into milliseconds, or throws Go's message (`time: missing unit in duration "5"`). */
export function parseGoDuration(text: string): number {
  const quoted = JSON.stringify(text)
  const invalid = (): UserError => new UserError(`time: invalid duration ${quoted}`)
  let rest = text
  const sign = rest.startsWith('-') ? -1 : 1
  if (rest.startsWith('-') || rest.startsWith('+')) rest = rest.slice(1)
  if (rest === '0') return 0
  if (rest === '') throw invalid()
  let total = 0
  while (rest !== '') {
    const match = TERM.exec(rest)
    const [whole = '', fraction, unit = ''] = match ? [match[1], match[2], match[3]] : []
    if (!match || (whole === '' && !fraction)) throw invalid()
    if (unit === '') throw new UserError(`time: missing unit in duration ${quoted}`)
    const scale = UNIT_MS[unit]
    if (scale === undefined)
      throw new UserError(`time: unknown unit ${JSON.stringify(unit)} in duration ${quoted}`)
    total += Number(`${whole || '0'}.${fraction ?? ''}`) * scale
    rest = rest.slice(match[0].length)
  }
  return sign * total
}

/** Reads a duration flag as pflag does: `invalid argument "5" for "--timeout" flag: time: ...`. */
export function parseDurationFlag(flag: string, text: string): number {
  try {
    return parseGoDuration(text)
  } catch (error) {
    if (!(error instanceof UserError)) throw error
    throw new UserError(`invalid argument ${JSON.stringify(text)} for "--${flag}" flag: ${error.message}`)
  }
}
