/** `tug describe deployment` (describe.go describeDeployment, kubectl 1.32). */
import {formatSelector, selectorFromLabelSelector} from '../../../core/api/selectors.js'
import type {Deployment, KubeEvent, KubeObject, ReplicaSet} from '../../../core/api/types.js'
import {splitDeploymentReplicaSets} from '../../../core/rollout/replica-sets.js'
import {printReasonConditions} from './conditions.js'
import {printEvents} from './events.js'
import {printAnnotations, printLabels} from './metadata.js'
import {printPodTemplate} from './pod-template.js'
import {tabbedString, type DescribeWriter} from './prefix-writer.js'
import {formatRFC1123Z} from './time.js'

/** The describe text of a deployment; `replicaSets` are candidates, only those it controls are listed. */
export function describeDeployment(
  deployment: Deployment,
  events: readonly KubeEvent[],
  replicaSets: readonly KubeObject[],
  now: Date,
): string {
  return tabbedString((writer) => {
    const {metadata, spec} = deployment
    writer.write(0, `Name:\t${metadata.name ?? ''}\n`)
    writer.write(0, `Namespace:\t${metadata.namespace ?? ''}\n`)
    writer.write(0, `CreationTimestamp:\t${formatRFC1123Z(metadata.creationTimestamp)}\n`)
    printLabels(writer, 'Labels', metadata.labels)
    printAnnotations(writer, 'Annotations', metadata.annotations)
    // selector.String() as is: unlike a replica set's, an empty selector prints nothing.
    writer.write(0, `Selector:\t${formatSelector(selectorFromLabelSelector(spec.selector ?? {}))}\n`)
    printReplicaCounts(writer, deployment)
    printStrategy(writer, deployment)
    printPodTemplate(writer, spec.template)
    printReasonConditions(writer, deployment.status?.conditions)
    const {newRS, oldRSs} = splitDeploymentReplicaSets(deployment, replicaSets)
    if (newRS || oldRSs.length > 0) {
      writer.write(0, `OldReplicaSets:\t${listReplicaSets(oldRSs)}\n`)
      writer.write(0, `NewReplicaSet:\t${listReplicaSets(newRS ? [newRS] : [])}\n`)
    }
    printEvents(writer, events, now)
  })
}

function printReplicaCounts(writer: DescribeWriter, deployment: Deployment): void {
  const status = deployment.status ?? {}
  const counts = [
    `${deployment.spec.replicas ?? 1} desired`,
    `${status.updatedReplicas ?? 0} updated`,
    `${status.replicas ?? 0} total`,
    `${status.availableReplicas ?? 0} available`,
    `${status.unavailableReplicas ?? 0} unavailable`,
  ]
  writer.write(0, `Replicas:\t${counts.join(' | ')}\n`)
}

/** StrategyType, MinReadySeconds and, for rolling updates, `25% max unavailable, 25% max surge` (API defaults). */
function printStrategy(writer: DescribeWriter, deployment: Deployment): void {
  const strategy = deployment.spec.strategy ?? {}
  const type = strategy.type ?? 'RollingUpdate'
  writer.write(0, `StrategyType:\t${type}\n`)
  writer.write(0, `MinReadySeconds:\t${deployment.spec.minReadySeconds ?? 0}\n`)
  if (type !== 'RollingUpdate') return
  const {maxUnavailable = '25%', maxSurge = '25%'} = strategy.rollingUpdate ?? {}
  writer.write(0, `RollingUpdateStrategy:\t${maxUnavailable} max unavailable, ${maxSurge} max surge\n`)
}

/** `web-7d4b9c (3/3 replicas created)`, comma-joined, or `<none>`. */
function listReplicaSets(replicaSets: readonly ReplicaSet[]): string {
  const names = replicaSets.map(
    (rs) =>
      `${rs.metadata.name ?? ''} (${rs.status?.replicas ?? 0}/${rs.spec.replicas ?? 1} replicas created)`,
  )
  return names.join(', ') || '<none>'
}
