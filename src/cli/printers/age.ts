/**
 * Ages as kubectl prints them (the AGE column, `3 (25s ago)` restarts, describe's event ages): apimachinery's
 * duration.HumanDuration, plus the `<unknown>` kubectl's printers use for a missing timestamp.
 */

const SECOND = 1000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE

/**
 * apimachinery's HumanDuration: short and coarser the older it gets. Go truncates every division toward zero,
 * so 119.9 s is `119s` and 2h59m59s is `179m`.
 */
export function humanDuration(milliseconds: number): string {
  const seconds = Math.trunc(milliseconds / SECOND)
  // Up to a second in the future still reads as "now": clocks of two machines never agree exactly.
  if (seconds < -1) return '<invalid>'
  if (seconds < 0) return '0s'
  if (seconds < 60 * 2) return `${seconds}s`
  const minutes = Math.trunc(milliseconds / MINUTE)
  if (minutes < 10) return withRemainder(minutes, 'm', seconds % 60, 's')
  if (minutes < 60 * 3) return `${minutes}m`
  const hours = Math.trunc(milliseconds / HOUR)
  if (hours < 8) return withRemainder(hours, 'h', minutes % 60, 'm')
  if (hours < 48) return `${hours}h`
  if (hours < 24 * 8) return withRemainder(Math.trunc(hours / 24), 'd', hours % 24, 'h')
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24)}d`
  const years = Math.trunc(hours / 24 / 365)
  if (hours < 24 * 365 * 8) return withRemainder(years, 'y', Math.trunc(hours / 24) % 365, 'd')
  return `${years}y`
}

/** `3m2s`, or `3m` when the smaller unit is zero. */
function withRemainder(major: number, majorUnit: string, minor: number, minorUnit: string): string {
  return minor === 0 ? `${major}${majorUnit}` : `${major}${majorUnit}${minor}${minorUnit}`
}

/** The age of an RFC 3339 timestamp at `now`; `<unknown>` when there is none, as kubectl's translateTimestampSince. */
export function formatAge(fromIso: string | undefined, now: Date): string {
  if (!fromIso) return '<unknown>'
  const from = Date.parse(fromIso)
  if (Number.isNaN(from)) return '<unknown>'
  return humanDuration(now.getTime() - from)
}
