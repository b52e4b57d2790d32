/**
 * A shared informer, in the manner of client-go's: one reader of the store's change log keeps an in-memory
 * cache of the kinds the control plane cares about and tells subscribed handlers what changed. Controllers
 * read the cache instead of the store and their handlers only queue keys, so one pass over the log serves the
 * scheduler and every controller, and a sync always sees a consistent picture up to a resourceVersion.
 *
 * Cached objects are shared: never mutate one; copy it, change the copy and write it through the API server.
 */
import type {Change, ChangeType, Store} from '../api/store.js'
import type {StoredObject} from '../api/types.js'
import {DEFAULT_WATCH_INTERVAL_MS, sleep} from '../api/watch.js'

/** What a handler hears: the change, the object as it is now and, for updates and deletes, as it was. */
export interface InformerEvent {
  type: ChangeType
  object: StoredObject
  previous?: StoredObject
}

/** Reacts to a change; handlers only queue keys, so they must be quick and must not throw. */
export type InformerHandler = (event: InformerEvent) => void

/** The `namespace/name` key of an object (`name` for cluster-scoped ones), as work queues carry it. */
export function keyOf(object: {metadata: {namespace?: string; name?: string}}): string {
  const {namespace, name = ''} = object.metadata
  return namespace ? `${namespace}/${name}` : name
}

/** Splits a key made by keyOf. */
export function splitKey(key: string): {namespace: string; name: string} {
  const slash = key.indexOf('/')
  return slash < 0 ? {namespace: '', name: key} : {namespace: key.slice(0, slash), name: key.slice(slash + 1)}
}

/** The informer over some kinds of one store. */
export class SharedInformer {
  private readonly caches = new Map<string, Map<string, StoredObject>>()
  private readonly handlers = new Map<string, InformerHandler[]>()
  private resourceVersion = 0
  private listed = false

  constructor(
    private readonly store: Store,
    kinds: readonly string[],
    private readonly intervalMs = DEFAULT_WATCH_INTERVAL_MS,
  ) {
    for (const kind of kinds) this.caches.set(kind, new Map())
  }

  /**
   * Subscribes to changes of a kind; subscribe before the first pump() to hear the initial list as ADDED.
   * Returns the function that unsubscribes (a node's kubelet stops when the node does).
   */
  on(kind: string, handler: InformerHandler): () => void {
    this.cacheOf(kind)
    this.handlers.set(kind, [...(this.handlers.get(kind) ?? []), handler])
    return () =>
      this.handlers.set(
        kind,
        (this.handlers.get(kind) ?? []).filter((h) => h !== handler),
      )
  }

  /** The cached objects of a kind, in one namespace or all. */
  list(kind: string, namespace?: string): StoredObject[] {
    const all = [...this.cacheOf(kind).values()]
    return namespace === undefined ? all : all.filter((o) => (o.metadata.namespace ?? '') === namespace)
  }

  /** One cached object. */
  get(kind: string, namespace: string, name: string): StoredObject | undefined {
    return this.cacheOf(kind).get(namespace ? `${namespace}/${name}` : name)
  }

  /** The resourceVersion the cache reflects. */
  get lastSyncResourceVersion(): number {
    return this.resourceVersion
  }

  /**
   * Lists every kind (first call) or reads the log's new changes, updates the cache and tells the handlers;
   * returns how many changes it applied. Synchronous, so tests can drive the informer step by step.
   */
  pump(): number {
    if (!this.listed) return this.listAll()
    let applied = 0
    for (;;) {
      const changes = this.store.changesSince(this.resourceVersion, 500)
      for (const change of changes) this.apply(change)
      applied += changes.length
      if (changes.length < 500) return applied
    }
  }

  /** Lists, then follows the change log until the signal aborts. */
  async run(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      if (this.pump() === 0) await sleep(this.intervalMs, signal)
    }
  }

  private listAll(): number {
    const {objects, resourceVersion} = this.store.read(() => ({
      resourceVersion: this.store.latestResourceVersion(),
      objects: [...this.caches.keys()].flatMap((kind) => this.store.list(kind)),
    }))
    this.listed = true
    this.resourceVersion = resourceVersion
    for (const object of objects) {
      this.cacheOf(object.kind).set(keyOf(object), object)
      this.tell({type: 'ADDED', object})
    }
    return objects.length
  }

  private apply(change: Change): void {
    this.resourceVersion = change.resourceVersion
    const cache = this.caches.get(change.object.kind)
    if (!cache) return
    const key = keyOf(change.object)
    const previous = cache.get(key)
    if (change.type === 'DELETED') cache.delete(key)
    else cache.set(key, change.object)
    this.tell({type: change.type, object: change.object, previous})
  }

  private tell(event: InformerEvent): void {
    for (const handler of this.handlers.get(event.object.kind) ?? []) handler(event)
  }

  private cacheOf(kind: string): Map<string, StoredObject> {
    let cache = this.caches.get(kind)
    if (!cache) {
      if (this.listed) throw new Error(`informer: kind ${kind} was not watched from the start`)
      cache = new Map()
      this.caches.set(kind, cache)
    }
    return cache
  }
}
