/**
 * One scheduling attempt as a pure function (kube-scheduler's schedulePod): filter every node, and if more
 * than one fits, score them and pick the best. Takes the cluster as plain lists so tests can hand it tables.
 */
import type {Node, Pod} from '../api/types.js'
import type {FilterFailure} from './filter.js'
import {runFilters} from './filter.js'
import {NO_NODES_MESSAGE, unschedulableMessage} from './failure-message.js'
import type {NodeInfo} from './node-info.js'
import {nodeInfos} from './node-info.js'
import type {NodeScore} from './score.js'
import {scoreNodes, selectHost} from './score.js'

/** Where the pod goes and why, or why it goes nowhere. */
export type ScheduleDecision =
  | {
      outcome: 'bind'
      node: string
      /** How many nodes passed the filters. */
      feasible: number
      /** The winner's scores; absent when only one node fit (nothing to compare). */
      score?: NodeScore
      /** Nodes with the same total, one of which won at random. */
      tiedWith: string[]
    }
  | {outcome: 'unschedulable'; message: string; failures: Map<string, FilterFailure>}

/** Decides where `pod` goes among `nodes`, given every pod in the cluster. */
export function scheduleOne(
  pod: Pod,
  nodes: readonly Node[],
  pods: readonly Pod[],
  random: () => number,
): ScheduleDecision {
  if (nodes.length === 0) return {outcome: 'unschedulable', message: NO_NODES_MESSAGE, failures: new Map()}
  const infos = nodeInfos(nodes, pods)
  const feasible: NodeInfo[] = []
  const failures = new Map<string, FilterFailure>()
  for (const info of infos) {
    const failure = runFilters(pod, info)
    if (failure) failures.set(info.name, failure)
    else feasible.push(info)
  }
  const [only] = feasible
  if (!only) {
    return {
      outcome: 'unschedulable',
      message: unschedulableMessage(pod.spec, [...failures.values()]),
      failures,
    }
  }
  // One feasible node needs no scoring (schedulePod does the same).
  if (feasible.length === 1) return {outcome: 'bind', node: only.name, feasible: 1, tiedWith: []}
  const chosen = selectHost(scoreNodes(pod, feasible, infos), random)
  const best = chosen?.best ?? {name: only.name, total: 0, scores: {}}
  return {
    outcome: 'bind',
    node: best.name,
    feasible: feasible.length,
    score: best,
    tiedWith: chosen?.tied.map((tie) => tie.name) ?? [],
  }
}

/** The narration of a binding: `3 nodes fit, node02 scores best (least allocated 92, spread 100)`. */
export function describeBinding(decision: Extract<ScheduleDecision, {outcome: 'bind'}>): string {
  if (!decision.score) return `only ${decision.node} fits`
  const parts = Object.entries(decision.score.scores).map(([label, score]) => `${label} ${score}`)
  const ties = decision.tiedWith.length ? `; tied with ${decision.tiedWith.join(', ')}, picked at random` : ''
  return `${decision.feasible} nodes fit, ${decision.node} scores best (${parts.join(', ')}${ties})`
}
