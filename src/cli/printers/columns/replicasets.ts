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

/**
 * The columns of a replica set or replication controller, which differ only in how the selector prints.
 * DESIRED is spec.replicas (defaulted to 1 by the API server), CURRENT status.replicas, READY readyReplicas.
 */
function replicaColumns<T extends ReplicaSet | ReplicationController>(
  selectorCell: (selector: T['spec']['selector']) => string,
): KindColumns {
  return {
    columns: COLUMNS,
    cells(object: KubeObject, now: Date): string[] {
      const {metadata, spec, status} = object as T
      return [
        metadata.name ?? '',
        String(spec.replicas ?? 1),
        String(status?.replicas ?? 0),
        String(status?.readyReplicas ?? 0),
        formatAge(metadata.creationTimestamp ?? undefined, now),
        ...containerCells(spec.template),
        selectorCell(spec.selector),
      ]
    },
  }
}

/** ReplicaSets: the selector is a LabelSelector (printers.go printReplicaSet). */
export const replicaSetColumns = replicaColumns<ReplicaSet>(labelSelectorCell)

/** ReplicationControllers: the selector is an equality map (printers.go printReplicationController). */
export const replicationControllerColumns = replicaColumns<ReplicationController>(mapSelectorCell)
