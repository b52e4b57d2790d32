/**
 * The node lifecycle controller (reference §7; k8s@1.28 pkg/controller/nodelifecycle, taint manager included).
 * Every monitor period each node is checked: a node whose kubelet has been silent past the grace period gets
 * its conditions set to Unknown, the `node.kubernetes.io/unreachable` taints (NoSchedule keeps new pods off,
 * NoExecute starts the eviction countdown), a NodeNotReady event, and its pods marked not ready so they leave
 * the Services' endpoints. Once a pod's toleration runs out it is deleted gracefully: it stays Terminating
 * until its node's kubelet returns to finish it, while its ReplicaSet replaces it elsewhere at once. When the
 * heartbeat resumes the taints come off. The control-plane node and cordoned nodes are checked the same way.
 */
import type {ApiServer} from '../../api/api-server.js'
import {ApiError} from '../../api/errors.js'
import type {EventInput} from '../../api/events.js'
import {newEvent} from '../../api/events.js'
import {cloneObject} from '../../api/object-meta.js'
import {mustTypeForKind} from '../../api/resources.js'
import type {Node, Pod, StoredObject, Taint} from '../../api/types.js'
import type {Controller, ControllerContext, SyncOutcome} from '../controller.js'
import type {NodePlan} from './plan.js'
import {planNode} from './plan.js'
import type {NodeLifecycleTimings} from './timings.js'

export type {NodeLifecycleTimings} from './timings.js'
export {CLASSROOM_TIMINGS, KUBERNETES_TIMINGS, NODE_LIFECYCLE_TIMINGS} from './timings.js'

/** The kinds the controller reads from the informer. */
export const NODE_LIFECYCLE_KINDS = ['Node', 'Pod'] as const

const POD = mustTypeForKind('Pod')
const NODE_CONTROLLER = {component: 'node-controller'}
// The taint manager became its own controller in 1.29; Kubernetes 1.28 reported it as `taint-controller`.
const TAINT_EVICTION_CONTROLLER = {component: 'taint-eviction-controller'}

/** The controller; its keys are node names, each synced again every monitor period. */
export function nodeLifecycleController(ctx: ControllerContext, timings: NodeLifecycleTimings): Controller {
  const firstSeen = new Map<string, {uid: string; at: number}>()
  return {
    name: 'node-controller',
    watch(informer, enqueue) {
      informer.on('Node', ({object}) => enqueue(object.metadata.name))
      // A pod that lands on (or changes on) a node that is not Ready is marked promptly, as podUpdated does.
      informer.on('Pod', ({object, type}) => {
        const nodeName = (object as Pod).spec.nodeName
        if (!nodeName || type === 'DELETED') return
        const node = informer.get('Node', '', nodeName) as Node | undefined
        if (node && readyStatusOf(node) !== 'True') enqueue(nodeName)
      })
    },
    sync(key): SyncOutcome | void {
      const node = ctx.informer.get('Node', '', key) as (Node & StoredObject) | undefined
      if (!node) {
        firstSeen.delete(key)
        return
      }
      const now = ctx.clock.now()
      let seen = firstSeen.get(key)
      if (seen?.uid !== node.metadata.uid) firstSeen.set(key, (seen = {uid: node.metadata.uid, at: now}))
      const pods = ctx.informer.list('Pod').filter((pod) => (pod as Pod).spec.nodeName === key) as Pod[]
      const plan = planNode({node, pods, now, firstSeenAt: seen.at, timings})
      const wrote = applyPlan(ctx, node, plan, now)
      if (wrote) ctx.informer.pump()
      return {requeueAfterMs: plan.requeueAfterMs}
    },
  }
}

/** Writes the plan: node status, taints, events, pods; returns whether it wrote anything. */
function applyPlan(ctx: ControllerContext, node: Node & StoredObject, plan: NodePlan, now: number): boolean {
  const {api, log} = ctx
  const name = node.metadata.name
  let current = node
  if (plan.conditions) {
    const status = {...current.status, conditions: plan.conditions}
    current = api.update({...current, status}, {subresource: 'status'}) as Node & StoredObject
    log(`node ${name}: no heartbeat for ${seconds(plan.health.silentForMs)}, marking NotReady`)
  }
  if (plan.taints) {
    const change = describeTaintChange(current.spec?.taints ?? [], plan, now)
    current = api.update(withTaints(current, plan.taints)) as Node & StoredObject
    log(`node ${name}: ${change}`)
  }
  if (plan.nodeEvent === 'NodeNotReady') record(api, current, now, nodeStatusEvent(name, 'NodeNotReady'))
  // Kubernetes' kubelet records NodeReady when it posts Ready again; Tugboat's heartbeat writes no events,
  // so the controller records it in the kubelet's name when it sees the node come back.
  if (plan.nodeEvent === 'NodeReady')
    record(api, current, now, {
      ...nodeStatusEvent(name, 'NodeReady'),
      source: {component: 'kubelet', host: name},
    })
  const errors: unknown[] = []
  markNotReady(ctx, plan, now, errors)
  evict(ctx, name, plan, now, errors)
  if (errors.length) throw errors.length === 1 ? errors[0] : new AggregateError(errors, messages(errors))
  return current !== node || plan.notReady.length > 0 || plan.evict.length > 0
}

