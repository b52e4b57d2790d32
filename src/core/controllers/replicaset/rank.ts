/**
 * Which pods go first when a controller scales down: Kubernetes' ActivePodsWithRanks.Less (k8s@1.28
 * pkg/controller/controller_utils.go, with LogarithmicScaleDown and PodDeletionCost on, their defaults).
 * Earlier in the order = deleted first; the first rule that tells two pods apart decides:
 *   1 unscheduled before scheduled          5 more related pods on its node first
 *   2 Pending < Unknown < Running            6 ready for a shorter time first (log2 buckets)
 *   3 not ready before ready                 7 higher max container restartCount first
 *   4 lower pod-deletion-cost first          8 newer first (log2 buckets)
 * Rules 6 and 8 compare ages in whole powers of two of nanoseconds, so pods of about the same age tie and
 * their UIDs (random) decide: scaling down spreads over pods of similar age instead of always the newest.
 */
import type {Pod} from '../../api/types.js'
import {isPodReady, readySince} from './pod-readiness.js'

/** The annotation that lets users say which pods are cheaper to lose. */
export const POD_DELETION_COST = 'controller.kubernetes.io/pod-deletion-cost'

/** The rule that ordered two pods. */
export type RankRule =
  'unscheduled' | 'phase' | 'not-ready' | 'deletion-cost' | 'crowded-node' | 'ready-time' | 'restarts' | 'age'

/** What the ranking needs besides the pods: the time, and active related pods per node (rule 5). */
export interface RankContext {
  now: number
  podsOnNode: ReadonlyMap<string, number>
}

/** The order of two pods: negative when `a` goes first; the deciding rule; whether the UID broke a tie. */
export interface Comparison {
  order: number
  rule?: RankRule
  byUid?: boolean
}

const PHASE_ORDINAL: Readonly<Record<string, number>> = {Pending: 0, Unknown: 1, Running: 2}
const INT32 = {min: -2147483648, max: 2147483647}

/** Compares two pods for deletion, rule by rule (Less(i, j) true = negative). */
export function compareForDeletion(a: Pod, b: Pod, context: RankContext): Comparison {
  const nodeA = a.spec.nodeName ?? ''
  const nodeB = b.spec.nodeName ?? ''
  if (nodeA !== nodeB && (!nodeA || !nodeB)) return {order: nodeA ? 1 : -1, rule: 'unscheduled'}
  const phase = phaseOrdinal(a) - phaseOrdinal(b)
  if (phase) return {order: phase, rule: 'phase'}
  const readyA = isPodReady(a)
  const readyB = isPodReady(b)
  if (readyA !== readyB) return {order: readyA ? 1 : -1, rule: 'not-ready'}
  const cost = deletionCost(a) - deletionCost(b)
  if (cost) return {order: cost, rule: 'deletion-cost'}
  const crowding = (context.podsOnNode.get(nodeB) ?? 0) - (context.podsOnNode.get(nodeA) ?? 0)
  if (crowding) return {order: crowding, rule: 'crowded-node'}
  if (readyA && readyB) {
    const byReadyTime = compareTimes(readySince(a), readySince(b), a, b, context.now)
    if (byReadyTime) return {...byReadyTime, rule: 'ready-time'}
  }
  const restarts = maxRestarts(b) - maxRestarts(a)
  if (restarts) return {order: restarts, rule: 'restarts'}
  const byAge = compareTimes(created(a), created(b), a, b, context.now)
  return byAge ? {...byAge, rule: 'age'} : {order: 0}
}

/** The pods in deletion order (a stable sort: full ties keep the given order). */
export function sortForDeletion(pods: readonly Pod[], context: RankContext): Pod[] {
  return [...pods].sort((a, b) => compareForDeletion(a, b, context).order)
}

