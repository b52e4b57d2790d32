/** What `tug cluster-info` reports: where the state lives and how each node's kubelet is doing. */
import type {ApiServer} from '../api/api-server.js'
import {mustTypeForKind} from '../api/resources.js'
import type {Node} from '../api/types.js'

/** One node's health as its heartbeat shows it. */
export interface NodeHealth {
  name: string
  ready: string
  runtime: string
  heartbeatAgeSeconds?: number
}

/** The cluster's state as stored. */
export interface ClusterInfo {
  database: string
  resourceVersion: number
  nodes: NodeHealth[]
}

/** Reads the nodes and the store's position. */
export function clusterInfo(api: ApiServer): ClusterInfo {
  const now = api.now().getTime()
  const nodes = (api.list(mustTypeForKind('Node')) as Node[]).map((node) => {
    const ready = node.status?.conditions?.find((condition) => condition.type === 'Ready')
    const beat = ready?.lastHeartbeatTime ? Date.parse(ready.lastHeartbeatTime) : undefined
    return {
      name: node.metadata.name ?? '',
      ready: ready?.status === 'True' ? 'Ready' : 'NotReady',
      runtime: node.status?.nodeInfo?.containerRuntimeVersion ?? '<unknown>',
      heartbeatAgeSeconds: beat === undefined ? undefined : Math.max(0, Math.round((now - beat) / 1000)),
    }
  })
  return {database: api.store.location, resourceVersion: api.store.latestResourceVersion(), nodes}
}
