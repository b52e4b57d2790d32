/**
 * PodTopologySpread's scoring with the system default constraints (k8s@1.28
 * framework/plugins/podtopologyspread/scoring.go): pods of one owner spread across hostnames (maxSkew 3) and
 * zones (maxSkew 5), softly (ScheduleAnyway), so replicas of a ReplicaSet land on different nodes when they can.
 *
 * Kubernetes counts the pods matching the selectors of the pod's Services and owning controller; Tugboat counts
 * the pods with the same controller (ownerReference with controller: true), which for ReplicaSets and
 * ReplicationControllers is the same set. A pod without a controller is not spread (the plugin skips it).
 */
import type {OwnerReference, Pod} from '../api/types.js'
import {matchesRequiredNodeAffinity} from './node-affinity.js'
import type {NodeInfo} from './node-info.js'

/** The hostname label every node carries. */
export const HOSTNAME_LABEL = 'kubernetes.io/hostname'
/** The zone label, when nodes have one. */
export const ZONE_LABEL = 'topology.kubernetes.io/zone'

/** The system default spread constraints (podtopologyspread.systemDefaultConstraints). */
const DEFAULT_CONSTRAINTS = [
  {key: HOSTNAME_LABEL, maxSkew: 3},
  {key: ZONE_LABEL, maxSkew: 5},
] as const

const MAX_NODE_SCORE = 100

/** The owner that controls a pod, if any. */
export function controllerOf(pod: Pod): OwnerReference | undefined {
  return pod.metadata.ownerReferences?.find((owner) => owner.controller)
}

/**
 * Normalized spread scores of the feasible nodes (100 = fewest siblings), or undefined when the pod has no
 * controller. Raw score per node: Σ over the constraints whose label the node has of
 * `siblings × ln(domains + 2) + (maxSkew − 1)`, rounded; then `100 × (max + min − raw) / max`.
 * Example: two feasible nodes, node01 already runs one sibling: ln(4) = 1.386, raw node01 = round(1.386 + 2)
 * = 3, node02 = round(0 + 2) = 2; node01 scores 100 × (3 + 2 − 3) / 3 = 66, node02 100 × (5 − 2) / 3 = 100.
 */
export function spreadScores(
  pod: Pod,
  feasible: readonly NodeInfo[],
  all: readonly NodeInfo[],
): number[] | undefined {
  const owner = controllerOf(pod)
  if (!owner) return undefined
  const namespace = pod.metadata.namespace ?? ''
  const siblingsOn = (node: NodeInfo): number =>
    node.pods.filter(
      (other) =>
        (other.metadata.namespace ?? '') === namespace &&
        !other.metadata.deletionTimestamp &&
        controllerOf(other)?.uid === owner.uid,
    ).length
  const domainCounts = countDomains(pod, feasible, all, siblingsOn)
  const weights = DEFAULT_CONSTRAINTS.map(({key}) =>
    Math.log((key === HOSTNAME_LABEL ? feasible.length : (domainCounts.sizes.get(key) ?? 0)) + 2),
  )
  const raw = feasible.map((node) => {
    const labels = node.node.metadata.labels ?? {}
    let score = 0
    DEFAULT_CONSTRAINTS.forEach(({key, maxSkew}, i) => {
      if (!Object.hasOwn(labels, key)) return
      const count =
        key === HOSTNAME_LABEL ? siblingsOn(node) : (domainCounts.counts.get(pairKey(key, labels[key])) ?? 0)
      score += count * (weights[i] ?? 0) + (maxSkew - 1)
    })
    return Math.round(score)
  })
  return normalize(raw)
}

/**
 * For the non-hostname constraints: how many domains the feasible nodes span (a node without the label
 * counts as the domain ""), and how many siblings run in each, counted over every node that matches the
 * pod's node selector and required affinity (NodeInclusionPolicy Honor).
 */
function countDomains(
  pod: Pod,
  feasible: readonly NodeInfo[],
  all: readonly NodeInfo[],
  siblingsOn: (node: NodeInfo) => number,
): {sizes: Map<string, number>; counts: Map<string, number>} {
  const sizes = new Map<string, number>()
  const counts = new Map<string, number>()
  const zoneKeys = DEFAULT_CONSTRAINTS.map(({key}) => key).filter((key) => key !== HOSTNAME_LABEL)
  for (const node of feasible) {
    for (const key of zoneKeys) {
      const pair = pairKey(key, node.node.metadata.labels?.[key])
      if (counts.has(pair)) continue
      counts.set(pair, 0)
      sizes.set(key, (sizes.get(key) ?? 0) + 1)
    }
  }
  for (const node of all) {
    if (!matchesRequiredNodeAffinity(pod.spec, node.node)) continue
    for (const key of zoneKeys) {
      const pair = pairKey(key, node.node.metadata.labels?.[key])
      const count = counts.get(pair)
      if (count !== undefined) counts.set(pair, count + siblingsOn(node))
    }
  }
  return {sizes, counts}
}

function pairKey(key: string, value: string | undefined): string {
  return `${key}=${value ?? ''}`
}

/** PodTopologySpread.NormalizeScore: fewer matching pods score higher; all zero means all 100. */
function normalize(raw: readonly number[]): number[] {
  const max = Math.max(0, ...raw)
  const min = Math.min(...raw)
  if (max === 0) return raw.map(() => MAX_NODE_SCORE)
  return raw.map((score) => Math.trunc((MAX_NODE_SCORE * (max + min - score)) / max))
}
