/** The two kinds this controller reads and writes, as the informer's cache and the API server return them. */
import type {Deployment, ReplicaSet, StoredObject} from '../../api/types.js'

/** A stored Deployment: identity and bookkeeping set. */
export type StoredDeployment = Deployment & StoredObject

/** A stored ReplicaSet: identity and bookkeeping set. */
export type StoredReplicaSet = ReplicaSet & StoredObject

/** `deployment/web`, or `deployment/team/web` outside the default namespace: the narration prefix. */
export function deploymentName(d: Deployment): string {
  const namespace = d.metadata.namespace ?? 'default'
  return `deployment/${namespace === 'default' ? '' : `${namespace}/`}${d.metadata.name ?? ''}`
}
