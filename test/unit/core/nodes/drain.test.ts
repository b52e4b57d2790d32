import {describe, expect, it, vi} from 'vitest'
import type {ApiServer} from '../../../../src/core/api/api-server.js'
import {ApiError, UserError} from '../../../../src/core/api/errors.js'
import {mustTypeForKind} from '../../../../src/core/api/resources.js'
import type {Node, Pod} from '../../../../src/core/api/types.js'
import type {DrainIo} from '../../../../src/core/nodes/drain-io.js'
import type {DrainRequest} from '../../../../src/core/nodes/drain.js'
import {drainFailureMessage, drainNodes} from '../../../../src/core/nodes/drain.js'
import {NODE} from '../../../../src/core/nodes/node-targets.js'
import {stopNodes} from '../../../../src/core/nodes/simulated-failure.js'
import {testApiServer} from '../../../support/api.js'
import type {PodShape} from './fixtures.js'
import {createPod, finishTerminating, testNode, testPod} from './fixtures.js'

const POD = mustTypeForKind('Pod')

const base: DrainRequest = {
  names: ['node01'],
  usage: 'drain NODE',
  force: false,
  ignoreDaemonSets: false,
  deleteEmptyDirData: false,
  gracePeriodSeconds: -1,
  timeoutMs: 0,
  disableEviction: false,
  skipWaitForDeleteTimeoutSeconds: 0,
  dryRun: 'none',
}

/** A cluster of two nodes and the given pods, and a drain against it with a scripted control plane. */
function cluster(pods: [string, string, PodShape?][]) {
  const {api, clock} = testApiServer()
  api.create(testNode('node01'))
  api.create(testNode('node02'))
  for (const [name, node, shape] of pods) createPod(api, testPod(name, node, shape))
  return {
    api,
    /** Drains; `kubelet` finishes Terminating pods at each wait, `controlPlane` says whether one runs. */
    drain: async (
      request: Partial<DrainRequest>,
      world: {controlPlane?: boolean; kubelet?: boolean} = {},
    ) => {
      const lines = {stdout: '', stderr: ''}
      const io: DrainIo = {
        out: (line) => void (lines.stdout += `${line}\n`),
        err: (line) => void (lines.stderr += `${line}\n`),
        nowMs: () => api.now().getTime(),
        sleep: (ms) => {
          clock.advance(ms)
          if (world.kubelet) finishTerminating(api)
          return Promise.resolve()
        },
        controlPlaneRunning: () => world.controlPlane ?? world.kubelet ?? false,
        pollMs: 1000,
      }
      const result = await drainNodes(api, {...base, ...request}, io)
      return {...lines, result}
    },
  }
}

const pod = (api: ApiServer, name: string, namespace = 'default') =>
  api.find(POD, namespace, name) as Pod | undefined
const cordoned = (api: ApiServer, name = 'node01') =>
  (api.get(NODE, '', name) as Node).spec?.unschedulable === true

