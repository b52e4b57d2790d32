/**
 * The garbage collector (kubectl delete's cascades, reference §5.5; k8s@1.28 pkg/controller/garbagecollector).
 * The API server only records how an owner is deleted; this controller finishes the job:
 * - background: the owner is gone at once; each dependent whose every owner is gone is deleted in turn
 *   (Deployment -> ReplicaSets -> pods), and a dependent that keeps another owner only loses the dead reference;
 * - orphan: the owner's dependents lose their reference to it, then the `orphan` finalizer comes off and the
 *   owner goes;
 * - foreground: the dependents are deleted (in the foreground too if they own objects), and the
 *   `foregroundDeletion` finalizer comes off once no dependent with blockOwnerDeletion is left. Terminating
 *   pods count until their kubelet has stopped them.
 * The cache says what to look at; each decision re-reads the object and its owners through the API server
 * inside one transaction, as Kubernetes' collector checks owners with a live GET before it deletes anything.
 */
import {FINALIZER_FOREGROUND, FINALIZER_ORPHAN} from '../../api/api-server.js'
import {namespacedName} from '../../api/object-meta.js'
import {mustTypeForKind, RESOURCE_TYPES, typeForKind} from '../../api/resources.js'
import type {StoredObject} from '../../api/types.js'
import type {Controller, ControllerContext} from '../controller.js'
import type {DependentDecision} from './decide.js'
import {decideDependent} from './decide.js'
import {dependentsOf, keysToSync, splitGcKey} from './dependents.js'
import type {OwnerLookup} from './owner-references.js'
import {
  classifyReferences,
  describeOwner,
  isDeletingDependents,
  isOrphaningDependents,
  referencesOwner,
} from './owner-references.js'
import {deleteObject, removeFinalizer, removeOwnerReferences} from './writes.js'

/** The kinds the collector watches by default: every kind the API server serves except events. */
export const GARBAGE_COLLECTOR_KINDS: readonly string[] = RESOURCE_TYPES.filter(
  (type) => type.kind !== 'Event',
).map((type) => type.kind)

/** The garbage collector over the given kinds (the informer caches them once it is subscribed). */
export function garbageCollector(
  ctx: ControllerContext,
  kinds: readonly string[] = GARBAGE_COLLECTOR_KINDS,
): Controller {
  const collector = new Collector(ctx, kinds)
  return {
    name: 'garbage-collector',
    watch(informer, enqueue) {
      for (const kind of kinds)
        informer.on(kind, (event) => keysToSync(event, informer, kinds).forEach((key) => enqueue(key)))
    },
    sync: (key) => collector.sync(key),
  }
}

class Collector {
  /** How many blocking dependents each foreground owner waited for last, so the wait is told once per change. */
  private readonly waitingFor = new Map<string, number>()

  constructor(
    private readonly ctx: ControllerContext,
    private readonly kinds: readonly string[],
  ) {}

  sync(key: string): void {
    const {kind, namespace, name} = splitGcKey(key)
    const type = typeForKind(kind)
    if (!type) return
    // The dependents come from the cache: bring it up to this moment first.
    this.ctx.informer.pump()
    const notes: string[] = []
    this.ctx.api.store.transaction(() => {
      const live = this.ctx.api.find(type, namespace, name)
      if (!live) return
      if (isOrphaningDependents(live)) this.orphanDependents(live, notes)
      else if (isDeletingDependents(live)) this.deleteDependents(live, notes)
      else if (!live.metadata.deletionTimestamp && live.metadata.ownerReferences?.length)
        this.attemptToDelete(live, notes)
    })
    for (const note of notes) this.ctx.log(note)
    if (notes.length) this.ctx.informer.pump()
  }

  /** A dependent: delete it or drop dead references, as decideDependent says. */
  private attemptToDelete(dependent: StoredObject, notes: string[]): void {
    const decision = decideDependent(classifyReferences(dependent, this.lookupOwner), {
      finalizers: dependent.metadata.finalizers ?? [],
      hasDependents: dependentsOf(this.ctx.informer, this.kinds, dependent.metadata.uid).length > 0,
    })
    if (decision.action === 'keep') return
    if (decision.action === 'remove-references') {
      removeOwnerReferences(
        this.ctx.api,
        dependent,
        decision.references.map((reference) => reference.uid),
      )
    } else deleteObject(this.ctx.api, dependent, decision.cascade)
    notes.push(narrateDecision(dependent, decision))
  }

