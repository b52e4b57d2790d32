/**
 * What became of the owners an object names, sorted the way Kubernetes' garbage collector sorts them
 * (k8s@1.28 pkg/controller/garbagecollector/garbagecollector.go classifyReferences): an owner that exists is
 * "solid", one that is gone (or exists under the same name with another uid) is "dangling", and one being
 * deleted in the foreground is waiting for its dependents to go.
 */
import {FINALIZER_FOREGROUND, FINALIZER_ORPHAN} from '../../api/api-server.js'
import type {OwnerReference, StoredObject} from '../../api/types.js'

/** An object's owner references, by what became of each owner. */
export interface ClassifiedReferences {
  solid: OwnerReference[]
  dangling: OwnerReference[]
  /** Owners being deleted in the foreground: they keep their finalizer until this dependent is gone. */
  waiting: OwnerReference[]
}

/**
 * Finds the owner a reference names in the dependent's namespace; undefined when it is gone, 'unresolvable'
 * for a kind this API server does not serve (kept as solid: Kubernetes cannot map it either and never
 * deletes the dependent).
 */
export type OwnerLookup = (
  reference: OwnerReference,
  namespace: string,
) => StoredObject | undefined | 'unresolvable'

/** Sorts the dependent's references by their owners' fate. */
export function classifyReferences(dependent: StoredObject, lookup: OwnerLookup): ClassifiedReferences {
  const classified: ClassifiedReferences = {solid: [], dangling: [], waiting: []}
  for (const reference of dependent.metadata.ownerReferences ?? []) {
    const owner = lookup(reference, dependent.metadata.namespace ?? '')
    if (owner === 'unresolvable') classified.solid.push(reference)
    else if (!owner || owner.metadata.uid !== reference.uid) classified.dangling.push(reference)
    else if (isDeletingDependents(owner)) classified.waiting.push(reference)
    else classified.solid.push(reference)
  }
  return classified
}

/** Being deleted in the foreground: deletionTimestamp set and the foregroundDeletion finalizer on. */
export function isDeletingDependents(object: StoredObject): boolean {
  return hasFinalizer(object, FINALIZER_FOREGROUND) && Boolean(object.metadata.deletionTimestamp)
}

/** Being deleted with its dependents orphaned: deletionTimestamp set and the orphan finalizer on. */
export function isOrphaningDependents(object: StoredObject): boolean {
  return hasFinalizer(object, FINALIZER_ORPHAN) && Boolean(object.metadata.deletionTimestamp)
}

/** Whether the object carries a finalizer. */
export function hasFinalizer(object: StoredObject, finalizer: string): boolean {
  return object.metadata.finalizers?.includes(finalizer) ?? false
}

/** Whether the object names `uid` among its owners. */
export function referencesOwner(object: StoredObject, uid: string): OwnerReference | undefined {
  return object.metadata.ownerReferences?.find((reference) => reference.uid === uid)
}

/** `replicaset/web (uid 1234…)`, as the narration names an owner. */
export function describeOwner(reference: OwnerReference): string {
  return `${reference.kind.toLowerCase()}/${reference.name} (uid ${reference.uid})`
}
