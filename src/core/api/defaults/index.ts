/**
 * Server-side defaulting, the step between decoding and validation: fills what a manifest left out, the way
 * the API server does for each kind (k8s@1.28 pkg/apis/core/v1/defaults.go, pkg/apis/apps/v1/defaults.go).
 */
import type {
  Deployment,
  KubeObject,
  Namespace,
  Pod,
  ReplicaSet,
  ReplicationController,
  Service,
} from '../types.js'
import {isRecord} from '../validation/shape.js'
import {defaultDeployment, defaultReplicaSet, defaultReplicationController} from './controllers.js'
import {defaultEndpoints} from './endpoints.js'
import {defaultNamespace} from './namespace.js'
import {defaultPod} from './pod.js'
import {defaultService} from './service.js'

const BY_KIND: Readonly<Record<string, (object: KubeObject) => void>> = {
  Pod: (object) => defaultPod(object as Pod),
  ReplicaSet: (object) => defaultReplicaSet(object as ReplicaSet),
  ReplicationController: (object) => defaultReplicationController(object as ReplicationController),
  Deployment: (object) => defaultDeployment(object as Deployment),
  Service: (object) => defaultService(object as Service),
  Endpoints: (object) => defaultEndpoints(object),
  Namespace: (object) => defaultNamespace(object as Namespace),
  // A Node keeps what its kubelet registers; the API server adds nothing users would see.
  Node: (object) => {
    if (!isRecord(object.spec)) object.spec = {}
  },
}

/** Mutates `object` (the caller passes a copy) with the API server's defaults for its kind. */
export function applyDefaults(object: KubeObject): void {
  if (!isRecord(object.metadata)) object.metadata = {}
  const apply = Object.hasOwn(BY_KIND, object.kind) ? BY_KIND[object.kind] : undefined
  apply?.(object)
}
