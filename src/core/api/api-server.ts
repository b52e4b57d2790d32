/**
 * The "API server": every write goes through here. It fills in defaults, validates, assigns identity
 * (uid, creationTimestamp, generation), rejects stale writes with a Conflict, and leaves the change log to the
 * store. It is synchronous so a caller can wrap several writes in one store transaction.
 */
import {applyDefaults} from './defaults/index.js'
import {alreadyExists, ApiError, conflict, InvalidError, notFound} from './errors.js'
import {unknownFields} from './schema/unknown-fields.js'
import {nameFromGenerateName} from './names.js'
import {cloneObject, jsonEqual, keyFor, timestamp} from './object-meta.js'
import {initialStatus} from './initial-status.js'
import type {ResourceType} from './resources.js'
import {qualifiedPlural, RESOURCE_TYPES} from './resources.js'
import type {Selector} from './selectors.js'
import {matchesSelector} from './selectors.js'
import type {Store} from './store.js'
import type {KubeObject, Service, StoredObject} from './types.js'
import {allocateServiceAddresses} from './service-allocation.js'
import {validateObject} from './validation/index.js'
import {resolveManifestType} from './manifest-type.js'

/** What the API server needs from the outside world; tests pass fixed ones. */
export interface ApiServerOptions {
  now: () => Date
  newUid: () => string
  random: () => number
}

/** How dependents are treated when their owner is deleted (kubectl's --cascade). */
export type Cascade = 'background' | 'foreground' | 'orphan'

/** Options of a delete. */
export interface DeleteOptions {
  cascade?: Cascade
  gracePeriodSeconds?: number
  dryRun?: boolean
}

/** The outcome of a delete: gone now, or marked and left for the garbage collector or kubelet. */
export interface DeleteResult {
  object: StoredObject
  pending: boolean
}

/** Filters of a list. */
export interface ListOptions {
  namespace?: string
  selector?: Selector
}

/** Finalizers with which the API server hands a cascading delete to the garbage collector. */
export const FINALIZER_ORPHAN = 'orphan'
export const FINALIZER_FOREGROUND = 'foregroundDeletion'

/** The in-process API server over a store. */
export class ApiServer {
  constructor(
    readonly store: Store,
    private readonly options: ApiServerOptions,
  ) {}

  /** The current time, as the API server stamps it. */
  now(): Date {
    return this.options.now()
  }

  /** Reads one object; NotFound when absent. */
  get(type: ResourceType, namespace: string, name: string): StoredObject {
    const object = this.store.get(keyFor(type, namespace, name))
    if (!object) throw notFound(qualifiedPlural(type), name)
    return object
  }

  /** Reads one object, or undefined. */
  find(type: ResourceType, namespace: string, name: string): StoredObject | undefined {
    return this.store.get(keyFor(type, namespace, name))
  }

  /** Lists objects of a type, optionally in one namespace and matching a label selector. */
  list(type: ResourceType, options: ListOptions = {}): StoredObject[] {
    const objects = this.store.list(type.kind, type.namespaced ? options.namespace : undefined)
    const selector = options.selector
    return selector ? objects.filter((object) => matchesSelector(selector, object.metadata.labels)) : objects
  }

  /** Creates an object; with dryRun it is defaulted and validated but not stored. */
  create(input: KubeObject, options: {namespace?: string; dryRun?: boolean} = {}): StoredObject {
    const type = resolveManifestType(input)
    const object = this.prepareForCreate(type, input, options.namespace ?? 'default')
    return this.store.transaction(() => {
      const {namespace = '', name = ''} = object.metadata
      if (type.namespaced) this.requireNamespace(namespace)
      if (this.store.get(keyFor(type, namespace, name))) throw alreadyExists(qualifiedPlural(type), name)
      if (type.kind === 'Service') this.allocateService(object as Service, undefined)
      if (options.dryRun)
        return {...object, metadata: {...object.metadata, resourceVersion: ''}} as StoredObject
      return this.store.put('ADDED', object)
    })
  }

  /**
   * Replaces an object's spec and metadata (status with `subresource: 'status'`). A resourceVersion in the
   * input must match the stored one, else Conflict. A write that changes nothing stores nothing.
   */
  update(input: KubeObject, options: {subresource?: 'status'; dryRun?: boolean} = {}): StoredObject {
    return this.updateWithOutcome(input, options).object
  }

