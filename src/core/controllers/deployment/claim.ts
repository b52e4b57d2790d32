/**
 * Claiming replica sets (k8s@1.28 pkg/controller/controller_ref_manager.go ClaimReplicaSets, used by the
 * Deployment controller's getReplicaSetsForDeployment): a deployment owns the replica sets whose
 * controllerRef names it. It adopts an orphan whose labels its selector matches, and releases one of its own
 * whose labels no longer match, which then runs on unmanaged, as the ReplicaSet controller does with pods.
 */
import {ApiError} from '../../api/errors.js'
import {cloneObject} from '../../api/object-meta.js'
import {mustTypeForKind} from '../../api/resources.js'
import type {Selector} from '../../api/selectors.js'
import {matchesSelector} from '../../api/selectors.js'
import type {Deployment, ReplicaSet} from '../../api/types.js'
import type {ControllerContext} from '../controller.js'
import {controllerRefOf, newControllerRef} from '../replicaset/controller-ref.js'
import type {StoredDeployment, StoredReplicaSet} from './objects.js'

/** What to do with one replica set of the deployment's namespace. */
export type ClaimDecision = 'keep' | 'adopt' | 'release' | 'ignore'

/**
 * ClaimObject for a replica set: someone else's -> ignore; mine and matching -> keep; mine and not matching
 * -> release unless I am being deleted; an orphan that matches -> adopt unless either of us is being deleted.
 */
export function claimDecision(rs: ReplicaSet, d: Deployment, selector: Selector): ClaimDecision {
  const matches = matchesSelector(selector, rs.metadata.labels)
  const deleting = Boolean(d.metadata.deletionTimestamp)
  const reference = controllerRefOf(rs)
  if (reference) {
    if (reference.uid !== d.metadata.uid) return 'ignore'
    if (matches) return 'keep'
    return deleting ? 'ignore' : 'release'
  }
  if (deleting || !matches || rs.metadata.deletionTimestamp) return 'ignore'
  return 'adopt'
}

/** The replica sets the deployment now owns, and whether adopting or releasing wrote anything. */
export interface ReplicaSetClaim {
  owned: StoredReplicaSet[]
  wrote: boolean
}

/**
 * Claims the namespace's replica sets; throws the first failed adoption or release after trying them all,
 * so the sync retries (a replica set that vanished meanwhile is nobody's and is skipped).
 */
export function claimReplicaSets(
  ctx: ControllerContext,
  d: StoredDeployment,
  selector: Selector,
  candidates: readonly StoredReplicaSet[],
  who: string,
): ReplicaSetClaim {
  const claim: ReplicaSetClaim = {owned: [], wrote: false}
  const errors: Error[] = []
  let recheck: Error | null | undefined
  for (const rs of candidates) {
    const decision = claimDecision(rs, d, selector)
    if (decision === 'keep') claim.owned.push(rs)
    if (decision === 'adopt') {
      // RecheckDeletionTimestamp: one uncached read of the deployment before the first adoption.
      recheck ??= recheckDeployment(ctx, d)
      const adopted = recheck ?? write(ctx, adopt(rs, d), ['NotFound'])
      if (adopted instanceof Error) errors.push(adopted)
      else if (adopted) {
        claim.owned.push(adopted)
        claim.wrote = true
        ctx.log(`${who}: adopted replicaset ${rs.metadata.name}: its labels match and it had no controller`)
      }
    }
    if (decision === 'release') {
      // Invalid means the reference or the replica set changed under us (ReleaseReplicaSet ignores it too).
      const released = write(ctx, release(rs, d), ['NotFound', 'Invalid'])
      if (released instanceof Error) errors.push(released)
      else if (released) {
        claim.wrote = true
        ctx.log(`${who}: released replicaset ${rs.metadata.name}: its labels no longer match the selector`)
      }
    }
  }
  if (errors.length) throw errors[0]!
  return claim
}

function adopt(rs: StoredReplicaSet, d: StoredDeployment): StoredReplicaSet {
  const next = cloneObject(rs)
  const others = (rs.metadata.ownerReferences ?? []).filter((reference) => reference.uid !== d.metadata.uid)
  next.metadata.ownerReferences = [...others, newControllerRef(d, 'apps/v1')]
  return next
}

function release(rs: StoredReplicaSet, d: StoredDeployment): StoredReplicaSet {
  const next = cloneObject(rs)
  const remaining = (rs.metadata.ownerReferences ?? []).filter(
    (reference) => reference.uid !== d.metadata.uid,
  )
  if (remaining.length) next.metadata.ownerReferences = remaining
  else delete next.metadata.ownerReferences
  return next
}

/** Writes with the cached resourceVersion (a Conflict is retried); errors with an ignored reason give undefined. */
function write(
  ctx: ControllerContext,
  next: StoredReplicaSet,
  ignored: readonly string[],
): StoredReplicaSet | Error | undefined {
  try {
    return ctx.api.update(next) as StoredReplicaSet
  } catch (error) {
    if (error instanceof ApiError && ignored.includes(error.reason)) return undefined
    return error instanceof Error ? error : new Error(String(error))
  }
}

/** Null when the deployment may adopt: it still exists with the same uid and is not being deleted. */
function recheckDeployment(ctx: ControllerContext, d: Deployment): Error | null {
  const {namespace = 'default', name = '', uid = ''} = d.metadata
  const fresh = ctx.api.find(mustTypeForKind('Deployment'), namespace, name)
  if (!fresh || fresh.metadata.uid !== uid)
    return new Error(
      `original Deployment ${namespace}/${name} is gone: got uid ${fresh?.metadata.uid ?? ''}, wanted ${uid}`,
    )
  if (fresh.metadata.deletionTimestamp)
    return new Error(`${namespace}/${name} has just been deleted at ${fresh.metadata.deletionTimestamp}`)
  return null
}
