/**
 * What the API layer needs from storage (the "etcd"). src/db implements it on SQLite; tests may use the
 * same implementation on a temporary file or in memory. All calls are synchronous so a transaction never
 * spans an await.
 */
import type {KubeEvent, KubeObject, StoredObject} from './types.js'

/** The kind of change a write made, as a watch reports it. */
export type ChangeType = 'ADDED' | 'MODIFIED' | 'DELETED'

/** One entry of the change log. */
export interface Change {
  resourceVersion: number
  type: ChangeType
  object: StoredObject
}

/** Identifies one stored object; namespace is '' for cluster-scoped kinds. */
export interface ObjectKey {
  kind: string
  namespace: string
  name: string
}

/** Filters for events: by involved object, or all in a namespace. */
export interface EventFilter {
  namespace?: string
  involvedUid?: string
  involvedKind?: string
  involvedName?: string
}

/** The object store. */
export interface Store {
  /** Runs fn in one write transaction (BEGIN IMMEDIATE); nested calls join the outer one. */
  transaction<T>(fn: () => T): T
  /** Reads fn's view in one consistent snapshot. */
  read<T>(fn: () => T): T
  get(key: ObjectKey): StoredObject | undefined
  /** Objects of a kind, in one namespace or (namespace undefined) all, ordered by namespace then name. */
  list(kind: string, namespace?: string): StoredObject[]
  /** Inserts or replaces an object and appends the change; returns it with its new resourceVersion. */
  put(type: 'ADDED' | 'MODIFIED', object: KubeObject): StoredObject
  /** Removes an object and appends a DELETED change; returns the new resourceVersion. */
  remove(object: StoredObject): number
  /** Changes after resourceVersion `after`, oldest first, at most `limit`. */
  changesSince(after: number, limit?: number): Change[]
  /** The newest resourceVersion written (0 for an empty store). */
  latestResourceVersion(): number
  /** Records an event, merging it into an identical earlier one (count + 1) as Kubernetes' recorder does. */
  recordEvent(event: KubeEvent): KubeEvent
  listEvents(filter: EventFilter): KubeEvent[]
  /** Where the state lives, for messages. */
  readonly location: string
  close(): void
}
