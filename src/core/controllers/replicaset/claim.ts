/**
 * Claiming pods (k8s@1.28 pkg/controller/controller_ref_manager.go ClaimObject): a controller owns the pods
 * whose controllerRef names it. It adopts orphans its selector matches and releases its own pods whose labels
 * stopped matching, so a learner can take a pod out of a ReplicaSet by relabelling it: the pod keeps running
 * and the ReplicaSet makes a replacement. Adopt and release record no events in Kubernetes, only narration here.
 */
import {ApiError} from '../../api/errors.js'
import {cloneObject} from '../../api/object-meta.js'
import {mustTypeForKind} from '../../api/resources.js'
import {matchesSelector} from '../../api/selectors.js'
import type {Pod} from '../../api/types.js'
import type {ControllerContext} from '../controller.js'
import {controllerRefOf, newControllerRef} from './controller-ref.js'
import type {ReplicaOwner, ReplicaOwnerKind} from './owner-kind.js'
import {ownerName} from './owner-kind.js'

/** What to do with one pod: keep it, adopt it, release it, or leave it alone. */
export type ClaimDecision = 'keep' | 'adopt' | 'release' | 'ignore'

/**
 * ClaimObject's decision for one active pod:
 * owned by another controller -> ignore; mine and matching -> keep (even while I am being deleted);
 * mine and not matching -> release, unless I am being deleted; an orphan that matches -> adopt, unless
 * either of us is being deleted or it lives in another namespace.
 */
export function claimDecision(pod: Pod, owner: ReplicaOwner): ClaimDecision {
  const matches = owner.selector !== undefined && matchesSelector(owner.selector, pod.metadata.labels)
  const reference = controllerRefOf(pod)
  if (reference) {
    if (reference.uid !== owner.uid) return 'ignore'
    if (matches) return 'keep'
    return owner.deleting ? 'ignore' : 'release'
  }
  if (owner.deleting || !matches || pod.metadata.deletionTimestamp) return 'ignore'
  return (pod.metadata.namespace ?? 'default') === owner.namespace ? 'adopt' : 'ignore'
}

/** The claimed pods, the errors of adopt/release writes that failed, and whether anything was written. */
export interface ClaimResult {
  claimed: Pod[]
  errors: Error[]
  wrote: boolean
}

/** Claims the active pods of the owner's namespace: adopts and releases through the API server. */
export function claimPods(
  ctx: ControllerContext,
  kind: ReplicaOwnerKind,
  owner: ReplicaOwner,
  pods: readonly Pod[],
): ClaimResult {
  const result: ClaimResult = {claimed: [], errors: [], wrote: false}
  const who = ownerName(kind, owner)
  let recheck: Error | null | undefined
  for (const pod of pods) {
    const decision = claimDecision(pod, owner)
    if (decision === 'keep') result.claimed.push(pod)
    if (decision === 'adopt') {
      // Like RecheckDeletionTimestamp: read the owner once, uncached, before the first adoption.
      recheck ??= recheckOwner(ctx, kind, owner)
      const adopted = recheck ?? writePod(ctx, adopt(pod, kind, owner), ['NotFound'])
      if (adopted instanceof Error) {
        const {namespace = owner.namespace, name = '', uid = ''} = pod.metadata
        result.errors.push(new Error(`can't adopt Pod ${namespace}/${name} (${uid}): ${adopted.message}`))
      } else if (adopted) {
        result.wrote = true
        result.claimed.push(adopted)
        ctx.log(`${who}: adopted pod ${pod.metadata.name}: its labels match and it had no controller`)
      }
    }
    if (decision === 'release') {
      // Invalid means the reference or the pod changed under us (ReleasePod ignores it too).
      const released = writePod(ctx, release(pod, owner), ['NotFound', 'Invalid'])
      if (released instanceof Error) result.errors.push(released)
      else if (released) {
        result.wrote = true
        ctx.log(`${who}: released pod ${pod.metadata.name}: its labels no longer match`)
      }
    }
  }
  return result
}

/** The pod's references with this owner as the controller (replacing a plain reference to it, as the patch merges by uid). */
function adopt(pod: Pod, kind: ReplicaOwnerKind, owner: ReplicaOwner): Pod {
  const next = cloneObject(pod)
  const others = (pod.metadata.ownerReferences ?? []).filter((reference) => reference.uid !== owner.uid)
  next.metadata.ownerReferences = [...others, newControllerRef(owner.object, kind.apiVersion)]
  return next
}

/** The pod without this owner's reference. */
function release(pod: Pod, owner: ReplicaOwner): Pod {
  const next = cloneObject(pod)
  const remaining = (pod.metadata.ownerReferences ?? []).filter((reference) => reference.uid !== owner.uid)
  if (remaining.length) next.metadata.ownerReferences = remaining
  else delete next.metadata.ownerReferences
  return next
}

/**
 * Writes the pod with its cached resourceVersion, so a pod changed meanwhile is a Conflict (retried by the
 * queue). Errors with an ignored reason (a pod that is gone is nobody's to claim) give undefined.
 */
function writePod(ctx: ControllerContext, next: Pod, ignored: readonly string[]): Pod | Error | undefined {
  try {
    return ctx.api.update(next) as Pod
  } catch (error) {
    if (error instanceof ApiError && ignored.includes(error.reason)) return undefined
    return error instanceof Error ? error : new Error(String(error))
  }
}

/** Null when the owner may adopt: it still exists with the same uid and is not being deleted. */
function recheckOwner(ctx: ControllerContext, kind: ReplicaOwnerKind, owner: ReplicaOwner): Error | null {
  const fresh = ctx.api.find(mustTypeForKind(kind.kind), owner.namespace, owner.name)
  const name = `${owner.namespace}/${owner.name}`
  if (!fresh || fresh.metadata.uid !== owner.uid)
    return new Error(
      `original ${kind.kind} ${name} is gone: got uid ${fresh?.metadata.uid ?? ''}, wanted ${owner.uid}`,
    )
  if (fresh.metadata.deletionTimestamp)
    return new Error(`${name} has just been deleted at ${fresh.metadata.deletionTimestamp}`)
  return null
}
