/** Timestamps as kubectl describe prints them: Go's time.RFC1123Z in the local time zone of the machine. */

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** What Go prints for a zero time.Time, i.e. a timestamp that was never set. */
const ZERO_TIME = 'Mon, 01 Jan 0001 00:00:00 +0000'

const two = (value: number): string => String(value).padStart(2, '0')

/** `Tue, 14 May 2024 13:54:50 +0200`: kubectl parses API times into local time before printing them. */
export function formatRFC1123Z(iso: string | null | undefined): string {
  const millis = iso ? Date.parse(iso) : Number.NaN
  if (Number.isNaN(millis)) return ZERO_TIME
  const date = new Date(millis)
  const offset = -date.getTimezoneOffset()
  const sign = offset < 0 ? '-' : '+'
  const zone = `${sign}${two(Math.trunc(Math.abs(offset) / 60))}${two(Math.abs(offset) % 60)}`
  const day = DAYS[date.getDay()] ?? ''
  const month = MONTHS[date.getMonth()] ?? ''
  const clock = `${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`
  return `${day}, ${two(date.getDate())} ${month} ${date.getFullYear()} ${clock} ${zone}`
}
