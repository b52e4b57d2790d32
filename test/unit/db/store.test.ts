import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import Database from 'better-sqlite3'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import type {Store} from '../../../src/core/api/store.js'
import type {KubeEvent, KubeObject} from '../../../src/core/api/types.js'
import {migrations} from '../../../src/db/open.js'
import {openStore} from '../../../src/db/store.js'

const pod = (name: string, namespace = 'default'): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {name, namespace, uid: `uid-${namespace}-${name}`},
  spec: {containers: [{name: 'c', image: 'busybox'}]},
})

describe('SQLite store', () => {
  let dir: string
  let store: Store
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tug-store-'))
    store = openStore(join(dir, 'state.db'))
  })
  afterEach(() => {
    store.close()
    rmSync(dir, {recursive: true, force: true})
  })

  it('bumps one global resourceVersion on every write', () => {
    const a = store.put('ADDED', pod('a'))
    const b = store.put('ADDED', pod('b'))
    const a2 = store.put('MODIFIED', {...a, spec: {containers: []}})
    expect([a, b, a2].map((o) => Number(o.metadata.resourceVersion))).toEqual([1, 2, 3])
    expect(store.get({kind: 'Pod', namespace: 'default', name: 'a'})?.metadata.resourceVersion).toBe('3')
    expect(store.latestResourceVersion()).toBe(3)
  })

  it('keeps a change log a watcher can resume from', () => {
    const a = store.put('ADDED', pod('a'))
    store.put('ADDED', pod('b'))
    store.remove(a)
    expect(store.changesSince(0).map((c) => [c.type, c.object.metadata.name, c.resourceVersion])).toEqual([
      ['ADDED', 'a', 1],
      ['ADDED', 'b', 2],
      ['DELETED', 'a', 3],
    ])
    expect(store.changesSince(2).map((c) => c.type)).toEqual(['DELETED'])
    expect(store.get({kind: 'Pod', namespace: 'default', name: 'a'})).toBeUndefined()
  })

  it('lists one namespace or all, ordered by namespace and name', () => {
    for (const [name, ns] of [
      ['b', 'default'],
      ['a', 'other'],
      ['a', 'default'],
    ] as const)
      store.put('ADDED', pod(name, ns))
    expect(store.list('Pod', 'default').map((o) => o.metadata.name)).toEqual(['a', 'b'])
    expect(store.list('Pod').map((o) => `${o.metadata.namespace}/${o.metadata.name}`)).toEqual([
      'default/a',
      'default/b',
      'other/a',
    ])
  })

  it('rolls back every write of a failed transaction', () => {
    expect(() =>
      store.transaction(() => {
        store.put('ADDED', pod('a'))
        throw new Error('boom')
      }),
    ).toThrow('boom')
    expect(store.list('Pod')).toEqual([])
    expect(store.latestResourceVersion()).toBe(0)
  })

  it('merges identical events into one with a count', () => {
    const event = (message: string, at: string): KubeEvent => ({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: {name: `web.${at}`, namespace: 'default'},
      involvedObject: {kind: 'Pod', name: 'web', namespace: 'default', uid: 'u1'},
      type: 'Normal',
      reason: 'Pulled',
      message,
      source: {component: 'kubelet', host: 'node01'},
      count: 1,
      firstTimestamp: at,
      lastTimestamp: at,
    })
    store.recordEvent(event('same', '2024-01-01T00:00:00Z'))
    store.recordEvent(event('same', '2024-01-01T00:00:05Z'))
    store.recordEvent(event('other', '2024-01-01T00:00:06Z'))
    const events = store.listEvents({involvedUid: 'u1'})
    expect(events.map((e) => [e.message, e.count, e.firstTimestamp, e.lastTimestamp])).toEqual([
      ['same', 2, '2024-01-01T00:00:00Z', '2024-01-01T00:00:05Z'],
      ['other', 1, '2024-01-01T00:00:06Z', '2024-01-01T00:00:06Z'],
    ])
  })

  it('refuses a database written by a newer Tugboat', () => {
    const file = join(dir, 'newer.db')
    const db = new Database(file)
    db.pragma(`user_version = ${migrations().length + 1}`)
    db.close()
    expect(() => openStore(file)).toThrow(
      /written by a newer Tugboat \(schema version \d+; this one knows up to \d+\)/,
    )
  })

  it('opens with WAL and a busy timeout', () => {
    const db = new Database(join(dir, 'state.db'))
    expect(db.pragma('journal_mode', {simple: true})).toBe('wal')
    expect(db.pragma('user_version', {simple: true})).toBe(migrations().length)
    db.close()
  })
})
