/** Objects the edit tests start from, valid for the API server. */
import type {ApiServer} from '../../../../src/core/api/api-server.js'
import {mustTypeForKind} from '../../../../src/core/api/resources.js'
import type {KubeObject} from '../../../../src/core/api/types.js'
import type {ResourceRequest} from '../../../../src/core/edits/targets.js'

/** A pod with an nginx container and a busybox sidecar. */
export function pod(
  name: string,
  labels: Record<string, string> = {app: 'web'},
  annotations?: Record<string, string>,
): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {name, labels, annotations},
    spec: {
      initContainers: [{name: 'init', image: 'busybox'}],
      containers: [
        {name: 'nginx', image: 'nginx:1.24'},
        {name: 'side', image: 'busybox'},
      ],
    },
  }
}

/** A workload (Deployment, ReplicaSet or ReplicationController) running nginx. */
export function workload(
  kind: 'Deployment' | 'ReplicaSet' | 'ReplicationController',
  name: string,
  replicas = 2,
): KubeObject {
  const labels = {app: name}
  const template = {metadata: {labels}, spec: {containers: [{name: 'nginx', image: 'nginx:1.24'}]}}
  const selector = kind === 'ReplicationController' ? labels : {matchLabels: labels}
  const spec = {replicas, selector, template}
  return {
    apiVersion: kind === 'ReplicationController' ? 'v1' : 'apps/v1',
    kind,
    metadata: {name, labels},
    spec,
  }
}

/** Creates the objects. */
export function seed(api: ApiServer, ...objects: KubeObject[]): void {
  for (const object of objects) api.create(object)
}

/** What scale and set image act on: deployment web, replica set rs, replication controller rc, pod solo. */
export function seedWorkloads(api: ApiServer): void {
  seed(
    api,
    workload('Deployment', 'web'),
    workload('ReplicaSet', 'rs'),
    workload('ReplicationController', 'rc'),
    pod('solo'),
  )
}

/** `pod web` as the command line would name it. */
export function named(kind: string, ...names: string[]): ResourceRequest {
  return {type: mustTypeForKind(kind), names}
}
