/**
 * `tug cordon` / `tug uncordon` (kubectl's drain.CordonHelper): toggle a node's spec.unschedulable. Running
 * pods stay; only the scheduler's choice of node for new pods changes.
 */
import type {ApiServer} from '../api/api-server.js'
import {cloneObject, jsonEqual, timestamp} from '../api/object-meta.js'
import type {Node, Taint} from '../api/types.js'
import type {DryRun} from '../generators/dry-run.js'
import type {NodeChange, NodeQuery} from './node-targets.js'
import {findNodes, writeNode} from './node-targets.js'

/** The taint that marks an unschedulable node (Kubernetes' TaintNodeUnschedulable). */
export const UNSCHEDULABLE_TAINT_KEY = 'node.kubernetes.io/unschedulable'

/** A cordon or uncordon request. */
export interface CordonRequest extends NodeQuery {
  /** true cordons (unschedulable), false uncordons. */
  unschedulable: boolean
  dryRun: DryRun
}

/** Whether the node is cordoned: kubectl's CordonHelper looks at spec.unschedulable only. */
export function isCordoned(node: Node): boolean {
  return node.spec?.unschedulable === true
}

/**
 * The node with spec.unschedulable set (true) or cleared (false, which the API omits), and the matching
 * `node.kubernetes.io/unschedulable:NoSchedule` taint. In Kubernetes kubectl writes only the field and the
 * node lifecycle controller adds or removes the taint soon after (TaintNodesByCondition); Tugboat writes both
 * at once, so the taint is there whether or not a control plane runs.
 */
export function withUnschedulable(node: Node, unschedulable: boolean, now: Date): Node {
  const next = cloneObject(node)
  const spec = {...next.spec}
  const others = (spec.taints ?? []).filter((taint) => taint.key !== UNSCHEDULABLE_TAINT_KEY)
  const existing = spec.taints?.find((taint) => taint.key === UNSCHEDULABLE_TAINT_KEY)
  if (unschedulable) {
    spec.unschedulable = true
    if (!existing) {
      const taint: Taint = {key: UNSCHEDULABLE_TAINT_KEY, effect: 'NoSchedule', timeAdded: timestamp(now)}
      spec.taints = [...others, taint]
    }
  } else {
    delete spec.unschedulable
    if (others.length) spec.taints = others
    else delete spec.taints
  }
  next.spec = spec
  return next
}

/**
 * Cordons or uncordons every node asked for, in one transaction. `changed` is false for a node that already
 * had the wanted spec.unschedulable (kubectl's `already cordoned`); its taint is still brought in line.
 */
export function cordonNodes(api: ApiServer, request: CordonRequest): NodeChange[] {
  return api.store.transaction(() =>
    findNodes(api, request).map((live) => {
      const changed = isCordoned(live) !== request.unschedulable
      const next = withUnschedulable(live, request.unschedulable, api.now())
      if (changed) return {node: writeNode(api, live, next, request.dryRun), changed}
      // Already as asked: kubectl writes nothing; only a taint out of line with the field is repaired.
      if (request.dryRun === 'none' && !jsonEqual(next.spec?.taints, live.spec?.taints))
        writeNode(api, live, next, 'none')
      return {node: live, changed}
    }),
  )
}
