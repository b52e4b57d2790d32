/**
 * The annotations a deployment keeps on its replica sets (k8s@1.28 deployment/util/deployment_util.go):
 * which revision each one is, what the deployment wanted when it last sized it (desired-replicas,
 * max-replicas = replicas + maxSurge, the basis of proportional scaling), and the deployment's own
 * annotations, copied to the new replica set so that e.g. `kubernetes.io/change-cause` stays per revision.
 */
import type {Deployment, ReplicaSet} from '../../api/types.js'

/** Which rollout a replica set is (and, on the deployment, the newest one). */
export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision'
/** The revisions a replica set held before it was reused by a rollback: `1,3`. */
export const REVISION_HISTORY_ANNOTATION = 'deployment.kubernetes.io/revision-history'
/** spec.replicas of the deployment when it last sized this replica set. */
export const DESIRED_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/desired-replicas'
/** spec.replicas + maxSurge of the deployment when it last sized this replica set. */
export const MAX_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/max-replicas'

/** Never copied from a deployment to its replica sets (annotationsToSkip). */
const SKIPPED = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  DESIRED_REPLICAS_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  'deprecated.deployment.rollback.to',
])

/** True for the annotations that stay on the deployment alone. */
export function skipsCopy(key: string): boolean {
  return SKIPPED.has(key)
}

/**
 * copyDeploymentAnnotationsToReplicaSet: adds or overwrites, never removes (an annotation taken off the
 * deployment stays on its replica set). Mutates `annotations`, which must belong to a copy.
 */
export function copyDeploymentAnnotations(d: Deployment, annotations: Record<string, string>): boolean {
  let changed = false
  for (const [key, value] of Object.entries(d.metadata.annotations ?? {})) {
    if (skipsCopy(key) || annotations[key] === value) continue
    annotations[key] = value
    changed = true
  }
  return changed
}

/** SetReplicasAnnotations: desired-replicas and max-replicas; mutates `annotations`, says if they changed. */
export function setReplicasAnnotations(
  annotations: Record<string, string>,
  desired: number,
  max: number,
): boolean {
  const before = [annotations[DESIRED_REPLICAS_ANNOTATION], annotations[MAX_REPLICAS_ANNOTATION]]
  annotations[DESIRED_REPLICAS_ANNOTATION] = String(desired)
  annotations[MAX_REPLICAS_ANNOTATION] = String(max)
  return before[0] !== String(desired) || before[1] !== String(max)
}

/** ReplicasAnnotationsNeedUpdate. */
export function replicasAnnotationsNeedUpdate(rs: ReplicaSet, desired: number, max: number): boolean {
  const annotations = rs.metadata.annotations ?? {}
  return (
    annotations[DESIRED_REPLICAS_ANNOTATION] !== String(desired) ||
    annotations[MAX_REPLICAS_ANNOTATION] !== String(max)
  )
}

/** An integer annotation (getIntFromAnnotation, strconv.Atoi); undefined when absent or not a number. */
export function intAnnotation(rs: ReplicaSet, key: string): number | undefined {
  const value = rs.metadata.annotations?.[key]
  return value === undefined ? undefined : parseGoInt(value)
}

/** strconv.ParseInt(text, 10, 64): an optional sign and decimal digits, nothing else. */
export function parseGoInt(text: string): number | undefined {
  return /^[+-]?\d+$/.test(text) ? Number(text) : undefined
}