  /** update, also telling whether anything changed (apply's `configured` versus `unchanged`). */
  updateWithOutcome(
    input: KubeObject,
    options: {subresource?: 'status'; dryRun?: boolean} = {},
  ): {object: StoredObject; changed: boolean} {
    const type = resolveManifestType(input)
    return this.store.transaction(() => {
      const namespace = type.namespaced ? (input.metadata.namespace ?? 'default') : ''
      const live = this.get(type, namespace, input.metadata.name ?? '')
      const expected = input.metadata.resourceVersion
      if (expected && expected !== live.metadata.resourceVersion)
        throw conflict(qualifiedPlural(type), live.metadata.name)
      if (options.subresource !== 'status') rejectUnknownFields(type, input)
      const next =
        options.subresource === 'status' ? statusUpdate(type, live, input) : this.mergeForUpdate(live, input)
      if (options.subresource !== 'status') {
        applyDefaults(next)
        const errors = validateObject(next, live)
        if (errors.length) throw new InvalidError(type.kind, live.metadata.name, errors)
      }
      if (type.kind === 'Service' && options.subresource !== 'status')
        this.allocateService(next as Service, live as Service)
      // A status write never moves generation: observedGeneration must be able to catch up with it.
      if (options.subresource !== 'status') next.metadata.generation = nextGeneration(type, live, next)
      if (sameObject(live, next)) return {object: live, changed: false}
      if (options.dryRun) return {object: next as StoredObject, changed: true}
      if (finishesDeletion(live, next)) {
        this.store.remove(live)
        return {object: live, changed: true}
      }
      return {object: this.store.put('MODIFIED', next), changed: true}
    })
  }

  /**
   * Deletes an object. Background cascade removes it now (the garbage collector later removes dependents
   * whose owner is gone); orphan and foreground mark it with a finalizer for the garbage collector, as the
   * API server does. A pod bound to a node is marked Terminating for its kubelet to stop.
   */
  delete(type: ResourceType, namespace: string, name: string, options: DeleteOptions = {}): DeleteResult {
    return this.store.transaction(() => {
      const live = this.get(type, namespace, name)
      const finalizer = {orphan: FINALIZER_ORPHAN, foreground: FINALIZER_FOREGROUND, background: undefined}[
        options.cascade ?? 'background'
      ]
      const graceful =
        type.kind === 'Pod' &&
        Boolean((live.spec as {nodeName?: string} | undefined)?.nodeName) &&
        options.gracePeriodSeconds !== 0
      if (!finalizer && !graceful) {
        if (!options.dryRun) this.removeWithContents(type, live)
        return {object: live, pending: false}
      }
      if (live.metadata.deletionTimestamp) return {object: live, pending: true}
      const marked = cloneObject(live)
      marked.metadata.deletionTimestamp = timestamp(this.now())
      if (graceful) {
        const spec = live.spec as {terminationGracePeriodSeconds?: number}
        marked.metadata.deletionGracePeriodSeconds =
          options.gracePeriodSeconds ?? spec.terminationGracePeriodSeconds ?? 30
      }
      if (finalizer)
        marked.metadata.finalizers = [...new Set([...(live.metadata.finalizers ?? []), finalizer])]
      if (options.dryRun) return {object: marked, pending: true}
      return {object: this.store.put('MODIFIED', marked), pending: true}
    })
  }

  /** Identity, defaults and validation of a new object, before any storage is touched. */
  private prepareForCreate(type: ResourceType, input: KubeObject, requestNamespace: string): KubeObject {
    rejectUnknownFields(type, input)
    const object = cloneObject(input)
    const metadata = object.metadata
    if (type.namespaced) metadata.namespace ??= requestNamespace
    else delete metadata.namespace
    if (!metadata.name && metadata.generateName)
      metadata.name = nameFromGenerateName(metadata.generateName, this.options.random)
    for (const field of [
      'uid',
      'resourceVersion',
      'deletionTimestamp',
      'deletionGracePeriodSeconds',
    ] as const)
      delete metadata[field]
    metadata.uid = this.options.newUid()
    metadata.creationTimestamp = timestamp(this.now())
    metadata.generation = 1
    applyDefaults(object)
    const errors = validateObject(object)
    if (errors.length) throw new InvalidError(type.kind, metadata.name ?? '', errors)
    const status = initialStatus(object)
    if (status === undefined) delete object.status
    else object.status = status
    return object
  }

