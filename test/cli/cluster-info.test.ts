import {writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import ClusterInfo from '../../src/commands/cluster-info.js'
import {openApiServer} from '../../src/cli/context.js'
import {controlPlaneHolder, lockControlPlane} from '../../src/cli/control-plane-lock.js'
import {writeControlPlaneStatus} from '../../src/cli/control-plane-status.js'
import {registerNode} from '../../src/core/control-plane/node-registration.js'
import {runTug, tempHome} from '../support/run-tug.js'

describe('the control plane lock and cluster-info', () => {
  let home: ReturnType<typeof tempHome>
  beforeEach(() => {
    home = tempHome()
  })
  afterEach(() => home.cleanup())

  it("lets one control plane run per state directory and takes over a dead one's lock", () => {
    const release = lockControlPlane(home.home)
    expect(controlPlaneHolder(home.home)).toBe(process.pid)
    release()
    expect(controlPlaneHolder(home.home)).toBeUndefined()
    // A pid that cannot be alive: the file a kill -9 left behind.
    writeFileSync(join(home.home, 'control-plane.pid'), '2147483646')
    const again = lockControlPlane(home.home)
    expect(controlPlaneHolder(home.home)).toBe(process.pid)
    again()
  })

  it('refuses a second control plane with a clear message', () => {
    writeFileSync(join(home.home, 'control-plane.pid'), String(process.ppid))
    expect(() => lockControlPlane(home.home)).toThrow(
      `a control plane is already running for ${home.home} (pid ${process.ppid})`,
    )
  })

  it('says nothing reconciles when no control plane runs, and lists nodes', async () => {
    const api = openApiServer(home.home)
    registerNode(api, {
      name: 'node01',
      cpus: 2,
      memoryBytes: 2 ** 33,
      maxPods: 110,
      kernelVersion: '6.1',
      osImage: 'Debian',
      architecture: 'amd64',
      runtime: {engine: 'podman', version: '4.3.1', runtimeVersion: 'podman://4.3.1'},
    })
    api.store.close()
    const {stdout, exitCode} = await runTug(ClusterInfo, [], home.home)
    expect(exitCode).toBe(0)
    expect(stdout).toMatch(
      /^Tugboat control plane is not running: objects are stored in .*state\.db but nothing is reconciling them; run `tug up`\nStore: resourceVersion \d+\n\nNODE +STATUS +HEARTBEAT +RUNTIME\nnode01 +Ready +\d+s ago +podman:\/\/4\.3\.1\n$/,
    )
  })

  it("shows a running control plane's components from the board it publishes", async () => {
    lockControlPlane(home.home)
    const now = new Date().toISOString()
    writeControlPlaneStatus(home.home, {
      pid: process.pid,
      startedAt: now,
      updatedAt: now,
      runtime: 'docker://20.10.24',
      nodes: ['controlplane', 'node01', 'node02'],
      timings: 'classroom',
      backoff: 'kubernetes',
      components: [
        {name: 'scheduler', state: 'ok', syncs: 3, failures: 0, lastSyncAt: now},
        {
          name: 'garbage-collector',
          state: 'failing',
          syncs: 1,
          failures: 1,
          lastSyncAt: now,
          lastError: 'boom',
        },
        {name: 'node-controller', state: 'ok', syncs: 0, failures: 0},
      ],
    })
    const {stdout, exitCode} = await runTug(ClusterInfo, [], home.home)
    expect(exitCode).toBe(0)
    expect(stdout).toMatch(/^Tugboat control plane is running \(pid \d+, up \d+s\), state in .*state\.db\n/)
    expect(stdout).toContain('Runtime docker://20.10.24; 3 nodes; timings classroom; back-off kubernetes\n')
    expect(stdout).toMatch(
      /COMPONENT +STATUS +SYNCS +LAST SYNC +ERROR\nscheduler +Healthy +3 +\d+s ago +<none>\ngarbage-collector +Failing +1 +\d+s ago +boom\nnode-controller +Healthy +0 +<never> +<none>\n/,
    )
    expect(stdout).toContain('No nodes have registered yet')
  })
})
