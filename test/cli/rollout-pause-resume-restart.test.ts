import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import RolloutPause from '../../src/commands/rollout/pause.js'
import RolloutRestart from '../../src/commands/rollout/restart.js'
import RolloutResume from '../../src/commands/rollout/resume.js'
import {mustTypeForKind} from '../../src/core/api/resources.js'
import type {Deployment} from '../../src/core/api/types.js'
import {runTug, tempHome} from '../support/run-tug.js'
import {deploymentOf, seedRollout} from '../support/rollout-objects.js'
import {withStateDir} from '../support/state-dir.js'

const deployments = mustTypeForKind('Deployment')

describe('tug rollout pause, resume and restart', () => {
  let home: ReturnType<typeof tempHome>
  beforeEach(() => {
    home = tempHome()
    withStateDir(home.home, (api) => {
      seedRollout(api, deploymentOf('web', 'nginx:1.25'), [
        {revision: 1, image: 'nginx:1.25', hash: '5d8f7c9b6d', replicas: 3},
      ])
      seedRollout(api, deploymentOf('db', 'postgres:16'), [])
    })
  })
  afterEach(() => home.cleanup())

  const tug = (command: Parameters<typeof runTug>[0], ...argv: string[]) => runTug(command, argv, home.home)
  const web = () => withStateDir(home.home, (api) => api.get(deployments, 'default', 'web') as Deployment)

  it('pauses and resumes, refusing to do either twice', async () => {
    expect(await tug(RolloutPause, 'deployment/web')).toEqual({
      stdout: 'deployment.apps/web paused\n',
      stderr: '',
      exitCode: 0,
    })
    expect(web().spec.paused).toBe(true)
    expect(await tug(RolloutPause, 'deploy', 'web')).toEqual({
      stdout: '',
      stderr: 'error: deployments.apps "web" is already paused\n',
      exitCode: 1,
    })
    expect(await tug(RolloutResume, 'deployments/web')).toEqual({
      stdout: 'deployment.apps/web resumed\n',
      stderr: '',
      exitCode: 0,
    })
    expect(web().spec.paused).toBe(false)
    expect(await tug(RolloutResume, 'deployment/web')).toEqual({
      stdout: '',
      stderr: 'error: deployments.apps "web" is not paused\n',
      exitCode: 1,
    })
  })

  it('changes the others when one of several is refused', async () => {
    await tug(RolloutPause, 'deployment/web')
    expect(await tug(RolloutPause, 'deployment', 'web', 'db')).toEqual({
      stdout: 'deployment.apps/db paused\n',
      stderr: 'error: deployments.apps "web" is already paused\n',
      exitCode: 1,
    })
  })

  it('restarts by stamping the template, recording the command as the change cause', async () => {
    expect(await tug(RolloutRestart, 'deployment/web')).toEqual({
      stdout: 'deployment.apps/web restarted\n',
      stderr: '',
      exitCode: 0,
    })
    const after = web()
    const restartedAt = after.spec.template.metadata?.annotations?.['kubectl.kubernetes.io/restartedAt'] ?? ''
    expect(restartedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)$/)
    expect(Math.abs(Date.parse(restartedAt) - Date.now())).toBeLessThan(60_000)
    expect(after.metadata.annotations?.['kubernetes.io/change-cause']).toBe(
      'tug rollout restart deployment/web',
    )
  })

  it('refuses to restart a paused deployment', async () => {
    await tug(RolloutPause, 'deployment/web')
    expect(await tug(RolloutRestart, 'deployment/web')).toEqual({
      stdout: '',
      stderr: `error: deployments.apps "web" can't restart paused deployment (run rollout resume first)\n`,
      exitCode: 1,
    })
  })

  it.each([
    [RolloutPause, 'error: replicasets.apps "web-5d8f7c9b6d" pausing is not supported\n'],
    [RolloutResume, 'error: replicasets.apps "web-5d8f7c9b6d" resuming is not supported\n'],
    [RolloutRestart, 'error: replicasets.apps "web-5d8f7c9b6d" restarting is not supported\n'],
  ])('%o refuses other kinds', async (command, stderr) => {
    expect(await tug(command, 'rs/web-5d8f7c9b6d')).toEqual({stdout: '', stderr, exitCode: 1})
  })

  it('needs a resource and finds it', async () => {
    expect((await tug(RolloutPause)).stderr).toBe(
      'error: required resource not specified\nhint: name a deployment, e.g. deployment/web\n',
    )
    expect((await tug(RolloutRestart, 'deployment/nope')).stderr).toBe(
      'Error from server (NotFound): deployments.apps "nope" not found\n',
    )
  })
})