  /** What an update writes: the input's spec and metadata over the live identity and status. */
  private mergeForUpdate(live: StoredObject, input: KubeObject): KubeObject {
    const next = cloneObject(input)
    next.metadata = {
      ...next.metadata,
      namespace: live.metadata.namespace,
      uid: live.metadata.uid,
      creationTimestamp: live.metadata.creationTimestamp,
      deletionTimestamp: live.metadata.deletionTimestamp,
      deletionGracePeriodSeconds: live.metadata.deletionGracePeriodSeconds,
    }
    if (!live.metadata.namespace) delete next.metadata.namespace
    for (const field of ['deletionTimestamp', 'deletionGracePeriodSeconds'] as const)
      if (next.metadata[field] === undefined) delete next.metadata[field]
    if (live.status === undefined) delete next.status
    else next.status = cloneObject(live.status)
    return next
  }

  /** Cluster IP and node ports, unique across every other Service. */
  private allocateService(service: Service, live: Service | undefined): void {
    const others = this.store.list('Service').filter((other) => other.metadata.uid !== service.metadata.uid)
    allocateServiceAddresses(service, live, others, this.options.random)
  }

  private requireNamespace(namespace: string): void {
    if (!this.store.get({kind: 'Namespace', namespace: '', name: namespace}))
      throw notFound('namespaces', namespace)
  }

  /** Removes an object; a namespace takes everything in it along (Tugboat has no namespace controller). */
  private removeWithContents(type: ResourceType, live: StoredObject): void {
    if (type.kind === 'Namespace') {
      // Every namespaced kind, so a kind added later is swept too (events live in their own table).
      for (const {kind} of RESOURCE_TYPES.filter((candidate) => candidate.namespaced)) {
        for (const object of this.store.list(kind, live.metadata.name)) this.store.remove(object)
      }
    }
    this.store.remove(live)
  }
}

/**
 * What a write to the status subresource keeps: the live object with the input's status. A Deployment's
 * status write also takes its annotations, as Kubernetes' deployment status strategy resets only spec and
 * labels: that is how the controller records `deployment.kubernetes.io/revision` without bumping generation.
 */
function statusUpdate(type: ResourceType, live: StoredObject, input: KubeObject): KubeObject {
  const next: KubeObject = {...cloneObject(live), status: cloneObject(input.status)}
  if (type.kind === 'Deployment') {
    const annotations = input.metadata.annotations
    next.metadata = {...next.metadata, annotations: annotations ? {...annotations} : undefined}
    if (!annotations) delete next.metadata.annotations
  }
  return next
}

/** generation counts spec changes (Deployments: annotation changes too), never status writes. */
function nextGeneration(type: ResourceType, live: StoredObject, next: KubeObject): number {
  const current = live.metadata.generation ?? 1
  const specChanged = !jsonEqual(live.spec, next.spec)
  const annotationsChanged =
    type.kind === 'Deployment' && !jsonEqual(live.metadata.annotations ?? {}, next.metadata.annotations ?? {})
  return specChanged || annotationsChanged ? current + 1 : current
}

/**
 * An update that takes the last finalizer off an object being deleted removes it, unless a graceful deletion
 * is still under way (a pod its kubelet is stopping): k8s@1.28 apiserver registry ShouldDeleteDuringUpdate.
 * E.g. the garbage collector removing `orphan` from a ReplicaSet deletes it; stripping an ownerReference from a
 * Terminating pod (deletionGracePeriodSeconds 30) leaves it for its kubelet.
 */
function finishesDeletion(live: StoredObject, next: KubeObject): boolean {
  if (!live.metadata.deletionTimestamp || next.metadata.finalizers?.length) return false
  return !live.metadata.deletionGracePeriodSeconds
}

function sameObject(live: StoredObject, next: KubeObject): boolean {
  const {resourceVersion: _a, ...liveMeta} = live.metadata
  const {resourceVersion: _b, ...nextMeta} = next.metadata
  return jsonEqual({...live, metadata: liveMeta}, {...next, metadata: nextMeta})
}

/** Strict field validation, as kubectl has asked the API server for since 1.27. */
function rejectUnknownFields(type: ResourceType, input: KubeObject): void {
  const unknown = unknownFields(input)
  if (!unknown.length) return
  const fields = unknown.map((path) => `unknown field "${path}"`).join(', ')
  throw new ApiError(
    'BadRequest',
    `${type.kind} in version "${type.version}" cannot be handled as a ${type.kind}: strict decoding error: ${fields}`,
  )
}
