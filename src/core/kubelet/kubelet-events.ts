/**
 * The kubelet's events, with Kubernetes 1.28's reasons and texts (reference §8; k8s@1.28 pkg/kubelet/events,
 * images/image_manager.go, kuberuntime/kuberuntime_container.go, prober/prober.go). Container events carry
 * the fieldPath `spec.containers{web}`, as kubectl describe shows them.
 */
import type {ApiServer} from '../api/api-server.js'
import {newEvent} from '../api/events.js'
import type {Pod, StoredObject} from '../api/types.js'
import {formatGoDuration} from './go-duration.js'
import {formatPod} from './naming.js'
import type {ProbeKind} from './probes.js'

/** An event before it is tied to a pod. */
export interface KubeletEvent {
  type: 'Normal' | 'Warning'
  reason: string
  message: string
}

/** Records an event about a pod, or one of its containers. */
export type RecordEvent = (pod: Pod, event: KubeletEvent, container?: string) => void

/** A recorder that writes through the API server's store, as `kubelet` on `node`. */
export function apiEventRecorder(api: ApiServer, node: string, now: () => number): RecordEvent {
  return (pod, event, container) => {
    const source = {component: 'kubelet', host: node}
    const fieldPath = container ? `spec.containers{${container}}` : undefined
    api.store.recordEvent(
      newEvent(pod as StoredObject, {...event, source, ...(fieldPath ? {fieldPath} : {})}, new Date(now())),
    )
  }
}

const normal = (reason: string, message: string): KubeletEvent => ({type: 'Normal', reason, message})
const warning = (reason: string, message: string): KubeletEvent => ({type: 'Warning', reason, message})

/** Kubernetes' kubelet events. */
export const kubeletEvents = {
  pulling: (image: string) => normal('Pulling', `Pulling image "${image}"`),
  pulled: (image: string, pullMs: number, totalMs: number) =>
    normal(
      'Pulled',
      `Successfully pulled image "${image}" in ${formatGoDuration(pullMs)} (${formatGoDuration(totalMs)} including waiting)`,
    ),
  alreadyPresent: (image: string) =>
    normal('Pulled', `Container image "${image}" already present on machine`),
  failedPull: (image: string, error: string) =>
    warning('Failed', `Failed to pull image "${image}": ${error}`),
  pullBackOff: (image: string) => normal('BackOff', `Back-off pulling image "${image}"`),
  neverPull: (image: string) =>
    warning('ErrImageNeverPull', `Container image "${image}" is not present with pull policy of Never`),
  /** `Error: ErrImagePull`, `Error: <runtime error>`: the start of a container failed. */
  failed: (what: string) => warning('Failed', `Error: ${what}`),
  created: (container: string) => normal('Created', `Created container ${container}`),
  started: (container: string) => normal('Started', `Started container ${container}`),
  killing: (message: string) => normal('Killing', message),
  backOff: (container: string, pod: Pod) =>
    warning('BackOff', `Back-off restarting failed container ${container} in pod ${formatPod(pod)}`),
  unhealthy: (kind: ProbeKind, output: string) =>
    warning('Unhealthy', `${kind[0]?.toUpperCase() ?? ''}${kind.slice(1)} probe failed: ${output}`),
  sandboxChanged: () => normal('SandboxChanged', 'Pod sandbox changed, it will be killed and re-created.'),
  failedSandbox: (error: string) =>
    warning('FailedCreatePodSandBox', `Failed to create pod sandbox: ${error}`),
}
