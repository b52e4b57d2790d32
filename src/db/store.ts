/** The SQLite implementation of the object store: objects, their change log, and events. */
import type Database from 'better-sqlite3'
import type {Change, ChangeType, EventFilter, ObjectKey, Store} from '../core/api/store.js'
import type {KubeEvent, KubeObject, StoredObject} from '../core/api/types.js'
import {openDatabase} from './open.js'

interface ObjectRow {
  resource_version: number
  body: string
}

interface ChangeRow extends ObjectRow {
  type: ChangeType
}

/** Opens the store in a file (or ':memory:'). */
export function openStore(file: string): Store {
  return new SqliteStore(openDatabase(file), file)
}

/** The body is stored without its resourceVersion; the row's column is the one source of truth. */
function decode(row: ObjectRow): StoredObject {
  const object = JSON.parse(row.body) as StoredObject
  object.metadata.resourceVersion = String(row.resource_version)
  return object
}

function encode(object: KubeObject): string {
  const {resourceVersion: _dropped, ...metadata} = object.metadata
  return JSON.stringify({...object, metadata})
}

function keyOf(object: KubeObject): ObjectKey {
  return {kind: object.kind, namespace: object.metadata.namespace ?? '', name: object.metadata.name ?? ''}
}

/** Identical events merge: same object, type, reason, message and source. */
function eventDedupKey(event: KubeEvent): string {
  const {involvedObject: o, source} = event
  return JSON.stringify([
    o.kind,
    o.namespace ?? '',
    o.name,
    o.uid ?? '',
    o.fieldPath ?? '',
    event.type,
    event.reason,
    event.message,
    source.component,
    source.host ?? '',
  ])
}

class SqliteStore implements Store {
  private readonly statements
  private readonly writeTransaction
  private readonly readTransaction

  constructor(
    private readonly db: Database.Database,
    readonly location: string,
  ) {
    this.statements = {
      get: db.prepare<[string, string, string], ObjectRow>(
        'SELECT resource_version, body FROM objects WHERE kind = ? AND namespace = ? AND name = ?',
      ),
      listAll: db.prepare<[string], ObjectRow>(
        'SELECT resource_version, body FROM objects WHERE kind = ? ORDER BY namespace, name',
      ),
      listNamespace: db.prepare<[string, string], ObjectRow>(
        'SELECT resource_version, body FROM objects WHERE kind = ? AND namespace = ? ORDER BY name',
      ),
      appendChange: db.prepare<[ChangeType, string, string, string, string], {resource_version: number}>(
        'INSERT INTO changes (type, kind, namespace, name, body) VALUES (?, ?, ?, ?, ?) RETURNING resource_version',
      ),
      upsert: db.prepare<[string, string, string, string, number, string]>(
        `INSERT INTO objects (kind, namespace, name, uid, resource_version, body) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (kind, namespace, name) DO UPDATE SET uid = excluded.uid, resource_version = excluded.resource_version, body = excluded.body`,
      ),
      delete: db.prepare<[string, string, string]>(
        'DELETE FROM objects WHERE kind = ? AND namespace = ? AND name = ?',
      ),
      changesSince: db.prepare<[number, number], ChangeRow>(
        'SELECT resource_version, type, body FROM changes WHERE resource_version > ? ORDER BY resource_version LIMIT ?',
      ),
      latest: db.prepare<[], {rv: number | null}>('SELECT max(resource_version) AS rv FROM changes'),
      eventByKey: db.prepare<[string], {id: number; body: string}>(
        'SELECT id, body FROM events WHERE dedup_key = ?',
      ),
      insertEvent: db.prepare<[string, string, string, string, string, string, string, string]>(
        `INSERT INTO events (namespace, name, involved_kind, involved_name, involved_uid, dedup_key, last_timestamp, body)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      updateEvent: db.prepare<[string, string, number]>(
        'UPDATE events SET last_timestamp = ?, body = ? WHERE id = ?',
      ),
    }
    this.writeTransaction = db.transaction((fn: () => unknown) => fn())
    this.readTransaction = db.transaction((fn: () => unknown) => fn())
  }

  transaction<T>(fn: () => T): T {
    // IMMEDIATE takes the write lock up front, so two writers wait on busy_timeout instead of one failing
    // with SQLITE_BUSY when it upgrades a read lock. Nested calls become savepoints.
    return this.writeTransaction.immediate(fn) as T
  }

  read<T>(fn: () => T): T {
    return this.readTransaction.deferred(fn) as T
  }

  get(key: ObjectKey): StoredObject | undefined {
    const row = this.statements.get.get(key.kind, key.namespace, key.name)
    return row && decode(row)
  }

  list(kind: string, namespace?: string): StoredObject[] {
    const rows =
      namespace === undefined
        ? this.statements.listAll.all(kind)
        : this.statements.listNamespace.all(kind, namespace)
    return rows.map(decode)
  }

  put(type: 'ADDED' | 'MODIFIED', object: KubeObject): StoredObject {
    return this.transaction(() => {
      const key = keyOf(object)
      const body = encode(object)
      const {resource_version} = this.statements.appendChange.get(
        type,
        key.kind,
        key.namespace,
        key.name,
        body,
      )!
      this.statements.upsert.run(
        key.kind,
        key.namespace,
        key.name,
        object.metadata.uid ?? '',
        resource_version,
        body,
      )
      return decode({resource_version, body})
    })
  }

  remove(object: StoredObject): number {
    return this.transaction(() => {
      const key = keyOf(object)
      const {resource_version} = this.statements.appendChange.get(
        'DELETED',
        key.kind,
        key.namespace,
        key.name,
        encode(object),
      )!
      this.statements.delete.run(key.kind, key.namespace, key.name)
      return resource_version
    })
  }

  changesSince(after: number, limit = 500): Change[] {
    return this.statements.changesSince.all(after, limit).map((row) => ({
      resourceVersion: row.resource_version,
      type: row.type,
      object: decode(row),
    }))
  }

  latestResourceVersion(): number {
    return this.statements.latest.get()?.rv ?? 0
  }

  recordEvent(event: KubeEvent): KubeEvent {
    return this.transaction(() => {
      const key = eventDedupKey(event)
      const existing = this.statements.eventByKey.get(key)
      if (existing) {
        const merged = JSON.parse(existing.body) as KubeEvent
        merged.count += event.count
        merged.lastTimestamp = event.lastTimestamp
        this.statements.updateEvent.run(merged.lastTimestamp, JSON.stringify(merged), existing.id)
        return merged
      }
      const o = event.involvedObject
      this.statements.insertEvent.run(
        event.metadata.namespace ?? '',
        event.metadata.name ?? '',
        o.kind,
        o.name,
        o.uid ?? '',
        key,
        event.lastTimestamp,
        JSON.stringify(event),
      )
      return event
    })
  }

  listEvents(filter: EventFilter): KubeEvent[] {
    const clauses: string[] = []
    const params: string[] = []
    const add = (clause: string, value: string | undefined): void => {
      if (value === undefined) return
      clauses.push(clause)
      params.push(value)
    }
    add('namespace = ?', filter.namespace)
    add('involved_uid = ?', filter.involvedUid)
    add('involved_kind = ?', filter.involvedKind)
    add('involved_name = ?', filter.involvedName)
    const where = clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''
    const rows = this.db
      .prepare<string[], {body: string}>(`SELECT body FROM events ${where} ORDER BY last_timestamp, id`)
      .all(...params)
    return rows.map((row) => JSON.parse(row.body) as KubeEvent)
  }

  close(): void {
    this.db.close()
  }
}
