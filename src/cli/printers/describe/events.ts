/**
 * The Events block every describer ends with (describe.go DescribeEvents): `Events:  <none>`, or a
 * Type/Reason/Age/From/Message table oldest first, where a repeated event's age reads `12s (x3 over 2m)`:
 * last seen, count, first seen.
 */
import type {KubeEvent} from '../../../core/api/types.js'
import {formatAge} from '../age.js'
import type {DescribeWriter} from './prefix-writer.js'

/** Writes the events of an object, sorted by when they were last seen. */
export function printEvents(writer: DescribeWriter, events: readonly KubeEvent[], now: Date): void {
  if (events.length === 0) return writer.write(0, 'Events:\t<none>\n')
  writer.flush()
  writer.write(0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n')
  writer.write(1, '----\t------\t----\t----\t-------\n')
  for (const event of sortByLastSeen(events)) {
    const source = event.source.component || event.reportingComponent || ''
    writer.write(
      1,
      `${event.type}\t${event.reason}\t${eventAge(event, now)}\t${source}\t${event.message.trim()}\n`,
    )
  }
}

/** `12s`, or `12s (x3 over 2m)` for an event seen more than once. */
export function eventAge(event: KubeEvent, now: Date): string {
  const firstSeen = formatAge(event.firstTimestamp, now)
  return event.count > 1
    ? `${formatAge(event.lastTimestamp, now)} (x${event.count} over ${firstSeen})`
    : firstSeen
}

/** kubectl's SortableEvents orders by lastTimestamp; a stable sort keeps ties in the order given. */
function sortByLastSeen(events: readonly KubeEvent[]): KubeEvent[] {
  const seen = (event: KubeEvent): number => Date.parse(event.lastTimestamp) || 0
  return [...events].sort((a, b) => seen(a) - seen(b))
}
