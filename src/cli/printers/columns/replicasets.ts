/** `kubectl get rs` and `kubectl get rc`: NAME DESIRED CURRENT READY AGE [CONTAINERS IMAGES SELECTOR]. */
import type {KubeObject, ReplicaSet, ReplicationController} from '../../../core/api/types.js'
import {formatAge} from '../age.js'
import {containerCells, labelSelectorCell, mapSelectorCell} from './template-cells.js'
import type {ColumnDefinition, KindColumns} from './types.js'

const COLUMNS: readonly ColumnDefinition[] = [
  {name: 'NAME', priority: 0, isName: true},
  {name: 'DESIRED', priority: 0},
  {name: 'CURRENT', priority: 0},
  {name: 'READY', priority: 0},
  {name: 'AGE', priority: 0},
  {name: 'CONTAINERS', priority: 1},
  {name: 'IMAGES', priority: 1},
  {name: 'SELECTOR', priority: 1},
]

/** DESIRED is spec.replicas (defaulted to 1 by the API server), CURRENT status.replicas, READY readyReplicas. */
function counts(object: ReplicaSet | ReplicationController): string[] {
  return [
    String(object.spec.replicas ?? 1),
    String(object.status?.replicas ?? 0),
    String(object.status?.readyReplicas ?? 0),
  ]
}

/** ReplicaSets: the selector is a LabelSelector (printers.go printReplicaSet). */
export const replicaSetColumns: KindColumns = {
  columns: COLUMNS,
  cells(object: KubeObject, now: Date): string[] {
    const rs = object as ReplicaSet
    const age = formatAge(rs.metadata.creationTimestamp ?? undefined, now)
    return [
      rs.metadata.name ?? '',
      ...counts(rs),
      age,
      ...containerCells(rs.spec.template),
      labelSelectorCell(rs.spec.selector),
    ]
  },
}

/** ReplicationControllers: the selector is an equality map (printers.go printReplicationController). */
export const replicationControllerColumns: KindColumns = {
  columns: COLUMNS,
  cells(object: KubeObject, now: Date): string[] {
    const rc = object as ReplicationController
    const age = formatAge(rc.metadata.creationTimestamp ?? undefined, now)
    return [
      rc.metadata.name ?? '',
      ...counts(rc),
      age,
      ...containerCells(rc.spec.template),
      mapSelectorCell(rc.spec.selector),
    ]
  },
}
