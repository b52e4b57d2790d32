/** `kubectl get pods`: NAME READY STATUS RESTARTS AGE [IP NODE NOMINATED NODE READINESS GATES]. */
import type {KubeObject, Pod} from '../../../core/api/types.js'
import {formatAge} from '../age.js'
import {summarizePod} from './pod-status.js'
import type {KindColumns} from './types.js'

/** Pods' columns and cells (printers.go printPod). */
export const podColumns: KindColumns = {
  columns: [
    {name: 'NAME', priority: 0, isName: true},
    {name: 'READY', priority: 0},
    {name: 'STATUS', priority: 0},
    {name: 'RESTARTS', priority: 0},
    {name: 'AGE', priority: 0},
    {name: 'IP', priority: 1},
    {name: 'NODE', priority: 1},
    {name: 'NOMINATED NODE', priority: 1},
    {name: 'READINESS GATES', priority: 1},
  ],
  cells(object: KubeObject, now: Date): string[] {
    const pod = object as Pod
    const {ready, status, restarts} = summarizePod(pod, now)
    // The API server fills podIPs from podIP, and prints the first one.
    const ip = pod.status?.podIPs?.[0]?.ip || pod.status?.podIP || '<none>'
    const node = pod.spec.nodeName || '<none>'
    // Tugboat has neither preemption nor readiness gates: kubectl's `<none>` for both.
    return [
      pod.metadata.name ?? '',
      ready,
      status,
      restarts,
      formatAge(pod.metadata.creationTimestamp ?? undefined, now),
      ip,
      node,
      '<none>',
      '<none>',
    ]
  },
}