/** Ready False on each of the node's pods, each with a `NodeNotReady` warning. */
function markNotReady(ctx: ControllerContext, plan: NodePlan, now: number, errors: unknown[]): void {
  if (!plan.notReady.length) return
  const node = plan.notReady[0]?.pod.spec.nodeName ?? ''
  ctx.log(`node ${node}: marking ${count(plan.notReady.length, 'pod')} not ready`)
  for (const {pod, status} of plan.notReady) {
    tolerateGone(errors, () => {
      const updated = ctx.api.update({...pod, status}, {subresource: 'status'})
      const warning = {type: 'Warning', reason: 'NodeNotReady', message: 'Node is not ready'} as const
      record(ctx.api, updated, now, {...warning, source: NODE_CONTROLLER})
    })
  }
}

/** The taint manager's graceful deletes, each with a `TaintManagerEviction` event. */
function evict(ctx: ControllerContext, node: string, plan: NodePlan, now: number, errors: unknown[]): void {
  if (!plan.evict.length) return
  const since =
    plan.notReadySince === undefined
      ? ' (untolerated NoExecute taint)'
      : ` (NotReady for ${seconds(now - plan.notReadySince)})`
  ctx.log(`evicting ${count(plan.evict.length, 'pod')} from ${node}${since}`)
  for (const pod of plan.evict) {
    tolerateGone(errors, () => {
      const {namespace = 'default', name = ''} = pod.metadata
      ctx.api.delete(POD, namespace, name)
      const message = `Marking for deletion Pod ${namespace}/${name}`
      record(ctx.api, pod as StoredObject, now, {
        type: 'Normal',
        reason: 'TaintManagerEviction',
        message,
        source: TAINT_EVICTION_CONTROLLER,
      })
    })
  }
}

/** Runs one pod's write; a pod deleted meanwhile needs nothing more, other failures are kept for a retry. */
function tolerateGone(errors: unknown[], write: () => void): void {
  try {
    write()
  } catch (error) {
    if (!(error instanceof ApiError && error.reason === 'NotFound')) errors.push(error)
  }
}

function withTaints(node: Node & StoredObject, taints: NonNullable<NodePlan['taints']>): Node {
  const next = cloneObject(node)
  const {taints: _old, ...rest} = next.spec ?? {}
  return {...next, spec: taints.length ? {...rest, taints} : rest}
}

function nodeStatusEvent(name: string, status: 'NodeNotReady' | 'NodeReady'): EventInput {
  return {
    type: 'Normal',
    reason: status,
    message: `Node ${name} status is now: ${status}`,
    source: NODE_CONTROLLER,
  }
}

function record(api: ApiServer, involved: StoredObject, now: number, input: EventInput): void {
  api.store.recordEvent(newEvent(involved, input, new Date(now)))
}

function readyStatusOf(node: Node): string | undefined {
  return node.status?.conditions?.find((condition) => condition.type === 'Ready')?.status
}

/** "tainting node.kubernetes.io/unreachable:NoSchedule, ...", or, on the way back, how long it was NotReady. */
function describeTaintChange(before: readonly Taint[], plan: NodePlan, now: number): string {
  const next = plan.taints ?? []
  const label = (taint: Taint): string => `${taint.key}:${taint.effect}`
  const added = next.filter((taint) => !before.some((old) => label(old) === label(taint))).map(label)
  const removed = before.filter((taint) => !next.some((kept) => label(kept) === label(taint))).map(label)
  if (plan.nodeEvent === 'NodeReady') {
    const after =
      plan.notReadySince === undefined ? '' : ` after ${seconds(now - plan.notReadySince)} NotReady`
    return `heartbeat is back${after}, removing taints ${removed.join(', ')}`
  }
  return [
    ...(added.length ? [`tainting ${added.join(', ')}`] : []),
    ...(removed.length ? [`removing taints ${removed.join(', ')}`] : []),
  ].join('; ')
}

/** `4.1s`: the narration's durations, to a tenth of a second. */
function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)}s`
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`
}

function messages(errors: readonly unknown[]): string {
  return errors.map((error) => (error instanceof Error ? error.message : String(error))).join('; ')
}