/** Why `victim` goes before `survivor`, in a few words for the narration ("not ready", "newer"). */
export function whyFirst(victim: Pod, survivor: Pod, context: RankContext): string {
  const {rule, byUid} = compareForDeletion(victim, survivor, context)
  const node = victim.spec.nodeName ?? ''
  switch (rule) {
    case 'unscheduled':
      return 'not scheduled to a node'
    case 'phase':
      return `${victim.status?.phase ?? 'Pending'} while others are ${survivor.status?.phase ?? 'Pending'}`
    case 'not-ready':
      return 'not ready'
    case 'deletion-cost':
      return `lower pod-deletion-cost ${deletionCost(victim)}`
    case 'crowded-node':
      return `${context.podsOnNode.get(node) ?? 0} related pods share its node ${node}`
    case 'ready-time':
      return byUid ? 'ready about as long as others; its uid broke the tie' : 'ready for a shorter time'
    case 'restarts':
      return `${maxRestarts(victim)} restarts`
    case 'age':
      return byUid ? 'about as old as others; its uid broke the tie' : 'newer'
    default:
      return 'as good as any'
  }
}

/** Active pods per node among the pods related to the owner (getPodsRankedByRelatedPodsOnSameNode). */
export function podsPerNode(related: readonly Pod[], isActive: (pod: Pod) => boolean): Map<string, number> {
  const counts = new Map<string, number>()
  for (const pod of related.filter(isActive)) {
    const node = pod.spec.nodeName ?? ''
    counts.set(node, (counts.get(node) ?? 0) + 1)
  }
  return counts
}

/**
 * The pod-deletion-cost annotation as an int32; anything else is 0 (GetDeletionCostFromPodAnnotations:
 * no `+`, no leading zeros, so "10" and "-5" count and "+10", "008" or "1e3" are 0).
 */
export function deletionCost(pod: Pod): number {
  const value = pod.metadata.annotations?.[POD_DELETION_COST]
  if (value === undefined || !/^(0|-\d+|[1-9]\d*)$/.test(value)) return 0
  const cost = Number(value)
  return cost >= INT32.min && cost <= INT32.max ? cost : 0
}

/** The highest restartCount of the pod's containers. */
export function maxRestarts(pod: Pod): number {
  return Math.max(0, ...(pod.status?.containerStatuses ?? []).map((status) => status.restartCount ?? 0))
}

/**
 * Later time first (afterOrZero: a missing time counts as latest), with LogarithmicScaleDown's buckets:
 * the rank of an age is floor(log2(age in nanoseconds)), -1 for no age. Worked example, now 12:00:10:
 * created 12:00:07 (3 s = 3e9 ns, log2 31.48 -> 31) and 12:00:06 (4 s, log2 31.90 -> 31) tie, so the UIDs
 * decide; 12:00:02 (8 s, log2 32.90 -> 32) is older than both.
 */
function compareTimes(
  timeA: number | undefined,
  timeB: number | undefined,
  a: Pod,
  b: Pod,
  now: number,
): Omit<Comparison, 'rule'> | undefined {
  if (timeA === timeB) return undefined
  if (timeA === undefined || timeB === undefined) return {order: timeA === undefined ? -1 : 1}
  const rankDiff = logRank(now - timeA) - logRank(now - timeB)
  if (rankDiff !== 0) return {order: rankDiff}
  const uidA = a.metadata.uid ?? ''
  const uidB = b.metadata.uid ?? ''
  return {order: uidA < uidB ? -1 : uidA > uidB ? 1 : 0, byUid: true}
}

function logRank(ageMs: number): number {
  return ageMs > 0 ? Math.floor(Math.log2(ageMs * 1e6)) : -1
}

function phaseOrdinal(pod: Pod): number {
  return PHASE_ORDINAL[pod.status?.phase ?? ''] ?? 0
}

function created(pod: Pod): number | undefined {
  const stamp = pod.metadata.creationTimestamp
  const at = stamp ? Date.parse(stamp) : Number.NaN
  return Number.isNaN(at) ? undefined : at
}
