import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import RolloutHistory from '../../src/commands/rollout/history.js'
import {runTug, tempHome} from '../support/run-tug.js'
import {deploymentOf, seedRollout} from '../support/rollout-objects.js'
import {withStateDir} from '../support/state-dir.js'

describe('tug rollout history', () => {
  let home: ReturnType<typeof tempHome>
  beforeEach(() => {
    home = tempHome()
    withStateDir(home.home, (api) => {
      seedRollout(api, deploymentOf('web', 'nginx:1.26'), [
        {revision: 1, image: 'nginx:1.24', hash: '6c5f7d9b8d'},
        {
          revision: 2,
          image: 'nginx:1.25',
          hash: '75675f5897',
          changeCause: 'tug set image deployment/web web=nginx:1.25',
        },
        {
          revision: 10,
          image: 'nginx:1.26',
          hash: '5d8f7c9b6d',
          replicas: 3,
          changeCause: "tug set image deploy web '*=nginx:1.26'",
        },
      ])
      seedRollout(api, deploymentOf('fresh', 'nginx:1.25'), [])
      api.create({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {name: 'solo'},
        spec: {containers: [{name: 'a', image: 'busybox'}]},
      })
    })
  })
  afterEach(() => home.cleanup())

  const history = (...argv: string[]) => runTug(RolloutHistory, argv, home.home)

  it.each([
    ['deployment/web'],
    ['deployments/web'],
    ['deploy/web'],
    ['deployment', 'web'],
    ['deployment.apps/web'],
  ])('%j prints the revisions as kubectl does', async (...argv) => {
    expect(await history(...argv)).toEqual({
      stdout: [
        'deployment.apps/web ',
        'REVISION  CHANGE-CAUSE',
        '1         <none>',
        '2         tug set image deployment/web web=nginx:1.25',
        "10        tug set image deploy web '*=nginx:1.26'",
        '',
        '',
      ].join('\n'),
      stderr: '',
      exitCode: 0,
    })
  })

  it('says when a deployment has no revisions yet', async () => {
    expect(await history('deployment/fresh')).toEqual({
      stdout: 'deployment.apps/fresh \nNo rollout history found.\n',
      stderr: '',
      exitCode: 0,
    })
  })

  it('prints one revision as its pod template, tabs and all', async () => {
    expect((await history('deployment/web', '--revision=2')).stdout).toBe(
      [
        'deployment.apps/web with revision #2',
        'Pod Template:',
        '  Labels:\tapp=web',
        '\tpod-template-hash=75675f5897',
        '  Annotations:\tkubernetes.io/change-cause: tug set image deployment/web web=nginx:1.25',
        '  Containers:',
        '   web:',
        '    Image:\tnginx:1.25',
        '    Port:\t<none>',
        '    Host Port:\t<none>',
        '    Environment:\t<none>',
        '    Mounts:\t<none>',
        '  Volumes:\t<none>',
        '  Node-Selectors:\t<none>',
        '  Tolerations:\t<none>',
        '',
        '',
      ].join('\n'),
    )
  })

  it.each([
    [['deployment/web', '--revision=3'], 'error: unable to find the specified revision\n'],
    [['deployment/web', '--revision=-1'], 'error: revision must be a positive integer: -1\n'],
    [['deployment/nope'], 'Error from server (NotFound): deployments.apps "nope" not found\n'],
    [['pod/solo'], 'error: no history viewer has been implemented for "Pod"\n'],
    [['rs/web-6c5f7d9b8d'], 'error: no history viewer has been implemented for "ReplicaSet.apps"\n'],
    [['foo/web'], 'error: the server doesn\'t have a resource type "foo"\n'],
    [[], 'error: required resource not specified\nhint: name a deployment, e.g. deployment/web\n'],
  ])('%j fails as kubectl does', async (argv, stderr) => {
    expect(await history(...argv)).toEqual({stdout: '', stderr, exitCode: 1})
  })

  it('prints the history of every deployment of a bare type', async () => {
    const {stdout} = await history('deployments')
    expect(stdout).toContain(
      'deployment.apps/fresh \nNo rollout history found.\ndeployment.apps/web \nREVISION',
    )
  })
})
