/**
 * What `rollout status` says about a Deployment at one moment (kubectl pkg/polymorphichelpers/rollout_status.go,
 * DeploymentStatusViewer.Status): one line, whether the rollout is done, or an error that ends the watch.
 */
import {UserError} from '../api/errors.js'
import type {Condition, Deployment} from '../api/types.js'
import {revisionOf} from './annotations.js'

/** One status line (without its newline) and whether the rollout is complete. */
export interface RolloutStatus {
  message: string
  done: boolean
}

/** The Progressing reason the deployment controller sets when progressDeadlineSeconds passed without progress. */
export const TIMED_OUT_REASON = 'ProgressDeadlineExceeded'

/**
 * The status of the Deployment's latest rollout. With `revision` > 0 the Deployment must be at that revision
 * (kubectl's --revision pins the watch to it). Worked example: 3 replicas, status {replicas 4, updated 1,
 * available 3} says `1 out of 3 new replicas have been updated...`; once updated 3 but replicas still 4,
 * `1 old replicas are pending termination...`; at 3/3/2 available, `2 of 3 updated replicas are available...`.
 */
export function deploymentRolloutStatus(deployment: Deployment, revision = 0): RolloutStatus {
  const name = deployment.metadata.name ?? ''
  if (revision > 0) {
    let running: number
    try {
      running = revisionOf(deployment)
    } catch (error) {
      throw new UserError(`cannot get the revision of deployment "${name}": ${(error as Error).message}`)
    }
    if (revision !== running)
      throw new UserError(
        `desired revision (${revision}) is different from the running revision (${running})`,
      )
  }
  const generation = deployment.metadata.generation ?? 0
  const status = deployment.status ?? {}
  if (generation > (status.observedGeneration ?? 0))
    return {message: 'Waiting for deployment spec update to be observed...', done: false}
  if (progressingCondition(deployment.status?.conditions)?.reason === TIMED_OUT_REASON)
    throw new UserError(`deployment "${name}" exceeded its progress deadline`)
  const wanted = deployment.spec.replicas
  const updated = status.updatedReplicas ?? 0
  const total = status.replicas ?? 0
  const available = status.availableReplicas ?? 0
  const waiting = `Waiting for deployment "${name}" rollout to finish: `
  if (wanted !== undefined && updated < wanted)
    return {message: `${waiting}${updated} out of ${wanted} new replicas have been updated...`, done: false}
  if (total > updated)
    return {message: `${waiting}${total - updated} old replicas are pending termination...`, done: false}
  if (available < updated)
    return {message: `${waiting}${available} of ${updated} updated replicas are available...`, done: false}
  return {message: `deployment "${name}" successfully rolled out`, done: true}
}

function progressingCondition(conditions: readonly Condition[] | undefined): Condition | undefined {
  return conditions?.find((condition) => condition.type === 'Progressing')
}