describe('drainNodes', () => {
  it('cordons, evicts every pod on the node, waits until they are gone, and says it drained', async () => {
    const {api, drain} = cluster([
      ['web-a', 'node01', {owner: 'ReplicaSet'}],
      ['web-b', 'node01', {owner: 'ReplicationController'}],
      ['other', 'node02'],
    ])
    const {stdout, stderr, result} = await drain({}, {kubelet: true})
    expect(stdout).toBe(
      [
        'node/node01 cordoned',
        'evicting pod default/web-a',
        'evicting pod default/web-b',
        'pod/web-a evicted',
        'pod/web-b evicted',
        'node/node01 drained',
        '',
      ].join('\n'),
    )
    expect(stderr).toBe('')
    expect(result).toEqual({drained: ['node01'], failed: []})
    expect([pod(api, 'web-a'), pod(api, 'web-b'), pod(api, 'other')?.metadata.name]).toEqual([
      undefined,
      undefined,
      'other',
    ])
    expect(cordoned(api)).toBe(true)
  })

  it('does nothing to a cordoned node without pods but say so', async () => {
    const {api, drain} = cluster([])
    await drain({})
    const version = api.store.latestResourceVersion()
    const {stdout, stderr} = await drain({})
    expect([stdout, stderr]).toEqual(['node/node01 already cordoned\nnode/node01 drained\n', ''])
    expect(api.store.latestResourceVersion()).toBe(version)
  })

  it('refuses a pod without a controller, leaving every pod in place but the node cordoned', async () => {
    const {api, drain} = cluster([
      ['bare', 'node01'],
      ['web-a', 'node01', {owner: 'ReplicaSet'}],
    ])
    const {stdout, stderr, result} = await drain({}, {kubelet: true})
    const cause = 'cannot delete Pods that declare no controller (use --force to override): default/bare'
    expect(stdout).toBe('node/node01 cordoned\n')
    expect(stderr).toBe(
      [
        `error: unable to drain node "node01" due to error: ${cause}, continuing command...`,
        'There are pending nodes to be drained:',
        ' node01',
        '',
      ].join('\n'),
    )
    expect(drainFailureMessage(result.failed)).toBe(cause)
    expect([
      pod(api, 'bare')?.metadata.deletionTimestamp,
      pod(api, 'web-a')?.metadata.deletionTimestamp,
    ]).toEqual([undefined, undefined])
    expect(cordoned(api)).toBe(true)
  })

  it('lists every cause at once, one per message, and prints them last on their own lines', async () => {
    const {drain} = cluster([
      ['bare', 'node01'],
      ['cache', 'node01', {owner: 'ReplicaSet', emptyDir: true}],
      ['ds-x', 'node01', {owner: 'DaemonSet', namespace: 'kube-system'}],
      ['solo', 'node01'],
    ])
    const {stderr, result} = await drain({})
    const causes = [
      'cannot delete Pods that declare no controller (use --force to override): default/bare, default/solo',
      'cannot delete Pods with local storage (use --delete-emptydir-data to override): default/cache',
      'cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): kube-system/ds-x',
    ]
    expect(stderr.split('\n')[0]).toBe(
      `error: unable to drain node "node01" due to error: [${causes.join(', ')}], continuing command...`,
    )
    expect(drainFailureMessage(result.failed)).toBe(causes.join('\n'))
  })

  it('with the override flags warns, keeps DaemonSet and mirror pods, and deletes finished pods quietly', async () => {
    const {api, drain} = cluster([
      ['bare', 'node01'],
      ['cache', 'node01', {owner: 'ReplicaSet', emptyDir: true}],
      ['done', 'node01', {phase: 'Succeeded'}],
      ['static-web', 'node01', {mirror: true}],
      ['ds-x', 'node01', {owner: 'DaemonSet', namespace: 'kube-system'}],
    ])
    const flags = {force: true, ignoreDaemonSets: true, deleteEmptyDirData: true}
    const {stdout, stderr} = await drain(flags, {kubelet: true})
    expect(stderr).toBe(
      'Warning: deleting Pods that declare no controller: default/bare; ignoring DaemonSet-managed Pods: kube-system/ds-x\n',
    )
    expect(stdout).toContain(
      'evicting pod default/bare\nevicting pod default/cache\nevicting pod default/done\n',
    )
    expect(stdout).toMatch(/node\/node01 drained\n$/)
    expect([pod(api, 'static-web')?.metadata.name, pod(api, 'ds-x', 'kube-system')?.metadata.name]).toEqual([
      'static-web',
      'ds-x',
    ])
  })

  it('fails clearly instead of waiting forever when no control plane runs to finish the deletion', async () => {
    const {api, drain} = cluster([['web-a', 'node01', {owner: 'ReplicaSet'}]])
    const {stdout, stderr, result} = await drain({gracePeriodSeconds: 5})
    const cause =
      'error when waiting for pod "web-a" in namespace "default" to terminate: no control plane is running, so no kubelet stops it; start one with tug up'
    expect(stdout).toBe('node/node01 cordoned\nevicting pod default/web-a\n')
    expect(stderr).toBe(
      [
        `There are pending pods in node "node01" when an error occurred: ${cause}`,
        'pod/web-a',
        `error: unable to drain node "node01" due to error: ${cause}, continuing command...`,
        'There are pending nodes to be drained:',
        ' node01',
        '',
      ].join('\n'),
    )
    expect(drainFailureMessage(result.failed)).toBe(cause)
    expect(pod(api, 'web-a')?.metadata.deletionGracePeriodSeconds).toBe(5)
  })

  it('gives up at --timeout when the pods stay', async () => {
    const {drain} = cluster([['web-a', 'node01', {owner: 'ReplicaSet'}]])
    const {result} = await drain({timeoutMs: 3000}, {controlPlane: true})
    expect(drainFailureMessage(result.failed)).toBe(
      'error when waiting for pod "web-a" in namespace "default" to terminate: global timeout reached: 3s',
    )
  })

  it('removes pods at once with --grace-period=0, so no kubelet is needed', async () => {
    const {api, drain} = cluster([['web-a', 'node01', {owner: 'ReplicaSet'}]])
    const {stdout} = await drain({gracePeriodSeconds: 0})
    expect(stdout).toBe(
      'node/node01 cordoned\nevicting pod default/web-a\npod/web-a evicted\nnode/node01 drained\n',
    )
    expect(pod(api, 'web-a')).toBeUndefined()
  })

  it('deletes instead of evicting with --disable-eviction', async () => {
    const {drain} = cluster([['web-a', 'node01', {owner: 'ReplicaSet'}]])
    const {stdout} = await drain({disableEviction: true}, {kubelet: true})
    expect(stdout).toBe('node/node01 cordoned\npod/web-a deleted\nnode/node01 drained\n')
  })

  it('waits for a pod that was already terminating', async () => {
    const {drain} = cluster([['web-a', 'node01', {owner: 'ReplicaSet', deleting: 'yes'}]])
    const {stdout} = await drain({}, {kubelet: true})
    expect(stdout).toBe(
      'node/node01 cordoned\nevicting pod default/web-a\npod/web-a evicted\nnode/node01 drained\n',
    )
  })

  it('stops waiting for a pod deleted longer ago than --skip-wait-for-delete-timeout', async () => {
    const {drain} = cluster([['web-a', 'node01', {owner: 'ReplicaSet'}]])
    const {stdout} = await drain({skipWaitForDeleteTimeoutSeconds: 2}, {controlPlane: true})
    expect(stdout).toBe(
      [
        'node/node01 cordoned',
        'evicting pod default/web-a',
        'pod "web-a" has DeletionTimestamp older than 2 seconds, skipping',
        'node/node01 drained',
        '',
      ].join('\n'),
    )
  })

  it('drains only the pods matching --pod-selector, and refuses a bad one', async () => {
    const {api, drain} = cluster([
      ['web-a', 'node01', {owner: 'ReplicaSet', labels: {app: 'web'}}],
      ['db-a', 'node01', {owner: 'ReplicaSet', labels: {app: 'db'}}],
    ])
    await drain({podSelector: 'app=web'}, {kubelet: true})
    expect([pod(api, 'web-a'), pod(api, 'db-a')?.metadata.name]).toEqual([undefined, 'db-a'])
    await expect(drain({podSelector: 'app in'})).rejects.toThrow(
      new UserError('--pod-selector=<pod_selector> must be a valid label selector'),
    )
  })

  it('writes nothing on a client dry run and shows what it would evict', async () => {
    const {api, drain} = cluster([['web-a', 'node01', {owner: 'ReplicaSet'}]])
    const version = api.store.latestResourceVersion()
    const {stdout} = await drain({dryRun: 'client'})
    expect(stdout).toBe(
      'node/node01 cordoned (dry run)\nevicting pod default/web-a (dry run)\nnode/node01 drained (dry run)\n',
    )
    expect(api.store.latestResourceVersion()).toBe(version)
  })

  it('checks with the API server on a server dry run, storing nothing and waiting for nothing', async () => {
    const {api, drain} = cluster([['web-a', 'node01', {owner: 'ReplicaSet'}]])
    const version = api.store.latestResourceVersion()
    const {stdout} = await drain({dryRun: 'server'})
    expect(stdout).toBe(
      'node/node01 cordoned (server dry run)\nevicting pod default/web-a (server dry run)\nnode/node01 drained (server dry run)\n',
    )
    expect(api.store.latestResourceVersion()).toBe(version)
  })

  it('warns that the pods of a stopped node stay Terminating until it starts', async () => {
    const {api, drain} = cluster([['web-a', 'node01', {owner: 'ReplicaSet'}]])
    stopNodes(api, {names: ['node01'], usage: 'node stop NODE'})
    const {stderr} = await drain({timeoutMs: 1000}, {controlPlane: true})
    expect(stderr.split('\n')[0]).toBe(
      'Warning: node/node01 is stopped: its pods stay Terminating until tug node start node01',
    )
  })

  it('goes on with the next node after one fails, and names every failed node', async () => {
    const {api, drain} = cluster([
      ['bare', 'node01'],
      ['web-b', 'node02', {owner: 'ReplicaSet'}],
    ])
    api.create(testNode('node03'))
    createPod(api, testPod('solo', 'node03'))
    const {stdout, stderr, result} = await drain({names: ['node01', 'node02', 'node03']}, {kubelet: true})
    expect(stdout).toContain('node/node02 drained\n')
    expect(stderr).toMatch(/There are pending nodes to be drained:\n node01\n node03\n$/)
    expect(result.drained).toEqual(['node02'])
    expect(drainFailureMessage(result.failed).split('\n')).toEqual([
      'cannot delete Pods that declare no controller (use --force to override): default/bare',
      'cannot delete Pods that declare no controller (use --force to override): default/solo',
    ])
  })

  it('reports an eviction the API server refuses, and does not wait for that pod', async () => {
    const {api, drain} = cluster([['web-a', 'node01', {owner: 'ReplicaSet'}]])
    vi.spyOn(api, 'delete').mockImplementation(() => {
      throw new ApiError('Forbidden', 'pods "web-a" is forbidden: the storage is read-only')
    })
    const {result} = await drain({}, {kubelet: true})
    expect(drainFailureMessage(result.failed)).toBe(
      'error when evicting pods/"web-a" -n "default": pods "web-a" is forbidden: the storage is read-only',
    )
  })

  it('changes nothing when a node does not exist', async () => {
    const {api, drain} = cluster([])
    const version = api.store.latestResourceVersion()
    await expect(drain({names: ['node01', 'ghost']})).rejects.toThrow(
      new ApiError('NotFound', 'nodes "ghost" not found'),
    )
    expect(api.store.latestResourceVersion()).toBe(version)
  })
})
