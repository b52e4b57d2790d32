/**
 * Which deployment keys a change should wake (k8s@1.28 deployment_controller.go addReplicaSet,
 * updateReplicaSet, deleteReplicaSet, deletePod): a deployment change wakes itself; a replica set wakes its
 * controlling deployment, or, as an orphan, every deployment whose selector matches its labels (one may adopt
 * it); a deleted pod wakes a Recreate deployment once the last of its pods is gone, the moment it waits for.
 */
import {jsonEqual} from '../../api/object-meta.js'
import {matchesSelector, selectorFromLabelSelector} from '../../api/selectors.js'
import type {Deployment, KubeObject, Pod, ReplicaSet} from '../../api/types.js'
import type {InformerEvent, SharedInformer} from '../../loop/informer.js'
import {keyOf} from '../../loop/informer.js'
import {controllerRefOf} from '../replicaset/controller-ref.js'

/** Subscribes to deployments, replica sets and pods; handlers only enqueue keys. */
export function watchDeployments(informer: SharedInformer, enqueue: (key: string) => void): void {
  informer.on('Deployment', (event) => enqueue(keyOf(event.object)))
  informer.on('ReplicaSet', (event) => {
    for (const key of deploymentKeysForReplicaSetEvent(informer, event)) enqueue(key)
  })
  informer.on('Pod', (event) => {
    if (event.type !== 'DELETED') return
    const key = recreateKeyForDeletedPod(informer, event.object as Pod)
    if (key) enqueue(key)
  })
}

/** The deployment keys a replica set change concerns. */
export function deploymentKeysForReplicaSetEvent(informer: SharedInformer, event: InformerEvent): string[] {
  const rs = event.object as ReplicaSet
  const previous = event.previous as ReplicaSet | undefined
  // A replica set first seen already being deleted only matters to its controller (addReplicaSet).
  if (event.type === 'DELETED' || (event.type === 'ADDED' && rs.metadata.deletionTimestamp))
    return controllerKey(informer, rs)
  if (event.type === 'ADDED' || !previous) {
    return controllerRefOf(rs) ? controllerKey(informer, rs) : matchingDeploymentKeys(informer, rs)
  }
  if (rs.metadata.resourceVersion === previous.metadata.resourceVersion) return []
  const reference = controllerRefOf(rs)
  const referenceChanged = !jsonEqual(reference, controllerRefOf(previous))
  const keys = referenceChanged ? controllerKey(informer, previous) : []
  if (reference) return unique([...keys, ...controllerKey(informer, rs)])
  const labelsChanged = !jsonEqual(rs.metadata.labels ?? {}, previous.metadata.labels ?? {})
  if (labelsChanged || referenceChanged) keys.push(...matchingDeploymentKeys(informer, rs))
  return unique(keys)
}

/**
 * deletePod: the pod's replica set's deployment, when it is a Recreate one and none of its pods is left.
 * The cache has already dropped the pod when handlers run, so counting what remains is enough.
 */
export function recreateKeyForDeletedPod(informer: SharedInformer, pod: Pod): string | undefined {
  const d = deploymentOfPod(informer, pod)
  if (d?.spec.strategy?.type !== 'Recreate') return undefined
  const namespace = d.metadata.namespace ?? 'default'
  const selector = safeSelector(d)
  if (!selector) return undefined
  const owned = new Set(
    informer
      .list('ReplicaSet', namespace)
      .filter(
        (rs) => matchesSelector(selector, rs.metadata.labels) && controllerRefOf(rs)?.uid === d.metadata.uid,
      )
      .map((rs) => rs.metadata.uid),
  )
  const remaining = informer
    .list('Pod', namespace)
    .filter(
      (other) =>
        matchesSelector(selector, other.metadata.labels) && owned.has(controllerRefOf(other)?.uid ?? ''),
    )
  return remaining.length === 0 ? keyOf(d) : undefined
}

/** getDeploymentForPod: pod -> its controlling ReplicaSet -> that one's controlling Deployment. */
function deploymentOfPod(informer: SharedInformer, pod: Pod): Deployment | undefined {
  const reference = controllerRefOf(pod)
  if (reference?.kind !== 'ReplicaSet') return undefined
  const rs = informer.get('ReplicaSet', pod.metadata.namespace ?? 'default', reference.name)
  if (!rs || rs.metadata.uid !== reference.uid) return undefined
  return resolveDeployment(informer, rs)
}

/** resolveControllerRef: the cached Deployment the object's controllerRef names (same name and uid). */
function resolveDeployment(informer: SharedInformer, object: KubeObject): Deployment | undefined {
  const reference = controllerRefOf(object)
  if (reference?.kind !== 'Deployment') return undefined
  const d = informer.get('Deployment', object.metadata.namespace ?? 'default', reference.name)
  return d && d.metadata.uid === reference.uid ? (d as Deployment) : undefined
}

function controllerKey(informer: SharedInformer, rs: ReplicaSet): string[] {
  const d = resolveDeployment(informer, rs)
  return d ? [keyOf(d)] : []
}

/** getDeploymentsForReplicaSet: deployments whose (non-empty, valid) selector matches a labelled replica set. */
function matchingDeploymentKeys(informer: SharedInformer, rs: ReplicaSet): string[] {
  if (Object.keys(rs.metadata.labels ?? {}).length === 0) return []
  return informer
    .list('Deployment', rs.metadata.namespace ?? 'default')
    .filter((object) => {
      const selector = safeSelector(object as Deployment)
      return selector !== undefined && matchesSelector(selector, rs.metadata.labels)
    })
    .map(keyOf)
}

/** The deployment's selector; undefined when empty (it matches nothing) or invalid. */
function safeSelector(d: Deployment): ReturnType<typeof selectorFromLabelSelector> | undefined {
  try {
    const selector = selectorFromLabelSelector(d.spec.selector ?? {})
    return selector.length ? selector : undefined
  } catch {
    return undefined
  }
}

function unique(keys: string[]): string[] {
  return [...new Set(keys)]
}
