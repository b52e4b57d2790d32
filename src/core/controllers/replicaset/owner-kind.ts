/**
 * The two kinds one replica controller serves. Kubernetes runs a single ReplicaSet controller for both and
 * converts a ReplicationController to a ReplicaSet on the way in (k8s@1.28 pkg/controller/replication,
 * "as if ReplicationController were just an older API version of ReplicaSet"); this adapter is that
 * conversion: it reads either kind as a ReplicaOwner with a parsed selector, a template and counts.
 */
import {UserError} from '../../api/errors.js'
import type {Selector} from '../../api/selectors.js'
import {isEverything, selectorFromLabelSelector, selectorFromMap} from '../../api/selectors.js'
import type {
  PodTemplateSpec,
  ReplicaSet,
  ReplicaStatus,
  ReplicationController,
  StoredObject,
} from '../../api/types.js'

/** One ReplicaSet or ReplicationController, read the same way. */
export interface ReplicaOwner {
  object: StoredObject
  namespace: string
  name: string
  uid: string
  /** Which pods it selects; undefined selects none (an empty or unusable selector). */
  selector: Selector | undefined
  /** Why the selector is unusable, when it is. */
  selectorProblem?: string
  template: PodTemplateSpec | undefined
  replicas: number
  minReadySeconds: number
  status: ReplicaStatus
  /** metadata.deletionTimestamp is set. */
  deleting: boolean
}

/** What differs between the two kinds: names, the event source, and how the selector is read. */
export interface ReplicaOwnerKind {
  kind: 'ReplicaSet' | 'ReplicationController'
  apiVersion: 'apps/v1' | 'v1'
  /** The event source and controller name, as Kubernetes names them. */
  component: 'replicaset-controller' | 'replication-controller'
  /** The narration prefix: `replicaset/web`. */
  noun: 'replicaset' | 'replicationcontroller'
  /** Reads a cached object of this kind. */
  view(object: StoredObject): ReplicaOwner
}

/** apps/v1 ReplicaSet: a required LabelSelector (matchLabels + matchExpressions). */
export const REPLICA_SET_KIND: ReplicaOwnerKind = {
  kind: 'ReplicaSet',
  apiVersion: 'apps/v1',
  component: 'replicaset-controller',
  noun: 'replicaset',
  view(object) {
    const rs = object as ReplicaSet
    const parsed = parseSelector(() => selectorFromLabelSelector(rs.spec.selector ?? {}))
    return ownerView(object, parsed, rs.spec.template, rs.spec, rs.status)
  },
}

/** v1 ReplicationController: an equality map that defaults to the template's labels. */
export const REPLICATION_CONTROLLER_KIND: ReplicaOwnerKind = {
  kind: 'ReplicationController',
  apiVersion: 'v1',
  component: 'replication-controller',
  noun: 'replicationcontroller',
  view(object) {
    const rc = object as ReplicationController
    const template = rc.spec.template
    const map = rc.spec.selector && Object.keys(rc.spec.selector).length > 0 ? rc.spec.selector : undefined
    // The API server defaults an empty selector to the template's labels; read it the same way regardless.
    const parsed = parseSelector(() => selectorFromMap(map ?? template?.metadata?.labels ?? {}))
    return ownerView(object, parsed, template, rc.spec, rc.status)
  },
}

/** `replicaset/web`, or `replicaset/team/web` outside the default namespace. */
export function ownerName(kind: ReplicaOwnerKind, owner: ReplicaOwner): string {
  const namespace = owner.namespace === 'default' ? '' : `${owner.namespace}/`
  return `${kind.noun}/${namespace}${owner.name}`
}

function ownerView(
  object: StoredObject,
  parsed: {selector?: Selector; problem?: string},
  template: PodTemplateSpec | undefined,
  spec: {replicas?: number; minReadySeconds?: number},
  status: ReplicaStatus | undefined,
): ReplicaOwner {
  return {
    object,
    namespace: object.metadata.namespace ?? 'default',
    name: object.metadata.name,
    uid: object.metadata.uid,
    selector: parsed.selector,
    ...(parsed.problem ? {selectorProblem: parsed.problem} : {}),
    template,
    replicas: spec.replicas ?? 1,
    minReadySeconds: spec.minReadySeconds ?? 0,
    status: status ?? {},
    deleting: Boolean(object.metadata.deletionTimestamp),
  }
}

/**
 * An empty selector selects nothing here: Kubernetes' getPodReplicaSets says "a ReplicaSet with a nil or
 * empty selector ... should match nothing, not everything", and validation never lets one be stored.
 */
function parseSelector(parse: () => Selector): {selector?: Selector; problem?: string} {
  try {
    const selector = parse()
    return isEverything(selector) ? {problem: 'its selector is empty'} : {selector}
  } catch (error) {
    if (error instanceof UserError) return {problem: `its selector is invalid: ${error.message}`}
    throw error
  }
}
