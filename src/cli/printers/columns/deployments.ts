/** `kubectl get deployments`: NAME READY UP-TO-DATE AVAILABLE AGE [CONTAINERS IMAGES SELECTOR]. */
import {formatSelector, selectorFromLabelSelector} from '../../../core/api/selectors.js'
import type {Deployment, KubeObject} from '../../../core/api/types.js'
import {formatAge} from '../age.js'
import {containerCells} from './template-cells.js'
import type {KindColumns} from './types.js'

/** Deployments' columns and cells (printers.go printDeployment). */
export const deploymentColumns: KindColumns = {
  columns: [
    {name: 'NAME', priority: 0, isName: true},
    {name: 'READY', priority: 0},
    {name: 'UP-TO-DATE', priority: 0},
    {name: 'AVAILABLE', priority: 0},
    {name: 'AGE', priority: 0},
    {name: 'CONTAINERS', priority: 1},
    {name: 'IMAGES', priority: 1},
    {name: 'SELECTOR', priority: 1},
  ],
  cells(object: KubeObject, now: Date): string[] {
    const deployment = object as Deployment
    const status = deployment.status ?? {}
    const ready = `${status.readyReplicas ?? 0}/${deployment.spec.replicas ?? 1}`
    // Unlike ReplicaSets, printDeployment prints selector.String() as is: an empty selector is an empty cell.
    const selector = formatSelector(selectorFromLabelSelector(deployment.spec.selector ?? {}))
    return [
      deployment.metadata.name ?? '',
      ready,
      String(status.updatedReplicas ?? 0),
      String(status.availableReplicas ?? 0),
      formatAge(deployment.metadata.creationTimestamp ?? undefined, now),
      ...containerCells(deployment.spec.template),
      selector,
    ]
  },
}
