/**
 * Names and labels of what the kubelet creates. Names are for people reading `docker ps`
 * (`tug_default_web_app_3f2a9c1e_2`: namespace, pod, container, uid prefix, attempt); labels are what the
 * kubelet itself trusts, so it can find, adopt and clean up its containers after a restart.
 */
import {createHash} from 'node:crypto'
import type {Container, Pod} from '../api/types.js'
import {LABELS, MANAGED_BY} from '../runtime/container-runtime.js'

/** The container-name label value of a pod's infra ("pause") container; no real container name is upper case. */
export const INFRA_CONTAINER = 'POD'

/**
 * The label on an app container naming the attempt of the infra container it joined. podman refuses to remove
 * an infra container while containers that joined its network still exist, so an old infra container goes
 * only once no run of the pod points at it.
 */
export const SANDBOX_LABEL = 'io.tugboat.pod.sandbox'

/** The infra image, as `registry.k8s.io/pause:3.9` is Kubernetes 1.28's. */
export const DEFAULT_INFRA_IMAGE = 'tugboat/pause:3.9'

/** `namespace/name`: the kubelet's work-queue key of a pod. */
export function podKey(namespace: string, name: string): string {
  return `${namespace}/${name}`
}

/** The namespace and name of a pod key. */
export function splitPodKey(key: string): {namespace: string; name: string} {
  const slash = key.indexOf('/')
  return {namespace: key.slice(0, slash), name: key.slice(slash + 1)}
}

/** kubelet's format.Pod: `web-x_default(uid)`, as its messages name a pod. */
export function formatPod(pod: Pod): string {
  return `${pod.metadata.name ?? ''}_${pod.metadata.namespace ?? 'default'}(${pod.metadata.uid ?? ''})`
}

/** The engine's name of one run (`attempt`) of a container of a pod. */
export function runtimeContainerName(pod: Pod, container: string, attempt: number): string {
  const {namespace = 'default', name = '', uid = ''} = pod.metadata
  return `tug_${namespace}_${name}_${container}_${uid.slice(0, 8)}_${attempt}`
}

/** The engine volume behind an emptyDir: `tug_<uid>_<volume>` (neither part contains `_`). */
export function runtimeVolumeName(uid: string, volume: string): string {
  return `tug_${uid}_${volume}`
}

/** The pod uid a runtime volume belongs to, or undefined for a name the kubelet did not make. */
export function volumeOwner(name: string): string | undefined {
  const parts = name.split('_')
  return parts.length === 3 && parts[0] === 'tug' ? parts[1] : undefined
}

/** The labels that identify a pod's containers and volumes on a node. */
export function podLabels(pod: Pod, node: string): Record<string, string> {
  return {
    [LABELS.managedBy]: MANAGED_BY,
    [LABELS.podUid]: pod.metadata.uid ?? '',
    [LABELS.podName]: pod.metadata.name ?? '',
    [LABELS.podNamespace]: pod.metadata.namespace ?? 'default',
    [LABELS.node]: node,
  }
}

/** Every label of one container run. */
export function containerLabels(
  pod: Pod,
  node: string,
  run: {container: string; role: 'infra' | 'app'; hash: string; attempt: number; sandbox?: number},
): Record<string, string> {
  return {
    ...podLabels(pod, node),
    [LABELS.container]: run.container,
    [LABELS.role]: run.role,
    [LABELS.specHash]: run.hash,
    [LABELS.attempt]: String(run.attempt),
    ...(run.sandbox === undefined ? {} : {[SANDBOX_LABEL]: String(run.sandbox)}),
  }
}

/** A short hash of a container's spec: a changed spec (a new image) means a new container. */
export function specHash(container: Container): string {
  return createHash('sha256').update(stableJson(container)).digest('hex').slice(0, 8)
}

/** The crash back-off key, kubelet's getStableKey: a changed spec starts its back-off afresh. */
export function crashBackoffKey(pod: Pod, container: Container): string {
  const {namespace = 'default', name = '', uid = ''} = pod.metadata
  return `${name}_${namespace}_${uid}_${container.name}_${specHash(container)}`
}

/** The image pull back-off key, as the image manager's `<uid>_<image>`. */
export function pullBackoffKey(pod: Pod, image: string): string {
  return `${pod.metadata.uid ?? ''}_${image}`
}

/** JSON with sorted keys, so the same spec always hashes the same. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}
