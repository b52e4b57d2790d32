/**
 * Go's time.Duration.String, which Kubernetes' messages print durations with: `10s`, `2m40s`, `5m0s`,
 * `1.412s`, `568ms`. Kubernetes' texts are matched exactly, so `back-off 5m0s restarting failed container`
 * reads the same here as in a real cluster.
 */

/** Formats a whole number of milliseconds as Go prints a Duration (sub-millisecond precision is not kept). */
export function formatGoDuration(ms: number): string {
  const total = Math.round(ms)
  if (total === 0) return '0s'
  const sign = total < 0 ? '-' : ''
  const abs = Math.abs(total)
  if (abs < 1000) return `${sign}${abs}ms`
  const hours = Math.floor(abs / 3_600_000)
  const minutes = Math.floor((abs % 3_600_000) / 60_000)
  const seconds = formatSeconds(abs % 60_000)
  if (hours) return `${sign}${hours}h${minutes}m${seconds}`
  if (minutes) return `${sign}${minutes}m${seconds}`
  return `${sign}${seconds}`
}

/** `40s`, `2.5s`, `1.412s`: trailing zeros of the fraction are dropped, as Go does. */
function formatSeconds(ms: number): string {
  const whole = Math.floor(ms / 1000)
  const fraction = String(ms % 1000)
    .padStart(3, '0')
    .replace(/0+$/, '')
  return fraction ? `${whole}.${fraction}s` : `${whole}s`
}
