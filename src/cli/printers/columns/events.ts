/**
 * `kubectl get events`: LAST SEEN TYPE REASON OBJECT MESSAGE; `-o wide` interleaves
 * LAST SEEN TYPE REASON OBJECT SUBOBJECT SOURCE MESSAGE FIRST SEEN COUNT NAME.
 */
import type {KubeEvent, KubeObject} from '../../../core/api/types.js'
import {formatAge} from '../age.js'
import type {KindColumns} from './types.js'

/** Events' columns and cells (printers.go printEvent). */
export const eventColumns: KindColumns = {
  columns: [
    {name: 'LAST SEEN', priority: 0},
    {name: 'TYPE', priority: 0},
    {name: 'REASON', priority: 0},
    {name: 'OBJECT', priority: 0},
    {name: 'SUBOBJECT', priority: 1},
    {name: 'SOURCE', priority: 1},
    {name: 'MESSAGE', priority: 0},
    {name: 'FIRST SEEN', priority: 1},
    {name: 'COUNT', priority: 1},
    {name: 'NAME', priority: 1, isName: true},
  ],
  cells(object: KubeObject, now: Date): string[] {
    const event = object as KubeEvent
    const firstSeen = formatAge(event.firstTimestamp, now)
    const lastSeen = event.lastTimestamp ? formatAge(event.lastTimestamp, now) : firstSeen
    const involved = event.involvedObject
    const kind = involved.kind.toLowerCase()
    return [
      lastSeen,
      event.type,
      event.reason,
      involved.name ? `${kind}/${involved.name}` : kind,
      involved.fieldPath ?? '',
      eventSource(event),
      event.message.trim(),
      firstSeen,
      // Singleton events of the newer API carry no count; kubectl shows 1.
      String(event.count || 1),
      event.metadata.name ?? '',
    ]
  },
}

/** `kubelet, n1`, or just the component when there is no host (printers.go formatEventSource). */
export function eventSource(event: KubeEvent): string {
  const component = event.source.component || event.reportingComponent || ''
  const host = event.source.host || event.reportingInstance || ''
  return host ? `${component}, ${host}` : component
}
