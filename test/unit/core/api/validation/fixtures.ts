/** Valid objects of every kind, and a helper that defaults, patches and validates a copy like the API server. */
import {applyDefaults} from '../../../../../src/core/api/defaults/index.js'
import {formatFieldError} from '../../../../../src/core/api/field.js'
import type {
  Deployment,
  KubeObject,
  Namespace,
  Node,
  Pod,
  ReplicaSet,
  ReplicationController,
  Service,
} from '../../../../../src/core/api/types.js'
import {validateObject} from '../../../../../src/core/api/validation/index.js'

/** A one-container pod that passes validation. */
export const validPod = (): Pod => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {name: 'web', namespace: 'default', labels: {app: 'web'}},
  spec: {containers: [{name: 'web', image: 'nginx:1.25', ports: [{containerPort: 80}]}]},
})

const template = (): Deployment['spec']['template'] => ({
  metadata: {labels: {app: 'web'}},
  spec: {containers: [{name: 'web', image: 'nginx:1.25'}]},
})

/** A Deployment with selector app=web. */
export const validDeployment = (): Deployment => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: {name: 'web', namespace: 'default'},
  spec: {replicas: 3, selector: {matchLabels: {app: 'web'}}, template: template()},
})

/** A ReplicaSet with selector app=web. */
export const validReplicaSet = (): ReplicaSet => ({
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  metadata: {name: 'web', namespace: 'default'},
  spec: {replicas: 2, selector: {matchLabels: {app: 'web'}}, template: template()},
})

/** A ReplicationController whose selector defaults from its template. */
export const validReplicationController = (): ReplicationController => ({
  apiVersion: 'v1',
  kind: 'ReplicationController',
  metadata: {name: 'web', namespace: 'default'},
  spec: {replicas: 2, template: template()},
})

/** A ClusterIP Service on port 80. */
export const validService = (): Service => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: {name: 'web', namespace: 'default'},
  spec: {selector: {app: 'web'}, ports: [{port: 80}]},
})

/** A worker node. */
export const validNode = (): Node => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: {name: 'tugboat-worker'},
  spec: {},
})

/** A namespace. */
export const validNamespace = (): Namespace => ({
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: {name: 'team-a'},
})

/** The object after server defaulting (on a copy). */
export function defaulted<T extends KubeObject>(object: T): T {
  const copy = structuredClone(object)
  applyDefaults(copy)
  return copy
}

/**
 * The messages the API server would give for `object` after `patch`: defaults are applied first, as on create.
 * With `old`, the patched object is validated as an update of the defaulted `old`.
 */
export function problems<T extends KubeObject>(
  object: T,
  patch: (object: T) => void = () => {},
  old?: T,
): string[] {
  const copy = structuredClone(object)
  patch(copy)
  applyDefaults(copy)
  return validateObject(copy, old && defaulted(old)).map(formatFieldError)
}

/** Like `problems`, for an update: `patch` changes a copy of the (defaulted) original. */
export function updateProblems<T extends KubeObject>(object: T, patch: (object: T) => void): string[] {
  return problems(defaulted(object), patch, object)
}
