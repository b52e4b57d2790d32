import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest'
import Get from '../../src/commands/get.js'
import {openApiServer} from '../../src/cli/context.js'
import type {KubeObject} from '../../src/core/api/types.js'
import {runTug, tempHome} from '../support/run-tug.js'

const pod = (name: string): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {name, labels: {app: 'web'}},
  spec: {containers: [{name: 'app', image: 'busybox:1.36'}]},
})

describe('tug get -w', () => {
  let home: ReturnType<typeof tempHome>
  beforeEach(() => {
    home = tempHome()
  })
  afterEach(() => home.cleanup())

  it('prints the table, then one row per change from the change log, until interrupted', async () => {
    const api = openApiServer(home.home)
    api.create(pod('first'))
    let printed = ''
    const watching = runTug(
      Get,
      ['pods', '-w', '-l', 'app=web'],
      home.home,
      undefined,
      (text) => (printed = text),
    )
    await vi.waitFor(() => expect(printed).toContain('first'), {timeout: 5000})
    // Changes written while the watch runs, through a second store handle as another process would.
    api.create({...pod('other'), metadata: {name: 'other', labels: {app: 'db'}}})
    api.create(pod('second'))
    await vi.waitFor(() => expect(printed).toContain('second'), {timeout: 5000})
    process.emit('SIGINT')
    const {stdout, exitCode} = await watching
    api.store.close()
    expect(exitCode).toBe(0)
    const lines = stdout.trimEnd().split('\n')
    expect(lines[0]).toMatch(/^NAME    READY   STATUS    RESTARTS   AGE$/)
    expect(lines[1]).toMatch(/^first   0\/1     Pending   0          \d+s$/)
    expect(lines.slice(2).map((line) => line.split(/\s+/)[0])).toEqual(['second'])
  })
})
