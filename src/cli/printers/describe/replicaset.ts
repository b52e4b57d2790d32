/** `tug describe rs` and `tug describe rc` (describe.go describeReplicaSet, describeReplicationController). */
import type {
  KubeEvent,
  Pod,
  ReplicaSet,
  ReplicationController,
  StoredObject,
} from '../../../core/api/types.js'
import {labelSelectorCell, mapSelectorCell} from '../columns/template-cells.js'
import {printReasonConditions} from './conditions.js'
import {controllerOf} from './controller.js'
import {printEvents} from './events.js'
import {printAnnotations, printLabels} from './metadata.js'
import {printPodTemplate} from './pod-template.js'
import {tabbedString, type DescribeWriter} from './prefix-writer.js'

/** The describe text of a replica set; `pods` are candidates, only those it controls are counted. */
export function describeReplicaSet(
  rs: ReplicaSet,
  events: readonly KubeEvent[],
  pods: readonly StoredObject[],
  now: Date,
): string {
  return tabbedString((writer) => {
    writer.write(0, `Name:\t${rs.metadata.name ?? ''}\n`)
    writer.write(0, `Namespace:\t${rs.metadata.namespace ?? ''}\n`)
    writer.write(0, `Selector:\t${labelSelectorCell(rs.spec.selector)}\n`)
    printLabels(writer, 'Labels', rs.metadata.labels)
    printAnnotations(writer, 'Annotations', rs.metadata.annotations)
    const controller = controllerOf(rs)
    if (controller) writer.write(0, `Controlled By:\t${controller}\n`)
    printReplicas(writer, rs, pods)
    printPodTemplate(writer, rs.spec.template)
    printReasonConditions(writer, rs.status?.conditions)
    printEvents(writer, events, now)
  })
}

/** The describe text of a replication controller, which has an equality selector and no owner line. */
export function describeReplicationController(
  rc: ReplicationController,
  events: readonly KubeEvent[],
  pods: readonly StoredObject[],
  now: Date,
): string {
  return tabbedString((writer) => {
    writer.write(0, `Name:\t${rc.metadata.name ?? ''}\n`)
    writer.write(0, `Namespace:\t${rc.metadata.namespace ?? ''}\n`)
    writer.write(0, `Selector:\t${mapSelectorCell(rc.spec.selector)}\n`)
    printLabels(writer, 'Labels', rc.metadata.labels)
    printAnnotations(writer, 'Annotations', rc.metadata.annotations)
    printReplicas(writer, rc, pods)
    printPodTemplate(writer, rc.spec.template)
    printReasonConditions(writer, rc.status?.conditions)
    printEvents(writer, events, now)
  })
}

/** `Replicas:  3 current / 3 desired` and `Pods Status:  3 Running / 0 Waiting / 0 Succeeded / 0 Failed`. */
function printReplicas(
  writer: DescribeWriter,
  owner: ReplicaSet | ReplicationController,
  pods: readonly StoredObject[],
): void {
  writer.write(0, `Replicas:\t${owner.status?.replicas ?? 0} current / ${owner.spec.replicas ?? 1} desired\n`)
  const counts = {Running: 0, Pending: 0, Succeeded: 0, Failed: 0}
  for (const pod of pods as readonly Pod[]) {
    // Like getPodStatusForController: orphans and other controllers' pods do not count.
    const owned = pod.metadata.ownerReferences?.some(
      (reference) => reference.controller && reference.uid === owner.metadata.uid,
    )
    const phase = pod.status?.phase
    if (owned && phase && phase in counts) counts[phase as keyof typeof counts]++
  }
  writer.write(
    0,
    `Pods Status:\t${counts.Running} Running / ${counts.Pending} Waiting / ${counts.Succeeded} Succeeded / ${counts.Failed} Failed\n`,
  )
}
