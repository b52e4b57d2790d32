/**
 * Deployments and their ReplicaSets built by hand, in the shape the deployment controller writes them:
 * RS `<deploy>-<hash>` with the pod-template-hash label, revision annotations and a controller reference.
 */
import type {ApiServer} from '../../src/core/api/api-server.js'
import {mustTypeForKind} from '../../src/core/api/resources.js'
import type {Deployment, ReplicaSet, StoredObject} from '../../src/core/api/types.js'

const DEPLOYMENT = mustTypeForKind('Deployment')

/** A Deployment `name` of `replicas` pods running one `web` container of `image`. */
export function deploymentOf(name: string, image: string, replicas = 3): Deployment {
  const labels = {app: name}
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {name, namespace: 'default', labels},
    spec: {
      replicas,
      selector: {matchLabels: labels},
      template: {metadata: {labels}, spec: {containers: [{name: 'web', image}]}},
    },
  }
}

/** What a ReplicaSet of a revision looks like. */
export interface RevisionOptions {
  revision: number
  image: string
  hash: string
  replicas?: number
  changeCause?: string
  status?: ReplicaSet['status']
  /** Extra annotations, as the controller copies them from the Deployment. */
  annotations?: Record<string, string>
}

/** The ReplicaSet the deployment controller would have made for one revision of `deployment`. */
export function replicaSetOf(deployment: StoredObject & Deployment, options: RevisionOptions): ReplicaSet {
  const name = deployment.metadata.name
  const labels = {...deployment.spec.template.metadata?.labels, 'pod-template-hash': options.hash}
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `${name}-${options.hash}`,
      namespace: deployment.metadata.namespace,
      labels,
      annotations: {
        ...options.annotations,
        'deployment.kubernetes.io/revision': String(options.revision),
        ...(options.changeCause ? {'kubernetes.io/change-cause': options.changeCause} : {}),
      },
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          name,
          uid: deployment.metadata.uid,
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: {
      replicas: options.replicas ?? 0,
      selector: {matchLabels: {...labels}},
      template: {metadata: {labels}, spec: {containers: [{name: 'web', image: options.image}]}},
    },
  }
}

/**
 * Creates `deployment` and one ReplicaSet per revision (each with its status, if given), then sets the
 * Deployment's revision annotation to the highest revision and `status` as the controller would.
 */
export function seedRollout(
  api: ApiServer,
  deployment: Deployment,
  revisions: readonly RevisionOptions[],
  status: Deployment['status'] = {},
): StoredObject & Deployment {
  const created = api.create(deployment) as StoredObject & Deployment
  for (const options of revisions) {
    const rs = api.create(replicaSetOf(created, options))
    if (options.status) api.update({...rs, status: options.status}, {subresource: 'status'})
  }
  const latest = Math.max(0, ...revisions.map(({revision}) => revision))
  let current = api.get(DEPLOYMENT, 'default', created.metadata.name) as StoredObject & Deployment
  if (latest > 0) {
    current = api.update({
      ...current,
      metadata: {
        ...current.metadata,
        annotations: {...current.metadata.annotations, 'deployment.kubernetes.io/revision': String(latest)},
      },
    }) as StoredObject & Deployment
  }
  const observed = {observedGeneration: current.metadata.generation, ...status}
  return api.update({...current, status: observed}, {subresource: 'status'}) as StoredObject & Deployment
}
