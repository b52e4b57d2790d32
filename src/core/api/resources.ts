/** The resource types Tugboat serves, and how kubectl-style names (po, deploy, deployment.apps) resolve to them. */
import {UserError} from './errors.js'

/** One served resource type, as discovery would describe it. */
export interface ResourceType {
  kind: string
  group: '' | 'apps'
  version: 'v1'
  plural: string
  singular: string
  shortNames: readonly string[]
  namespaced: boolean
}

/** The kinds this API server serves, in kubectl's `get all`-like order. */
export const RESOURCE_TYPES: readonly ResourceType[] = [
  {
    kind: 'Pod',
    group: '',
    version: 'v1',
    plural: 'pods',
    singular: 'pod',
    shortNames: ['po'],
    namespaced: true,
  },
  {
    kind: 'ReplicationController',
    group: '',
    version: 'v1',
    plural: 'replicationcontrollers',
    singular: 'replicationcontroller',
    shortNames: ['rc'],
    namespaced: true,
  },
  {
    kind: 'ReplicaSet',
    group: 'apps',
    version: 'v1',
    plural: 'replicasets',
    singular: 'replicaset',
    shortNames: ['rs'],
    namespaced: true,
  },
  {
    kind: 'Deployment',
    group: 'apps',
    version: 'v1',
    plural: 'deployments',
    singular: 'deployment',
    shortNames: ['deploy'],
    namespaced: true,
  },
  {
    kind: 'Service',
    group: '',
    version: 'v1',
    plural: 'services',
    singular: 'service',
    shortNames: ['svc'],
    namespaced: true,
  },
  {
    // Kubernetes' discovery gives Endpoints no separate singular: `endpoints/web` is its name.
    kind: 'Endpoints',
    group: '',
    version: 'v1',
    plural: 'endpoints',
    singular: 'endpoints',
    shortNames: ['ep'],
    namespaced: true,
  },
  {
    kind: 'Node',
    group: '',
    version: 'v1',
    plural: 'nodes',
    singular: 'node',
    shortNames: ['no'],
    namespaced: false,
  },
  {
    kind: 'Event',
    group: '',
    version: 'v1',
    plural: 'events',
    singular: 'event',
    shortNames: ['ev'],
    namespaced: true,
  },
  {
    kind: 'Namespace',
    group: '',
    version: 'v1',
    plural: 'namespaces',
    singular: 'namespace',
    shortNames: ['ns'],
    namespaced: false,
  },
]

/** `apps/v1` or `v1`. */
export function apiVersionOf(type: ResourceType): string {
  return type.group ? `${type.group}/${type.version}` : type.version
}

/** `deployments.apps` or `pods`: how the API server names a resource in its messages. */
export function qualifiedPlural(type: ResourceType): string {
  return type.group ? `${type.plural}.${type.group}` : type.plural
}

/** `deployment.apps` or `pod`: the prefix of kubectl's name printer. */
export function qualifiedSingular(type: ResourceType): string {
  return type.group ? `${type.singular}.${type.group}` : type.singular
}

/** Finds the type of a kind by its exact name, e.g. for a manifest's `kind:`. */
export function typeForKind(kind: string): ResourceType | undefined {
  return RESOURCE_TYPES.find((type) => type.kind === kind)
}

/** Like typeForKind, for kinds the code itself names: a miss is a bug, not bad input. */
export function mustTypeForKind(kind: string): ResourceType {
  const type = typeForKind(kind)
  if (!type) throw new Error(`internal: unknown kind ${kind}`)
  return type
}

/**
 * Resolves what a user typed as a resource (`po`, `pods`, `Pod`, `deployment.apps`, `deployments.v1.apps`)
 * the way kubectl's RESTMapper does; an unknown name is kubectl's "doesn't have a resource type" error.
 */
export function resolveResourceType(input: string): ResourceType {
  const lowered = input.toLowerCase()
  const [name = '', ...rest] = lowered.split('.')
  const group = rest.length === 0 ? undefined : rest[rest.length - 1] === 'v1' ? '' : rest[rest.length - 1]
  const version = rest.length === 2 ? rest[0] : undefined
  const found = RESOURCE_TYPES.find(
    (type) =>
      (type.plural === name ||
        type.singular === name ||
        type.shortNames.includes(name) ||
        type.kind.toLowerCase() === name) &&
      (group === undefined ||
        type.group === group ||
        (group === '' && rest.length === 1 && type.group === '')) &&
      (version === undefined || type.version === version),
  )
  if (!found) throw new UserError(`the server doesn't have a resource type "${input}"`)
  return found
}
