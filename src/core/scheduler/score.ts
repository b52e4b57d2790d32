/**
 * The score plugins of kube-scheduler's default profile and their weights (k8s@1.28 default_plugins.go):
 * each gives every feasible node 0-100, the scheduler multiplies by the plugin's weight and adds them up, and
 * the highest total wins, ties broken at random (selectHost). Tugboat leaves out InterPodAffinity (it reads no
 * pod affinity) and ImageLocality (the scheduler does not know which images a node holds).
 */
import type {Pod} from '../api/types.js'
import {hasPreferredAffinity, preferredAffinityWeight} from './node-affinity.js'
import type {NodeInfo} from './node-info.js'
import {CPU, MEMORY, podRequests} from './resources.js'
import {spreadScores} from './spread.js'
import {tolerated} from './taints.js'

/** framework.MaxNodeScore. */
export const MAX_NODE_SCORE = 100

/** One score plugin: normalized scores for the feasible nodes, or undefined when it has nothing to say. */
export interface ScorePlugin {
  readonly name: string
  /** How the narration names it. */
  readonly label: string
  readonly weight: number
  score(pod: Pod, feasible: readonly NodeInfo[], all: readonly NodeInfo[]): number[] | undefined
}

/** A feasible node's total and each plugin's (unweighted) score, keyed by label. */
export interface NodeScore {
  name: string
  total: number
  scores: Record<string, number>
}

/**
 * LeastAllocated (NodeResourcesFit's default scoring): the mean over cpu and memory of
 * `(allocatable − requested) × 100 / allocatable`, in integers, where requested counts the node's pods and this
 * one with 100m/200Mi for containers that request nothing. Example: a pod asking 500m cpu and no memory on a
 * node with 4 cpu and 8Gi, 1 cpu and 1Gi requested: cpu (4000 − 1500) × 100 / 4000 = 62, memory
 * (8Gi − 1Gi − 200Mi) × 100 / 8Gi = 85, score (62 + 85) / 2 = 73.
 */
export function leastAllocatedScore(pod: Pod, node: NodeInfo): number {
  const request = podRequests(pod.spec, {nonZero: true})
  let total = 0
  let counted = 0
  for (const name of [CPU, MEMORY]) {
    const allocatable = node.allocatable[name] ?? 0
    if (allocatable === 0) continue
    const requested = (node.nonZeroRequested[name] ?? 0) + (request[name] ?? 0)
    total +=
      requested > allocatable ? 0 : Math.trunc(((allocatable - requested) * MAX_NODE_SCORE) / allocatable)
    counted += 1
  }
  return counted ? Math.trunc(total / counted) : 0
}

/**
 * BalancedAllocation: nodes whose cpu and memory would be used in equal shares score higher,
 * `(1 − |cpuFraction − memoryFraction| / 2) × 100`, from plain requests (no 100m/200Mi defaults).
 * Example: a node half full of cpu and a quarter full of memory scores (1 − 0.125) × 100 = 87.
 */
export function balancedAllocationScore(pod: Pod, node: NodeInfo): number {
  const request = podRequests(pod.spec)
  const fractions: number[] = []
  for (const name of [CPU, MEMORY]) {
    const allocatable = node.allocatable[name] ?? 0
    if (allocatable === 0) continue
    fractions.push(Math.min(1, ((node.requested[name] ?? 0) + (request[name] ?? 0)) / allocatable))
  }
  const [a = 0, b = 0] = fractions
  const deviation = fractions.length === 2 ? Math.abs((a - b) / 2) : 0
  return Math.trunc((1 - deviation) * MAX_NODE_SCORE)
}

/** How many PreferNoSchedule taints of the node the pod does not tolerate (TaintToleration's raw score). */
export function intolerablePreferNoSchedule(pod: Pod, node: NodeInfo): number {
  // Only tolerations that could apply to PreferNoSchedule count (getAllTolerationPreferNoSchedule).
  const tolerations = (pod.spec.tolerations ?? []).filter(
    (toleration) => !toleration.effect || toleration.effect === 'PreferNoSchedule',
  )
  return (node.node.spec?.taints ?? []).filter(
    (taint) => taint.effect === 'PreferNoSchedule' && !tolerated(tolerations, taint),
  ).length
}

/**
 * helper.DefaultNormalizeScore: scales raw scores so the largest becomes 100 (reversed: the largest becomes 0
 * and zero becomes 100). Example reversed: taint counts [0, 1, 2] become [100, 50, 0].
 */
export function defaultNormalizeScore(raw: readonly number[], reverse: boolean): number[] {
  const max = Math.max(0, ...raw)
  if (max === 0) return raw.map(() => (reverse ? MAX_NODE_SCORE : 0))
  return raw.map((score) => {
    const scaled = Math.trunc((MAX_NODE_SCORE * score) / max)
    return reverse ? MAX_NODE_SCORE - scaled : scaled
  })
}

/** The default profile's score plugins, in the order the narration lists them. */
export const SCORE_PLUGINS: readonly ScorePlugin[] = [
  {
    name: 'NodeResourcesFit',
    label: 'least allocated',
    weight: 1,
    score: (pod, feasible) => feasible.map((node) => leastAllocatedScore(pod, node)),
  },
  {
    name: 'NodeResourcesBalancedAllocation',
    label: 'balanced',
    weight: 1,
    score: (pod, feasible) => feasible.map((node) => balancedAllocationScore(pod, node)),
  },
  {name: 'PodTopologySpread', label: 'spread', weight: 2, score: spreadScores},
  {
    name: 'NodeAffinity',
    label: 'node affinity',
    weight: 2,
    score: (pod, feasible) =>
      hasPreferredAffinity(pod.spec)
        ? defaultNormalizeScore(
            feasible.map((node) => preferredAffinityWeight(pod.spec, node.node)),
            false,
          )
        : undefined,
  },
  {
    name: 'TaintToleration',
    label: 'taints',
    weight: 3,
    // With no PreferNoSchedule taint in play every node scores 100: nothing worth narrating.
    score: (pod, feasible) => {
      const counts = feasible.map((node) => intolerablePreferNoSchedule(pod, node))
      return counts.some((count) => count > 0) ? defaultNormalizeScore(counts, true) : undefined
    },
  },
]

/** Scores every feasible node: Σ weight × score over the plugins that had something to say. */
export function scoreNodes(pod: Pod, feasible: readonly NodeInfo[], all: readonly NodeInfo[]): NodeScore[] {
  const results: NodeScore[] = feasible.map((node) => ({name: node.name, total: 0, scores: {}}))
  for (const plugin of SCORE_PLUGINS) {
    const scores = plugin.score(pod, feasible, all)
    if (!scores) continue
    scores.forEach((score, i) => {
      const result = results[i]
      if (!result) return
      result.scores[plugin.label] = score
      result.total += plugin.weight * score
    })
  }
  return results
}

/**
 * The winner: the highest total; among equal totals, one picked by `random` (selectHost's reservoir
 * sampling gives each tied node the same chance). Returns it and the nodes it tied with.
 */
export function selectHost(
  scores: readonly NodeScore[],
  random: () => number,
): {best: NodeScore; tied: NodeScore[]} | undefined {
  const top = Math.max(...scores.map((score) => score.total))
  const tied = scores.filter((score) => score.total === top)
  const index = Math.min(tied.length - 1, Math.floor(random() * tied.length))
  const best = tied[index]
  return best ? {best, tied: tied.filter((score) => score !== best)} : undefined
}
