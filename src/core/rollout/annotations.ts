/**
 * The annotations and label a rollout is recorded in (k8s@1.28 pkg/controller/deployment/util/deployment_util.go,
 * kubectl pkg/util/deployment), and how kubectl reads a revision number from them.
 */
import {UserError} from '../api/errors.js'
import type {KubeObject} from '../api/types.js'

/** The revision a Deployment is at, and the revision each of its ReplicaSets holds. */
export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision'
/** The earlier revisions a reused ReplicaSet held, comma-separated. */
export const REVISION_HISTORY_ANNOTATION = 'deployment.kubernetes.io/revision-history'
/** The Deployment's replicas when the ReplicaSet was last scaled. */
export const DESIRED_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/desired-replicas'
/** replicas + maxSurge when the ReplicaSet was last scaled. */
export const MAX_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/max-replicas'
/** Why a revision exists: the command that made it, or what the user wrote. */
export const CHANGE_CAUSE_ANNOTATION = 'kubernetes.io/change-cause'
/** The pod template annotation `rollout restart` sets to start a new revision. */
export const RESTARTED_AT_ANNOTATION = 'kubectl.kubernetes.io/restartedAt'

/**
 * deploymentutil.Revision: the revision annotation as a number; a missing annotation is revision 0 and
 * a value that is not an integer is an error, as strconv.ParseInt makes it.
 */
export function revisionOf(object: KubeObject): number {
  const text = object.metadata.annotations?.[REVISION_ANNOTATION]
  if (text === undefined) return 0
  if (!/^[+-]?\d+$/.test(text))
    throw new UserError(`strconv.ParseInt: parsing ${JSON.stringify(text)}: invalid syntax`)
  return Number(text)
}

/** revisionOf, or undefined where kubectl skips the object with a warning. */
export function revisionOrUndefined(object: KubeObject): number | undefined {
  try {
    return revisionOf(object)
  } catch {
    return undefined
  }
}
