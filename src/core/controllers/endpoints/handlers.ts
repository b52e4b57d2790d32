/**
 * Which Service keys a change should wake (k8s@1.28 endpoints_controller.go and
 * pkg/controller/util/endpoint GetServicesToUpdateOnPodChange): a Service wakes itself; a pod wakes the
 * Services whose selector matches it, before and after a label change, and only when something an endpoint
 * shows changed; an Endpoints object wakes its Service, so a deleted or hand-edited one is put back.
 */
import {jsonEqual} from '../../api/object-meta.js'
import {matchesSelector, selectorFromMap} from '../../api/selectors.js'
import type {Pod, Service} from '../../api/types.js'
import {HOST_PORTS_ANNOTATION} from '../../kubelet/host-ports.js'
import type {InformerEvent, SharedInformer} from '../../loop/informer.js'
import {keyOf} from '../../loop/informer.js'
import {isPodReady} from '../replicaset/pod-readiness.js'

/** Subscribes to Services, Endpoints and pods; handlers only enqueue keys. */
export function watchEndpointSources(informer: SharedInformer, enqueue: (key: string) => void): void {
  informer.on('Service', (event) => enqueue(keyOf(event.object)))
  // Kubernetes only hears deletes and relies on its periodic resync to undo edits; Tugboat's informer has
  // no resync, so every change wakes the Service (a sync that finds nothing to change writes nothing).
  informer.on('Endpoints', (event) => enqueue(keyOf(event.object)))
  informer.on('Pod', (event) => {
    for (const key of serviceKeysForPodEvent(informer, event)) enqueue(key)
  })
}

/** The Service keys a pod change concerns. */
export function serviceKeysForPodEvent(informer: SharedInformer, event: InformerEvent): string[] {
  const pod = event.object as Pod
  const previous = event.previous as Pod | undefined
  if (event.type !== 'MODIFIED' || !previous) return selectingServiceKeys(informer, pod)
  if (jsonEqual(endpointFacts(pod), endpointFacts(previous))) return []
  const keys = selectingServiceKeys(informer, pod)
  if (jsonEqual(pod.metadata.labels ?? {}, previous.metadata.labels ?? {})) return keys
  return [...new Set([...keys, ...selectingServiceKeys(informer, previous)])]
}

/** Everything about a pod that its endpoints show (podEndpointsChanged), plus its published ports. */
function endpointFacts(pod: Pod) {
  const spec = pod.spec as Pod['spec'] & {subdomain?: string}
  return {
    labels: pod.metadata.labels ?? {},
    deleting: Boolean(pod.metadata.deletionTimestamp),
    phase: pod.status?.phase,
    ready: isPodReady(pod),
    ips: [pod.status?.podIP ?? '', ...(pod.status?.podIPs ?? []).map((entry) => entry.ip)],
    nodeName: spec.nodeName ?? '',
    hostname: spec.hostname ?? '',
    subdomain: spec.subdomain ?? '',
    hostPorts: pod.metadata.annotations?.[HOST_PORTS_ANNOTATION] ?? '',
  }
}

/** GetPodServiceMemberships: the Services in the pod's namespace with a selector that matches its labels. */
function selectingServiceKeys(informer: SharedInformer, pod: Pod): string[] {
  return (informer.list('Service', pod.metadata.namespace ?? 'default') as Service[])
    .filter((service) => {
      const selector = service.spec.selector
      if (!selector || Object.keys(selector).length === 0) return false
      return matchesSelector(selectorFromMap(selector), pod.metadata.labels)
    })
    .map(keyOf)
}
