/**
 * The garbage collector's three writes, each on the live object so a cached copy that lags behind never
 * undoes someone else's change (Kubernetes sends patches for the same reason). Each returns whether it
 * wrote anything.
 */
import type {ApiServer, Cascade} from '../../api/api-server.js'
import {cloneObject} from '../../api/object-meta.js'
import {mustTypeForKind} from '../../api/resources.js'
import type {StoredObject} from '../../api/types.js'

/** Takes the references to the given owner uids out of the object. */
export function removeOwnerReferences(
  api: ApiServer,
  object: StoredObject,
  uids: readonly string[],
): boolean {
  const references = object.metadata.ownerReferences ?? []
  const kept = references.filter((reference) => !uids.includes(reference.uid))
  if (kept.length === references.length) return false
  const next = cloneObject(object)
  if (kept.length) next.metadata.ownerReferences = kept
  else delete next.metadata.ownerReferences
  api.update(next)
  return true
}

/** Takes a finalizer off the object; the API server removes it if that was its last one. */
export function removeFinalizer(api: ApiServer, object: StoredObject, finalizer: string): boolean {
  const finalizers = object.metadata.finalizers ?? []
  if (!finalizers.includes(finalizer)) return false
  const next = cloneObject(object)
  const kept = finalizers.filter((name) => name !== finalizer)
  if (kept.length) next.metadata.finalizers = kept
  else delete next.metadata.finalizers
  api.update(next)
  return true
}

/** Deletes the object with a cascade; a bound pod is only marked Terminating, for its kubelet to finish. */
export function deleteObject(api: ApiServer, object: StoredObject, cascade: Cascade): void {
  const type = mustTypeForKind(object.kind)
  api.delete(type, object.metadata.namespace ?? '', object.metadata.name, {cascade})
}
