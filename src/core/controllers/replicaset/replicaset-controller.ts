/**
 * The ReplicaSet and ReplicationController controllers: one implementation for both kinds, as Kubernetes
 * has (k8s@1.28 pkg/controller/replicaset/replica_set.go syncReplicaSet). A sync claims the owner's pods,
 * creates or deletes pods until the active ones match spec.replicas, and reports status; it throws to be
 * retried and asks to be woken when a pod will pass minReadySeconds.
 */
import {FINALIZER_ORPHAN} from '../../api/api-server.js'
import {cloneObject} from '../../api/object-meta.js'
import type {Pod, StoredObject} from '../../api/types.js'
import {splitKey} from '../../loop/informer.js'
import type {Controller, ControllerContext, SyncOutcome} from '../controller.js'
import {claimPods} from './claim.js'
import {watchReplicaOwners} from './handlers.js'
import type {ManageResult} from './manage.js'
import {applyReplicaPlan} from './manage.js'
import type {ReplicaOwner, ReplicaOwnerKind} from './owner-kind.js'
import {ownerName, REPLICA_SET_KIND, REPLICATION_CONTROLLER_KIND} from './owner-kind.js'
import {planReplicas} from './plan.js'
import {isPodActive} from './pod-readiness.js'
import {podsPerNode} from './rank.js'
import {relatedPods} from './related-pods.js'
import {computeStatus, nextAvailabilityCheckMs, statusToWrite} from './status.js'

/** A replica controller; its sync is synchronous, so nothing else writes between its reads and its writes. */
export interface ReplicaController extends Controller {
  sync(key: string): SyncOutcome | undefined
}

/** The ReplicaSet controller (`replicaset-controller`). */
export function replicaSetController(ctx: ControllerContext): ReplicaController {
  return replicaController(ctx, REPLICA_SET_KIND)
}

/** The ReplicationController controller (`replication-controller`). */
export function replicationControllerController(ctx: ControllerContext): ReplicaController {
  return replicaController(ctx, REPLICATION_CONTROLLER_KIND)
}

/** The shared controller for one of the two kinds. */
export function replicaController(ctx: ControllerContext, kind: ReplicaOwnerKind): ReplicaController {
  return {
    name: kind.component,
    watch: (informer, enqueue) => watchReplicaOwners(kind, informer, enqueue),
    sync: (key) => syncOwner(ctx, kind, key),
  }
}

/** One sync of one owner. */
function syncOwner(ctx: ControllerContext, kind: ReplicaOwnerKind, key: string): SyncOutcome | undefined {
  const {namespace, name} = splitKey(key)
  const object = ctx.informer.get(kind.kind, namespace, name)
  if (!object) return undefined
  const owner = kind.view(object)
  // Deleted with --cascade=orphan: the garbage collector releases the pods, then removes the owner.
  if (owner.deleting && object.metadata.finalizers?.includes(FINALIZER_ORPHAN)) return undefined
  if (owner.selectorProblem) {
    ctx.log(`${ownerName(kind, owner)}: doing nothing: ${owner.selectorProblem}`)
    return undefined
  }
  const active = (ctx.informer.list('Pod', namespace) as Pod[]).filter(isPodActive)
  const claim = claimPods(ctx, kind, owner, active)
  if (claim.wrote) ctx.informer.pump()
  if (claim.errors.length) throw aggregate(claim.errors)

  const now = ctx.clock.now()
  // An owner being deleted in the foreground only reports status: the garbage collector removes its pods.
  const manage = owner.deleting ? {wrote: false} : manageReplicas(ctx, kind, owner, claim.claimed, now)
  writeStatus(ctx, object, owner, computeStatus(owner, claim.claimed, manage.error, now))
  if (manage.error) throw manage.error
  const after = nextAvailabilityCheckMs(owner, claim.claimed, now)
  return after === undefined ? undefined : {requeueAfterMs: after}
}

/** Plans and applies creates or deletes; the cache is brought up to date with them before status. */
function manageReplicas(
  ctx: ControllerContext,
  kind: ReplicaOwnerKind,
  owner: ReplicaOwner,
  pods: readonly Pod[],
  now: number,
): ManageResult {
  // Rule 5 of the ranking needs the siblings' pods, and only when scaling down.
  const related = pods.length > owner.replicas ? relatedPods(ctx.informer, kind, owner) : []
  const plan = planReplicas({
    replicas: owner.replicas,
    pods,
    rank: {now, podsOnNode: podsPerNode(related, isPodActive)},
  })
  const result = applyReplicaPlan(ctx, kind, owner, plan, pods.length)
  if (result.wrote) ctx.informer.pump()
  return result
}

/** Writes the status subresource when it changed (a Conflict goes back to the queue). */
function writeStatus(
  ctx: ControllerContext,
  object: StoredObject,
  owner: ReplicaOwner,
  computed: ReturnType<typeof computeStatus>,
): void {
  const status = statusToWrite(owner, computed)
  if (!status) return
  ctx.api.update({...cloneObject(object), status}, {subresource: 'status'})
  ctx.informer.pump()
}

/** One error as itself; several as utilerrors.NewAggregate prints them, `[a, b]`. */
function aggregate(errors: readonly Error[]): Error {
  if (errors.length === 1) return errors[0]!
  return new Error(`[${errors.map((error) => error.message).join(', ')}]`)
}
