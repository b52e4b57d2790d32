import {rmSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import Drain from '../../src/commands/drain.js'
import {mustTypeForKind} from '../../src/core/api/resources.js'
import type {Node} from '../../src/core/api/types.js'
import {NODE} from '../../src/core/nodes/node-targets.js'
import {runTug, tempHome} from '../support/run-tug.js'
import {seedStateDir, withStateDir} from '../support/state-dir.js'
import {createPod, finishTerminating, testNode, testPod} from '../unit/core/nodes/fixtures.js'

const POD = mustTypeForKind('Pod')

describe('tug drain', () => {
  let home: ReturnType<typeof tempHome>
  beforeEach(() => {
    home = tempHome()
    seedStateDir(home.home, testNode('node01'), testNode('node02'))
    withStateDir(home.home, (api) => {
      createPod(api, testPod('web-a', 'node01', {owner: 'ReplicaSet'}))
      createPod(api, testPod('web-b', 'node02', {owner: 'ReplicaSet'}))
    })
  })
  afterEach(() => home.cleanup())

  const drain = (...argv: string[]) => runTug(Drain, argv, home.home)
  const podNames = () => withStateDir(home.home, (api) => api.list(POD).map((pod) => pod.metadata.name))
  const terminating = () =>
    withStateDir(home.home, (api) =>
      api
        .list(POD)
        .filter((pod) => pod.metadata.deletionTimestamp)
        .map((pod) => pod.metadata.name),
    )
  const cordoned = (name = 'node01') =>
    withStateDir(home.home, (api) => (api.get(NODE, '', name) as Node).spec?.unschedulable === true)

  /** Plays a running control plane: the lock file names this process, and a kubelet finishes deletions. */
  function runningControlPlane(): () => void {
    const lock = join(home.home, 'control-plane.pid')
    writeFileSync(lock, String(process.pid))
    const kubelet = setInterval(() => withStateDir(home.home, finishTerminating), 50)
    return () => {
      clearInterval(kubelet)
      rmSync(lock, {force: true})
    }
  }

  it('evicts the pods and waits until the control plane has removed them', async () => {
    const stop = runningControlPlane()
    try {
      expect(await drain('node01')).toEqual({
        stdout: 'node/node01 cordoned\nevicting pod default/web-a\npod/web-a evicted\nnode/node01 drained\n',
        stderr: '',
        exitCode: 0,
      })
    } finally {
      stop()
    }
    expect(podNames()).toEqual(['web-b'])
    expect(cordoned()).toBe(true)
  })

  it('fails clearly when no control plane runs to finish the eviction', async () => {
    const cause =
      'error when waiting for pod "web-a" in namespace "default" to terminate: no control plane is running, so no kubelet stops it; start one with tug up'
    expect(await drain('node01')).toEqual({
      stdout: 'node/node01 cordoned\nevicting pod default/web-a\n',
      stderr: [
        `There are pending pods in node "node01" when an error occurred: ${cause}`,
        'pod/web-a',
        `error: unable to drain node "node01" due to error: ${cause}, continuing command...`,
        'There are pending nodes to be drained:',
        ' node01',
        cause,
        '',
      ].join('\n'),
      exitCode: 1,
    })
    expect(terminating()).toEqual(['web-a'])
  })

  it('removes the pods at once with --grace-period=0', async () => {
    expect((await drain('node01', '--grace-period=0')).stdout).toBe(
      'node/node01 cordoned\nevicting pod default/web-a\npod/web-a evicted\nnode/node01 drained\n',
    )
    expect(podNames()).toEqual(['web-b'])
  })

  it('refuses a pod without a controller and evicts nothing', async () => {
    withStateDir(home.home, (api) => createPod(api, testPod('bare', 'node01')))
    const cause = 'cannot delete Pods that declare no controller (use --force to override): default/bare'
    expect(await drain('node01')).toEqual({
      stdout: 'node/node01 cordoned\n',
      stderr: [
        `error: unable to drain node "node01" due to error: ${cause}, continuing command...`,
        'There are pending nodes to be drained:',
        ' node01',
        cause,
        '',
      ].join('\n'),
      exitCode: 1,
    })
    expect(terminating()).toEqual([])
  })

  it('refuses a pod with emptyDir data until --delete-emptydir-data', async () => {
    withStateDir(home.home, (api) =>
      createPod(api, testPod('cache', 'node01', {owner: 'ReplicaSet', emptyDir: true})),
    )
    expect((await drain('node01')).stderr).toContain(
      'cannot delete Pods with local storage (use --delete-emptydir-data to override): default/cache',
    )
    const {stdout, exitCode} = await drain('node01', '--delete-emptydir-data', '--grace-period=0')
    expect([stdout, exitCode]).toEqual([
      'node/node01 already cordoned\nevicting pod default/cache\nevicting pod default/web-a\npod/cache evicted\npod/web-a evicted\nnode/node01 drained\n',
      0,
    ])
  })

  it('evicts a pod without a controller with --force, with a warning', async () => {
    withStateDir(home.home, (api) => createPod(api, testPod('bare', 'node01')))
    expect(await drain('node01', '--force', '--grace-period=0')).toEqual({
      stdout:
        'node/node01 cordoned\nevicting pod default/bare\nevicting pod default/web-a\npod/bare evicted\npod/web-a evicted\nnode/node01 drained\n',
      stderr: 'Warning: deleting Pods that declare no controller: default/bare\n',
      exitCode: 0,
    })
  })

  it('shows a client dry run and changes nothing', async () => {
    expect(await drain('node01', '--dry-run=client')).toEqual({
      stdout:
        'node/node01 cordoned (dry run)\nevicting pod default/web-a (dry run)\nnode/node01 drained (dry run)\n',
      stderr: '',
      exitCode: 0,
    })
    expect([cordoned(), terminating()]).toEqual([false, []])
  })

  it('refuses a bad --timeout before changing anything', async () => {
    expect(await drain('node01', '--timeout=5')).toEqual({
      stdout: '',
      stderr: 'error: invalid argument "5" for "--timeout" flag: time: missing unit in duration "5"\n',
      exitCode: 1,
    })
    expect(cordoned()).toBe(false)
  })

  it('gives up at --timeout while the control plane has not removed the pods', async () => {
    const lock = join(home.home, 'control-plane.pid')
    writeFileSync(lock, String(process.pid))
    const {stderr, exitCode} = await drain('node01', '--timeout=100ms')
    expect(exitCode).toBe(1)
    expect(stderr.trimEnd().split('\n').at(-1)).toBe(
      'error when waiting for pod "web-a" in namespace "default" to terminate: global timeout reached: 100ms',
    )
  })

  it('says a missing node is not found and cordons nothing', async () => {
    expect(await drain('node01', 'ghost')).toEqual({
      stdout: '',
      stderr: 'Error from server (NotFound): nodes "ghost" not found\n',
      exitCode: 1,
    })
    expect(cordoned()).toBe(false)
  })
})
