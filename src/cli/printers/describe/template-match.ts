/**
 * Which of a deployment's replica sets is the new one (kubectl's deploymentutil.FindNewReplicaSet): the oldest
 * whose pod template equals the deployment's once the `pod-template-hash` label is ignored. All the others it
 * controls are old.
 */
import type {Deployment, KubeObject, PodTemplateSpec, ReplicaSet} from '../../../core/api/types.js'

const HASH_LABEL = 'pod-template-hash'

/** The new replica set (or undefined) and the old ones, in name order. */
export function splitReplicaSets(
  deployment: Deployment,
  candidates: readonly KubeObject[],
): {newRS?: ReplicaSet; oldRSs: ReplicaSet[]} {
  const owned = (candidates as readonly ReplicaSet[])
    .filter((rs) =>
      rs.metadata.ownerReferences?.some(
        (reference) => reference.controller && reference.uid === deployment.metadata.uid,
      ),
    )
    .sort((a, b) => compare(a.metadata.name ?? '', b.metadata.name ?? ''))
  const byAge = [...owned].sort(
    (a, b) =>
      compare(a.metadata.creationTimestamp ?? '', b.metadata.creationTimestamp ?? '') ||
      compare(a.metadata.name ?? '', b.metadata.name ?? ''),
  )
  const wanted = canonical(withoutHash(deployment.spec.template))
  const newRS = byAge.find((rs) => canonical(withoutHash(rs.spec.template)) === wanted)
  return {newRS, oldRSs: owned.filter((rs) => rs !== newRS)}
}

function withoutHash(template: PodTemplateSpec): unknown {
  const labels = {...template.metadata?.labels}
  delete labels[HASH_LABEL]
  return {...template, metadata: {...template.metadata, labels}}
}

/**
 * JSON with sorted keys and without empty maps and lists: apimachinery's semantic equality treats an empty
 * map or slice as equal to a missing one.
 */
function canonical(value: unknown): string {
  return JSON.stringify(prune(value)) ?? ''
}

function prune(value: unknown): unknown {
  if (Array.isArray(value)) return value.length === 0 ? undefined : value.map(prune)
  if (value === null || typeof value !== 'object') return value
  const entries = Object.entries(value)
    .map(([key, child]) => [key, prune(child)] as const)
    .filter(([, child]) => child !== undefined)
    .sort(([a], [b]) => compare(a, b))
  return entries.length === 0 ? undefined : Object.fromEntries(entries)
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
