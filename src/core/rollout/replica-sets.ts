/**
 * A Deployment's ReplicaSets as kubectl finds them (kubectl pkg/util/deployment GetAllReplicaSets): those in
 * its namespace that its selector matches and that it controls; the new one is the oldest whose pod template
 * equals the Deployment's once the pod-template-hash label is ignored, every other one is old.
 */
import {selectorFromLabelSelector, matchesSelector} from '../api/selectors.js'
import type {Deployment, KubeObject, PodTemplateSpec, ReplicaSet} from '../api/types.js'
import {POD_TEMPLATE_HASH_LABEL} from './annotations.js'

/** The new ReplicaSet (if any) and the old ones, in the order they were listed (by name). */
export interface DeploymentReplicaSets {
  newRS?: ReplicaSet
  oldRSs: ReplicaSet[]
}

/** The candidates the Deployment's selector matches and that name it as their controller. */
export function ownedReplicaSets(deployment: Deployment, candidates: readonly KubeObject[]): ReplicaSet[] {
  const selector = selectorFromLabelSelector(deployment.spec.selector ?? {})
  return (candidates as readonly ReplicaSet[]).filter(
    (rs) =>
      rs.metadata.namespace === deployment.metadata.namespace &&
      matchesSelector(selector, rs.metadata.labels) &&
      rs.metadata.ownerReferences?.some(
        (reference) => reference.controller === true && reference.uid === deployment.metadata.uid,
      ) === true,
  )
}

/** Splits the Deployment's ReplicaSets into the new one and the old ones (FindNewReplicaSet/FindOldReplicaSets). */
export function splitDeploymentReplicaSets(
  deployment: Deployment,
  candidates: readonly KubeObject[],
): DeploymentReplicaSets {
  const owned = ownedReplicaSets(deployment, candidates)
  // ReplicaSetsByCreationTimestamp: oldest first, ties broken by name.
  const byAge = [...owned].sort(
    (a, b) =>
      compare(a.metadata.creationTimestamp ?? '', b.metadata.creationTimestamp ?? '') ||
      compare(a.metadata.name ?? '', b.metadata.name ?? ''),
  )
  const newRS = byAge.find((rs) => equalIgnoreHash(rs.spec.template, deployment.spec.template))
  return {newRS, oldRSs: owned.filter((rs) => rs !== newRS)}
}

/**
 * kubectl's equalIgnoreHash: the templates are equal once pod-template-hash is dropped from both, compared
 * as apimachinery's Semantic.DeepEqual does (an empty map or list equals a missing one, null equals absent).
 */
export function equalIgnoreHash(a: PodTemplateSpec | undefined, b: PodTemplateSpec | undefined): boolean {
  return canonical(withoutHash(a)) === canonical(withoutHash(b))
}

/** A copy of the template without the pod-template-hash label, as undo patches it back into a Deployment. */
export function withoutHash(template: PodTemplateSpec | undefined): PodTemplateSpec | undefined {
  if (!template) return undefined
  const copy = structuredClone(template)
  const labels = copy.metadata?.labels
  if (labels) {
    delete labels[POD_TEMPLATE_HASH_LABEL]
    if (Object.keys(labels).length === 0) delete copy.metadata?.labels
  }
  return copy
}

function canonical(value: unknown): string {
  return JSON.stringify(prune(value)) ?? ''
}

/** Sorted keys; empty maps and lists, null and undefined all dropped. */
function prune(value: unknown): unknown {
  if (value === null) return undefined
  if (Array.isArray(value)) return value.length === 0 ? undefined : value.map((item) => prune(item) ?? null)
  if (typeof value !== 'object') return value
  const entries = Object.entries(value)
    .map(([key, child]) => [key, prune(child)] as const)
    .filter(([, child]) => child !== undefined)
    .sort(([a], [b]) => compare(a, b))
  return entries.length === 0 ? undefined : Object.fromEntries(entries)
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