  /** An owner deleted with --cascade=orphan: free its dependents, then let it go. */
  private orphanDependents(owner: StoredObject, notes: string[]): void {
    let orphaned = 0
    for (const dependent of this.liveDependents(owner)) {
      if (removeOwnerReferences(this.ctx.api, dependent, [owner.metadata.uid])) orphaned++
    }
    removeFinalizer(this.ctx.api, owner, FINALIZER_ORPHAN)
    notes.push(
      `${label(owner)}: orphaned ${orphaned} dependent(s), removing the ${FINALIZER_ORPHAN} finalizer`,
    )
  }

  /** An owner deleted with --cascade=foreground: delete its dependents, and let it go once none blocks it. */
  private deleteDependents(owner: StoredObject, notes: string[]): void {
    const uid = owner.metadata.uid
    for (const dependent of this.liveDependents(owner)) {
      if (!dependent.metadata.deletionTimestamp) this.attemptToDelete(dependent, notes)
    }
    const blocking = this.liveDependents(owner).filter((d) => referencesOwner(d, uid)?.blockOwnerDeletion)
    if (blocking.length) {
      if (this.waitingFor.get(uid) !== blocking.length) {
        notes.push(`${label(owner)}: waiting for ${blocking.length} dependent(s) to go: ${listed(blocking)}`)
      }
      this.waitingFor.set(uid, blocking.length)
      return
    }
    this.waitingFor.delete(uid)
    const live = this.ctx.api.find(
      mustTypeForKind(owner.kind),
      owner.metadata.namespace ?? '',
      owner.metadata.name,
    )
    if (live?.metadata.uid !== uid) return
    removeFinalizer(this.ctx.api, live, FINALIZER_FOREGROUND)
    notes.push(
      `${label(owner)}: no dependent blocks its deletion now, removing the ${FINALIZER_FOREGROUND} finalizer`,
    )
  }

  /** The owner's dependents as they are now (the cache names them; each is re-read). */
  private liveDependents(owner: StoredObject): StoredObject[] {
    const uid = owner.metadata.uid
    return dependentsOf(this.ctx.informer, this.kinds, uid).flatMap((cached) => {
      const {namespace = '', name} = cached.metadata
      const live = this.ctx.api.find(mustTypeForKind(cached.kind), namespace, name)
      return live?.metadata.uid === cached.metadata.uid && referencesOwner(live, uid) ? [live] : []
    })
  }

  /** The owner a reference names, live; owners of kinds Tugboat does not serve cannot be checked. */
  private readonly lookupOwner: OwnerLookup = (reference, namespace) => {
    const type = typeForKind(reference.kind)
    if (!type) return 'unresolvable'
    // A namespaced owner cannot own a cluster-scoped object: Kubernetes treats the reference as dangling.
    if (type.namespaced && !namespace) return undefined
    return this.ctx.api.find(type, type.namespaced ? namespace : '', reference.name)
  }
}

/** "pod default/web-x7k2p: its owner replicaset/web (uid …) is gone, deleting". */
function narrateDecision(
  dependent: StoredObject,
  decision: Exclude<DependentDecision, {action: 'keep'}>,
): string {
  if (decision.action === 'remove-references') {
    const owners = decision.references.map(describeOwner).join(', ')
    return `${label(dependent)}: removing its reference to ${owners}, gone or being deleted (other owners remain)`
  }
  const owners = decision.owners.map(describeOwner).join(', ')
  const how =
    decision.because === 'owner-waiting' && decision.cascade === 'foreground'
      ? 'deleting it in the foreground too (it owns objects itself)'
      : {
          background: 'deleting',
          foreground: 'deleting in the foreground',
          orphan: 'deleting, orphaning its dependents',
        }[decision.cascade]
  if (decision.because === 'owner-waiting')
    return `${label(dependent)}: its owner ${owners} is being deleted in the foreground, ${how}`
  const subject = decision.owners.length > 1 ? `its owners ${owners} are` : `its owner ${owners} is`
  return `${label(dependent)}: ${subject} gone, ${how}`
}

/** The first few objects by label, then how many more: a scaled-up ReplicaSet should not flood the log. */
function listed(objects: readonly StoredObject[]): string {
  const shown = objects.slice(0, 5).map(label).join(', ')
  return objects.length > 5 ? `${shown} and ${objects.length - 5} more` : shown
}

/** `pod default/web-x7k2p`, `node node01`. */
function label(object: StoredObject): string {
  return `${object.kind.toLowerCase()} ${namespacedName(object)}`
}
