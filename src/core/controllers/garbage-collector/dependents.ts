/**
 * The ownership graph, read off the informer's cache: who names an owner, and which keys an informer event
 * asks the garbage collector to look at. Kubernetes keeps the graph as a separate structure (GraphBuilder's
 * uidToNode); Tugboat's clusters are small enough to scan the cache, which can never disagree with itself.
 */
import type {InformerEvent, SharedInformer} from '../../loop/informer.js'
import {keyOf} from '../../loop/informer.js'
import {jsonEqual} from '../../api/object-meta.js'
import type {StoredObject} from '../../api/types.js'
import {isDeletingDependents, isOrphaningDependents, referencesOwner} from './owner-references.js'

/** The queue key of an object for the garbage collector: `Pod/default/web-x7k2p`, `Node/node01`. */
export function gcKey(object: StoredObject): string {
  return `${object.kind}/${keyOf(object)}`
}

/** Splits a key made by gcKey. */
export function splitGcKey(key: string): {kind: string; namespace: string; name: string} {
  const [kind = '', ...rest] = key.split('/')
  const [namespace, name] = rest.length > 1 ? rest : ['', rest[0] ?? '']
  return {kind, namespace: namespace ?? '', name: name ?? ''}
}

/** The cached objects, of the given kinds, that name `uid` as an owner. */
export function dependentsOf(
  informer: SharedInformer,
  kinds: readonly string[],
  uid: string,
): StoredObject[] {
  return kinds.flatMap((kind) => informer.list(kind).filter((object) => referencesOwner(object, uid)))
}

/**
 * The keys an event makes worth a sync (GraphBuilder's processGraphChanges): an object whose owners must be
 * checked, an owner being deleted with a cascade to carry out, the dependents of an object that is gone, and
 * foreground owners that wait for a dependent that just changed or went.
 */
export function keysToSync(
  event: InformerEvent,
  informer: SharedInformer,
  kinds: readonly string[],
): string[] {
  const {object, previous, type} = event
  const keys = new Set<string>()
  if (type !== 'DELETED' && (ownersChanged(object, previous) || cascadeChanged(object, previous)))
    keys.add(gcKey(object))
  if (type === 'DELETED')
    for (const dependent of dependentsOf(informer, kinds, object.metadata.uid)) keys.add(gcKey(dependent))
  const references = [
    ...(previous?.metadata.ownerReferences ?? []),
    ...(object.metadata.ownerReferences ?? []),
  ]
  for (const reference of references) {
    const owner = waitingOwner(
      informer,
      kinds,
      reference.kind,
      object.metadata.namespace ?? '',
      reference.name,
    )
    if (owner?.metadata.uid === reference.uid) keys.add(gcKey(owner))
  }
  return [...keys]
}

/** New, or its owner references changed: its owners need a look. */
function ownersChanged(object: StoredObject, previous: StoredObject | undefined): boolean {
  const now = object.metadata.ownerReferences ?? []
  if (!previous) return now.length > 0
  return !jsonEqual(now, previous.metadata.ownerReferences ?? [])
}

/** Now being deleted with a cascade the collector carries out (orphan or foreground). */
function cascadeChanged(object: StoredObject, previous: StoredObject | undefined): boolean {
  if (!isOrphaningDependents(object) && !isDeletingDependents(object)) return false
  return (
    !previous ||
    previous.metadata.deletionTimestamp !== object.metadata.deletionTimestamp ||
    !jsonEqual(previous.metadata.finalizers ?? [], object.metadata.finalizers ?? [])
  )
}

/** The cached owner with that kind and name, if it is being deleted in the foreground. */
function waitingOwner(
  informer: SharedInformer,
  kinds: readonly string[],
  kind: string,
  namespace: string,
  name: string,
): StoredObject | undefined {
  if (!kinds.includes(kind)) return undefined
  const owner = informer.get(kind, namespace, name) ?? informer.get(kind, '', name)
  return owner && isDeletingDependents(owner) ? owner : undefined
}
