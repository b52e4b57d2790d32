/**
 * Until the scheduler exists, `tug up` runs one node and binds every unbound pod straight to it, recording
 * Kubernetes' `Scheduled` event, so the kubelet (which only runs pods bound to its node) picks them up.
 */
import type {ApiServer} from '../api/api-server.js'
import {newEvent} from '../api/events.js'
import {mustTypeForKind} from '../api/resources.js'
import type {Pod, StoredObject} from '../api/types.js'

const POD = mustTypeForKind('Pod')

/** Binds `pod` to `node` unless it is bound or being deleted; returns the bound pod, or undefined. */
export function bindToNode(api: ApiServer, pod: StoredObject, node: string): StoredObject | undefined {
  const spec = (pod as Pod).spec
  if (spec.nodeName || pod.metadata.deletionTimestamp) return undefined
  const bound = api.update({...pod, spec: {...spec, nodeName: node}})
  const namespace = pod.metadata.namespace ?? 'default'
  api.store.recordEvent(
    newEvent(
      bound,
      {
        type: 'Normal',
        reason: 'Scheduled',
        message: `Successfully assigned ${namespace}/${pod.metadata.name} to ${node}`,
        source: {component: 'default-scheduler'},
      },
      api.now(),
    ),
  )
  return bound
}

/** Binds every unbound pod in the cluster to `node`; returns how many it bound. */
export function bindAllUnbound(api: ApiServer, node: string): number {
  return api.store.transaction(() => api.list(POD).filter((pod) => bindToNode(api, pod, node)).length)
}
