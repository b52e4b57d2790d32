import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import Describe from '../../src/commands/describe.js'
import {openApiServer} from '../../src/cli/context.js'
import {newEvent} from '../../src/core/api/events.js'
import {runTug, tempHome} from '../support/run-tug.js'

describe('tug describe', () => {
  let home: ReturnType<typeof tempHome>
  beforeEach(() => {
    home = tempHome()
    const api = openApiServer(home.home)
    const rs = api.create({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {name: 'web', labels: {app: 'web'}},
      spec: {
        replicas: 2,
        selector: {matchLabels: {app: 'web'}},
        template: {
          metadata: {labels: {app: 'web'}},
          spec: {containers: [{name: 'web', image: 'tugboat/demo:v1'}]},
        },
      },
    })
    const event = newEvent(
      rs,
      {
        type: 'Normal',
        reason: 'SuccessfulCreate',
        message: 'Created pod: web-abcde',
        source: {component: 'replicaset-controller'},
      },
      api.now(),
    )
    api.store.recordEvent(event)
    api.store.recordEvent(event)
    api.store.close()
  })
  afterEach(() => home.cleanup())

  it('shows the object and its events, merged with a count', async () => {
    const {stdout, stderr, exitCode} = await runTug(Describe, ['rs', 'web'], home.home)
    expect({stderr, exitCode}).toEqual({
      stderr: 'Warning: objects are stored but nothing is reconciling them: run `tug up`\n',
      exitCode: 0,
    })
    expect(stdout).toMatch(/^Name: +web\nNamespace: +default\nSelector: +app=web\n/)
    expect(stdout).toContain('Replicas:     0 current / 2 desired')
    expect(stdout).toMatch(
      /Events:\n  Type    Reason            Age +From                   Message\n  ----    ------            ---- +----                   -------\n  Normal  SuccessfulCreate  \S+ \(x2 over \S+\) +replicaset-controller  Created pod: web-abcde\n?$/,
    )
  })

  it('says which names it could not find', async () => {
    expect(await runTug(Describe, ['rs', 'nope'], home.home)).toEqual({
      stdout: '',
      stderr: 'Error from server (NotFound): replicasets.apps "nope" not found\n',
      exitCode: 1,
    })
  })
})
