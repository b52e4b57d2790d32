import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import Delete from '../../src/commands/delete.js'
import {openApiServer} from '../../src/cli/context.js'
import {mustTypeForKind} from '../../src/core/api/resources.js'
import type {KubeObject} from '../../src/core/api/types.js'
import {runTug, tempHome} from '../support/run-tug.js'

const rs = (name: string): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  metadata: {name, labels: {app: name}},
  spec: {
    replicas: 1,
    selector: {matchLabels: {app: name}},
    template: {metadata: {labels: {app: name}}, spec: {containers: [{name: 'c', image: 'busybox'}]}},
  },
})

describe('tug delete', () => {
  let home: ReturnType<typeof tempHome>
  beforeEach(() => {
    home = tempHome()
    const api = openApiServer(home.home)
    for (const name of ['a', 'b', 'c']) api.create(rs(name))
    api.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {name: 'p', labels: {app: 'a'}},
      spec: {containers: [{name: 'c', image: 'busybox'}]},
    })
    api.store.close()
  })
  afterEach(() => home.cleanup())
  const remaining = (kind: string): string[] => {
    const api = openApiServer(home.home)
    try {
      return api
        .list(mustTypeForKind(kind), {namespace: 'default'})
        .map((o) => `${o.metadata.name}${o.metadata.deletionTimestamp ? ' (terminating)' : ''}`)
    } finally {
      api.store.close()
    }
  }

  it('deletes by type and names, in kubectl words', async () => {
    expect(await runTug(Delete, ['rs', 'a', 'b'], home.home)).toEqual({
      stdout: 'replicaset.apps "a" deleted\nreplicaset.apps "b" deleted\n',
      stderr: '',
      exitCode: 0,
    })
    expect(remaining('ReplicaSet')).toEqual(['c'])
  })

  it('deletes TYPE/NAME forms across types', async () => {
    expect((await runTug(Delete, ['replicaset/c', 'pod/p'], home.home)).stdout).toBe(
      'replicaset.apps "c" deleted\npod "p" deleted\n',
    )
  })

  it('deletes by label selector', async () => {
    expect((await runTug(Delete, ['rs,pods', '-l', 'app=a'], home.home)).stdout).toBe(
      'replicaset.apps "a" deleted\npod "p" deleted\n',
    )
  })

  it('records orphan and foreground cascades for the garbage collector', async () => {
    await runTug(Delete, ['rs', 'a', '--cascade=orphan'], home.home)
    await runTug(Delete, ['rs', 'b', '--cascade=foreground'], home.home)
    expect(remaining('ReplicaSet')).toEqual(['a (terminating)', 'b (terminating)', 'c'])
    const api = openApiServer(home.home)
    expect(api.get(mustTypeForKind('ReplicaSet'), 'default', 'a').metadata.finalizers).toEqual(['orphan'])
    expect(api.get(mustTypeForKind('ReplicaSet'), 'default', 'b').metadata.finalizers).toEqual([
      'foregroundDeletion',
    ])
    api.store.close()
  })

  it('reports names that do not exist, exit 1, and still deletes the rest', async () => {
    expect(await runTug(Delete, ['rs', 'a', 'zzz'], home.home)).toEqual({
      stdout: 'replicaset.apps "a" deleted\n',
      stderr: 'Error from server (NotFound): replicasets.apps "zzz" not found\n',
      exitCode: 1,
    })
  })

  it.each([
    [['rs'], 'error: resource(s) were provided, but no name was specified'],
    [['rs', 'a', '-l', 'app=a'], 'error: name cannot be provided when a selector is specified'],
    [
      ['rs', 'a', '--cascade=sometimes'],
      'error: invalid cascade value (sometimes). Must be "background", "foreground", or "orphan".',
    ],
  ])('refuses %j', async (argv, message) => {
    const result = await runTug(Delete, argv, home.home)
    expect(result.exitCode).toBe(1)
    expect(result.stderr.split('\n')[0]).toBe(message)
    expect(remaining('ReplicaSet')).toEqual(['a', 'b', 'c'])
  })
})
