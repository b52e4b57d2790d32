import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import Cordon from '../../src/commands/cordon.js'
import Uncordon from '../../src/commands/uncordon.js'
import type {Node} from '../../src/core/api/types.js'
import {NODE} from '../../src/core/nodes/node-targets.js'
import {runTug, tempHome} from '../support/run-tug.js'
import {seedStateDir, withStateDir} from '../support/state-dir.js'
import {testNode} from '../unit/core/nodes/fixtures.js'

describe('tug cordon and tug uncordon', () => {
  let home: ReturnType<typeof tempHome>
  beforeEach(() => {
    home = tempHome()
    seedStateDir(home.home, testNode('node01', {disk: 'ssd'}), testNode('node02', {disk: 'hdd'}))
  })
  afterEach(() => home.cleanup())

  const cordon = (...argv: string[]) => runTug(Cordon, argv, home.home)
  const uncordon = (...argv: string[]) => runTug(Uncordon, argv, home.home)
  const specOf = (name: string) => withStateDir(home.home, (api) => (api.get(NODE, '', name) as Node).spec)

  it('cordons a node: spec.unschedulable and the unschedulable taint', async () => {
    expect(await cordon('node01')).toEqual({stdout: 'node/node01 cordoned\n', stderr: '', exitCode: 0})
    expect(specOf('node01')).toMatchObject({
      unschedulable: true,
      taints: [{key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule'}],
    })
    expect(await cordon('node01')).toEqual({
      stdout: 'node/node01 already cordoned\n',
      stderr: '',
      exitCode: 0,
    })
  })

  it('uncordons a node, clearing both', async () => {
    await cordon('node01')
    expect(await uncordon('node01')).toEqual({stdout: 'node/node01 uncordoned\n', stderr: '', exitCode: 0})
    expect(specOf('node01')).toEqual({})
    expect(await uncordon('node01')).toEqual({
      stdout: 'node/node01 already uncordoned\n',
      stderr: '',
      exitCode: 0,
    })
  })

  it('takes several nodes, or a label selector', async () => {
    expect((await cordon('node02', 'node01')).stdout).toBe('node/node02 cordoned\nnode/node01 cordoned\n')
    expect((await uncordon('-l', 'disk=hdd')).stdout).toBe('node/node02 uncordoned\n')
    expect(specOf('node01')?.unschedulable).toBe(true)
  })

  it('prints dry runs and stores nothing', async () => {
    expect((await cordon('node01', '--dry-run=client')).stdout).toBe('node/node01 cordoned (dry run)\n')
    expect((await cordon('node01', '--dry-run=server')).stdout).toBe(
      'node/node01 cordoned (server dry run)\n',
    )
    expect(specOf('node01')).toEqual({})
  })

  it('says a missing node is not found, as the API server does, and changes nothing', async () => {
    expect(await cordon('node01', 'ghost')).toEqual({
      stdout: '',
      stderr: 'Error from server (NotFound): nodes "ghost" not found\n',
      exitCode: 1,
    })
    expect(specOf('node01')).toEqual({})
  })

  it('refuses a name together with a selector, and no node at all', async () => {
    expect(await cordon('node01', '-l', 'disk=ssd')).toEqual({
      stdout: '',
      stderr: 'error: cannot specify both a node name and a --selector option\n',
      exitCode: 1,
    })
    expect(await uncordon()).toEqual({
      stdout: '',
      stderr: 'error: USAGE: uncordon NODE [flags]\nhint: name a node, or select nodes with -l KEY=VALUE\n',
      exitCode: 1,
    })
  })
})
