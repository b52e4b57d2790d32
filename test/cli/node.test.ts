import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import NodeStart from '../../src/commands/node/start.js'
import NodeStop from '../../src/commands/node/stop.js'
import {NODE} from '../../src/core/nodes/node-targets.js'
import {isSimulatedStopped} from '../../src/core/nodes/simulated-failure.js'
import {runTug, tempHome} from '../support/run-tug.js'
import {seedStateDir, withStateDir} from '../support/state-dir.js'
import {testNode} from '../unit/core/nodes/fixtures.js'

describe('tug node stop and tug node start', () => {
  let home: ReturnType<typeof tempHome>
  beforeEach(() => {
    home = tempHome()
    seedStateDir(
      home.home,
      testNode('controlplane', {'node-role.kubernetes.io/control-plane': ''}),
      testNode('node01'),
      testNode('node02'),
    )
  })
  afterEach(() => home.cleanup())

  const stop = (...argv: string[]) => runTug(NodeStop, argv, home.home)
  const start = (...argv: string[]) => runTug(NodeStart, argv, home.home)
  const stopped = (name: string) =>
    withStateDir(home.home, (api) => isSimulatedStopped(api.get(NODE, '', name)))

  it('marks a node stopped, and says when no control plane runs to act on it', async () => {
    expect(await stop('node02')).toEqual({
      stdout:
        'node/node02 stopped (its kubelet stops heartbeating and its containers stop; the control plane marks it NotReady after the grace period)\n',
      stderr: 'Warning: no control plane is running; tug up will start with node02 stopped\n',
      exitCode: 0,
    })
    expect(stopped('node02')).toBe(true)
    expect(await stop('node02')).toEqual({stdout: 'node/node02 already stopped\n', stderr: '', exitCode: 0})
  })

  it('starts a stopped node again', async () => {
    await stop('node01')
    expect(await start('node01')).toEqual({
      stdout: 'node/node01 started (its kubelet heartbeats again and the node turns Ready)\n',
      stderr: 'Warning: no control plane is running; node01 will run when tug up starts\n',
      exitCode: 0,
    })
    expect(stopped('node01')).toBe(false)
    expect(await start('node01')).toEqual({stdout: 'node/node01 already running\n', stderr: '', exitCode: 0})
  })

  it('refuses the control-plane node and stops nothing', async () => {
    expect(await stop('node01', 'controlplane')).toEqual({
      stdout: '',
      stderr:
        'error: cannot stop node "controlplane": it runs the control plane (label node-role.kubernetes.io/control-plane)\nhint: stop a worker node instead; tug get nodes lists them\n',
      exitCode: 1,
    })
    expect(stopped('node01')).toBe(false)
  })

  it('says a missing node is not found', async () => {
    expect(await start('ghost')).toEqual({
      stdout: '',
      stderr: 'Error from server (NotFound): nodes "ghost" not found\n',
      exitCode: 1,
    })
  })
})
