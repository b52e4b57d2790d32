/**
 * What one sync of a replica controller does about the count, as a pure function (k8s@1.28
 * pkg/controller/replicaset/replica_set.go manageReplicas): create the missing pods, at most 500 per sync
 * in slow-start batches, or delete the surplus, worst first by ActivePodsWithRanks.
 */
import type {Pod} from '../../api/types.js'
import type {RankContext} from './rank.js'
import {sortForDeletion, whyFirst} from './rank.js'

/** At most this many creates or deletes per sync (the controller's burstReplicas). */
export const BURST_REPLICAS = 500

/** The first slow-start batch (controller.SlowStartInitialBatchSize). */
export const SLOW_START_INITIAL_BATCH = 1

/** A pod chosen for deletion and the words that say why it was chosen. */
export interface Victim {
  pod: Pod
  why: string
}

/** The plan of one sync. */
export type ReplicaPlan =
  | {action: 'none'}
  | {action: 'create'; count: number; batches: number[]}
  | {action: 'delete'; victims: Victim[]}

/** What the plan is made from: the wanted count, the owner's active pods, and how to rank them. */
export interface PlanInput {
  replicas: number
  pods: readonly Pod[]
  rank: RankContext
}

/** Compares the owner's active pods with the wanted count. */
export function planReplicas({replicas, pods, rank}: PlanInput): ReplicaPlan {
  const diff = pods.length - replicas
  if (diff < 0) {
    const count = Math.min(-diff, BURST_REPLICAS)
    return {action: 'create', count, batches: slowStartBatches(count)}
  }
  if (diff === 0) return {action: 'none'}
  const count = Math.min(diff, BURST_REPLICAS)
  // getPodsToDelete: no need to rank when every pod goes.
  if (count >= pods.length) return {action: 'delete', victims: pods.map((pod) => ({pod, why: 'none wanted'}))}
  const ranked = sortForDeletion(pods, rank)
  const firstSurvivor = ranked[count]!
  return {
    action: 'delete',
    victims: ranked.slice(0, count).map((pod) => ({pod, why: whyFirst(pod, firstSurvivor, rank)})),
  }
}

/**
 * Batch sizes of slowStartBatch: start small and double while calls succeed, so a template that can never
 * work (a quota, a bad field) fails once instead of hundreds of times. E.g. 10 pods: 1, 2, 4, 3.
 */
export function slowStartBatches(count: number, initial = SLOW_START_INITIAL_BATCH): number[] {
  const batches: number[] = []
  let remaining = count
  for (let size = Math.min(remaining, initial); size > 0; size = Math.min(2 * size, remaining)) {
    batches.push(size)
    remaining -= size
  }
  return batches
}
