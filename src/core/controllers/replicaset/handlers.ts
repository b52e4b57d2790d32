/**
 * Which owner keys a change should wake (k8s@1.28 replica_set.go addPod/updatePod/deletePod and the
 * ReplicaSet handlers). A pod wakes its controller; an orphan wakes every owner whose selector matches it,
 * so one of them can adopt it; a pod whose controllerRef changed also wakes the old controller.
 */
import type {Pod, StoredObject} from '../../api/types.js'
import type {InformerEvent, SharedInformer} from '../../loop/informer.js'
import {keyOf} from '../../loop/informer.js'
import {jsonEqual} from '../../api/object-meta.js'
import {matchesSelector} from '../../api/selectors.js'
import {controllerRefOf} from './controller-ref.js'
import type {ReplicaOwnerKind} from './owner-kind.js'

/** Subscribes to the owner kind and to pods; handlers only enqueue keys. */
export function watchReplicaOwners(
  kind: ReplicaOwnerKind,
  informer: SharedInformer,
  enqueue: (key: string) => void,
): void {
  informer.on(kind.kind, (event) => enqueue(keyOf(event.object)))
  informer.on('Pod', (event) => {
    for (const key of ownerKeysForPodEvent(kind, informer, event)) enqueue(key)
  })
}

/** The owner keys a pod change concerns. */
export function ownerKeysForPodEvent(
  kind: ReplicaOwnerKind,
  informer: SharedInformer,
  event: InformerEvent,
): string[] {
  const pod = event.object as Pod
  const previous = event.previous as Pod | undefined
  if (event.type === 'DELETED') return controllerKey(kind, informer, pod)
  if (event.type === 'ADDED' || !previous) {
    // A pod first seen already terminating only matters to its controller (addPod -> deletePod).
    if (pod.metadata.deletionTimestamp || controllerRefOf(pod)) return controllerKey(kind, informer, pod)
    return matchingOwnerKeys(kind, informer, pod)
  }
  return keysForUpdate(kind, informer, pod, previous)
}

/** updatePod: old and new controllers; for an orphan whose labels or controller changed, every matching owner. */
function keysForUpdate(kind: ReplicaOwnerKind, informer: SharedInformer, pod: Pod, previous: Pod): string[] {
  const labelsChanged = !jsonEqual(pod.metadata.labels ?? {}, previous.metadata.labels ?? {})
  if (pod.metadata.deletionTimestamp) {
    const keys = controllerKey(kind, informer, pod)
    return labelsChanged ? unique([...keys, ...controllerKey(kind, informer, previous)]) : keys
  }
  const reference = controllerRefOf(pod)
  const previousReference = controllerRefOf(previous)
  const referenceChanged = !jsonEqual(reference, previousReference)
  const keys = referenceChanged && previousReference ? controllerKey(kind, informer, previous) : []
  if (reference) return unique([...keys, ...controllerKey(kind, informer, pod)])
  if (labelsChanged || referenceChanged) keys.push(...matchingOwnerKeys(kind, informer, pod))
  return unique(keys)
}

/** resolveControllerRef: the key of the cached owner the pod's controllerRef names (same kind, same uid). */
function controllerKey(kind: ReplicaOwnerKind, informer: SharedInformer, pod: Pod): string[] {
  const reference = controllerRefOf(pod)
  if (reference?.kind !== kind.kind) return []
  const owner = informer.get(kind.kind, pod.metadata.namespace ?? 'default', reference.name)
  return owner && owner.metadata.uid === reference.uid ? [keyOf(owner)] : []
}

/** getPodReplicaSets: owners in the pod's namespace whose (non-empty) selector matches its labels. */
function matchingOwnerKeys(kind: ReplicaOwnerKind, informer: SharedInformer, pod: Pod): string[] {
  return informer
    .list(kind.kind, pod.metadata.namespace ?? 'default')
    .filter((object: StoredObject) => {
      const {selector} = kind.view(object)
      return selector !== undefined && matchesSelector(selector, pod.metadata.labels)
    })
    .map(keyOf)
}

function unique(keys: string[]): string[] {
  return [...new Set(keys)]
}
