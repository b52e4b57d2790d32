import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import RolloutHistory from '../../src/commands/rollout/history.js'
import RolloutPause from '../../src/commands/rollout/pause.js'
import RolloutUndo from '../../src/commands/rollout/undo.js'
import {mustTypeForKind} from '../../src/core/api/resources.js'
import type {Deployment} from '../../src/core/api/types.js'
import {runTug, tempHome} from '../support/run-tug.js'
import {deploymentOf, seedRollout} from '../support/rollout-objects.js'
import {withStateDir} from '../support/state-dir.js'

const deployments = mustTypeForKind('Deployment')

describe('tug rollout undo', () => {
  let home: ReturnType<typeof tempHome>
  beforeEach(() => {
    home = tempHome()
    withStateDir(home.home, (api) => {
      seedRollout(api, deploymentOf('web', 'nginx:1.26'), [
        {
          revision: 1,
          image: 'nginx:1.24',
          hash: '6c5f7d9b8d',
          changeCause: 'tug create deployment web --image=nginx:1.24',
        },
        {
          revision: 2,
          image: 'nginx:1.25',
          hash: '75675f5897',
          changeCause: 'tug set image deployment/web web=nginx:1.25',
        },
        {
          revision: 3,
          image: 'nginx:1.26',
          hash: '5d8f7c9b6d',
          replicas: 3,
          changeCause: 'tug set image deployment/web web=nginx:1.26',
        },
      ])
      seedRollout(api, deploymentOf('solo', 'nginx:1.25'), [
        {revision: 1, image: 'nginx:1.25', hash: '5f8d7c9b6d', replicas: 3},
      ])
    })
  })
  afterEach(() => home.cleanup())

  const undo = (...argv: string[]) => runTug(RolloutUndo, argv, home.home)
  const web = () => withStateDir(home.home, (api) => api.get(deployments, 'default', 'web') as Deployment)

  it('rolls back to the previous revision, bringing its change cause back', async () => {
    expect(await undo('deployment/web')).toEqual({
      stdout: 'deployment.apps/web rolled back\n',
      stderr: '',
      exitCode: 0,
    })
    const after = web()
    expect(after.spec.template.spec.containers[0]?.image).toBe('nginx:1.25')
    expect(after.spec.template.metadata?.labels).toEqual({app: 'web'})
    expect(after.metadata.annotations?.['kubernetes.io/change-cause']).toBe(
      'tug set image deployment/web web=nginx:1.25',
    )
  })

  it('rolls back to a chosen revision', async () => {
    expect((await undo('deploy', 'web', '--to-revision=1')).stdout).toBe('deployment.apps/web rolled back\n')
    expect(web().spec.template.spec.containers[0]?.image).toBe('nginx:1.24')
  })

  it('skips the revision that is already current', async () => {
    expect(await undo('deployment/web', '--to-revision=3')).toEqual({
      stdout: 'deployment.apps/web skipped rollback (current template already matches revision 3)\n',
      stderr: '',
      exitCode: 0,
    })
  })

  it('records the undo as the change cause when the old revision has none', async () => {
    withStateDir(home.home, (api) =>
      seedRollout(api, deploymentOf('legacy', 'nginx:1.25'), [
        {revision: 1, image: 'nginx:1.24', hash: '6c5f7d9b8d'},
        {revision: 2, image: 'nginx:1.25', hash: '75675f5897', replicas: 3, changeCause: 'upgrade'},
      ]),
    )
    expect((await undo('deployment/legacy')).stdout).toBe('deployment.apps/legacy rolled back\n')
    const legacy = withStateDir(home.home, (api) => api.get(deployments, 'default', 'legacy'))
    expect(legacy.metadata.annotations?.['kubernetes.io/change-cause']).toBe(
      'tug rollout undo deployment/legacy',
    )
  })

  it.each([
    [['deployment/web', '--to-revision=7'], 'error: unable to find specified revision 7 in history\n'],
    [['deployment/solo'], 'error: no rollout history found for deployment "solo"\n'],
    [['deployment/nope'], 'Error from server (NotFound): deployments.apps "nope" not found\n'],
    [['rs/web-6c5f7d9b8d'], 'error: no rollbacker has been implemented for "ReplicaSet.apps"\n'],
  ])('%j fails as kubectl does', async (argv, stderr) => {
    expect(await undo(...argv)).toEqual({stdout: '', stderr, exitCode: 1})
  })

  it('refuses a paused deployment', async () => {
    await runTug(RolloutPause, ['deployment/web'], home.home)
    expect(await undo('deployment/web')).toEqual({
      stdout: '',
      stderr:
        "error: you cannot rollback a paused deployment; resume it first with 'tug rollout resume' and try again\n",
      exitCode: 1,
    })
  })

  it('leaves the history for the controller to renumber', async () => {
    await undo('deployment/web')
    // Until the deployment controller reuses revision 2's replica set, the history itself is unchanged.
    expect((await runTug(RolloutHistory, ['deployment/web'], home.home)).stdout).toContain(
      '3         tug set image deployment/web web=nginx:1.26\n',
    )
  })
})
