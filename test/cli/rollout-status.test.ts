import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import RolloutStatus from '../../src/commands/rollout/status.js'
import type {ApiServer} from '../../src/core/api/api-server.js'
import {mustTypeForKind} from '../../src/core/api/resources.js'
import type {Deployment} from '../../src/core/api/types.js'
import {runTug, tempHome} from '../support/run-tug.js'
import {deploymentOf, seedRollout} from '../support/rollout-objects.js'
import {withStateDir} from '../support/state-dir.js'

const deployments = mustTypeForKind('Deployment')

/** Writes a new status for `web`, as the deployment controller would. */
function setStatus(api: ApiServer, status: Deployment['status']): void {
  const live = api.get(deployments, 'default', 'web')
  api.update(
    {...live, status: {observedGeneration: live.metadata.generation, ...status}},
    {subresource: 'status'},
  )
}

describe('tug rollout status', () => {
  let home: ReturnType<typeof tempHome>
  const seed = (status: Deployment['status']) =>
    withStateDir(home.home, (api) =>
      seedRollout(
        api,
        deploymentOf('web', 'nginx:1.25'),
        [{revision: 1, image: 'nginx:1.25', hash: 'a1', replicas: 3}],
        status,
      ),
    )
  beforeEach(() => {
    home = tempHome()
  })
  afterEach(() => home.cleanup())

  it('prints one line per change of the deployment and exits 0 once rolled out', async () => {
    seed({replicas: 4, updatedReplicas: 1, availableReplicas: 3})
    const steps: Deployment['status'][] = [
      {replicas: 4, updatedReplicas: 2, availableReplicas: 3},
      {replicas: 4, updatedReplicas: 3, availableReplicas: 3},
      {replicas: 3, updatedReplicas: 3, availableReplicas: 2},
      {replicas: 3, updatedReplicas: 3, availableReplicas: 3},
    ]
    let written = 0
    const result = await runTug(RolloutStatus, ['deployment/web'], home.home, undefined, (stdout) => {
      // Each time a line appears, the "controller" makes the next step.
      const lines = stdout.split('\n').length - 1
      while (written < lines) {
        const step = steps[written++]
        if (step) withStateDir(home.home, (api) => setStatus(api, step))
      }
    })
    expect(result).toEqual({
      stdout: [
        'Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...',
        'Waiting for deployment "web" rollout to finish: 2 out of 3 new replicas have been updated...',
        'Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...',
        'Waiting for deployment "web" rollout to finish: 2 of 3 updated replicas are available...',
        'deployment "web" successfully rolled out',
        '',
      ].join('\n'),
      stderr: '',
      exitCode: 0,
    })
  })

  it('exits 0 at once for a finished rollout', async () => {
    seed({replicas: 3, updatedReplicas: 3, availableReplicas: 3})
    expect(await runTug(RolloutStatus, ['deploy', 'web'], home.home)).toEqual({
      stdout: 'deployment "web" successfully rolled out\n',
      stderr: '',
      exitCode: 0,
    })
  })

  it('fails with exit 1 when the progress deadline is exceeded', async () => {
    seed({
      replicas: 4,
      updatedReplicas: 1,
      availableReplicas: 3,
      conditions: [
        {
          type: 'Progressing',
          status: 'False',
          reason: 'ProgressDeadlineExceeded',
          message: 'ReplicaSet "web-b2" has timed out progressing.',
        },
      ],
    })
    expect(await runTug(RolloutStatus, ['deployment/web'], home.home)).toEqual({
      stdout: '',
      stderr: 'error: deployment "web" exceeded its progress deadline\n',
      exitCode: 1,
    })
  })

  it('gives up after --timeout with exit 1', async () => {
    seed({replicas: 3, availableReplicas: 3})
    expect(await runTug(RolloutStatus, ['deployment/web', '--timeout=300ms'], home.home)).toEqual({
      stdout:
        'Waiting for deployment "web" rollout to finish: 0 out of 3 new replicas have been updated...\n',
      stderr: 'error: timed out waiting for the condition\n',
      exitCode: 1,
    })
  })

  it('reports once with --watch=false and exits 0', async () => {
    seed({replicas: 3, availableReplicas: 3})
    for (const flag of ['--watch=false', '-w=false', '--no-watch']) {
      expect(await runTug(RolloutStatus, ['deployment/web', flag], home.home)).toEqual({
        stdout:
          'Waiting for deployment "web" rollout to finish: 0 out of 3 new replicas have been updated...\n',
        stderr: '',
        exitCode: 0,
      })
    }
  })

  it.each([
    [
      ['deployment/web', '--revision=2'],
      'error: desired revision (2) is different from the running revision (1)\n',
    ],
    [['deployment/web', '--revision=-1'], 'error: revision must be a positive integer: -1\n'],
    [
      ['deployment/web', '--timeout=5'],
      'error: invalid argument "5" for "--timeout" flag: time: missing unit in duration "5"\n',
    ],
    [['rs/web-a1'], 'error: no status viewer has been implemented for ReplicaSet.apps\n'],
    [['deployment/nope'], 'Error from server (NotFound): deployments.apps "nope" not found\n'],
    [
      ['deployments'],
      'error: rollout status is only supported on individual resources and resource collections - 2 resources were found\n',
    ],
  ])('%j fails as kubectl does', async (argv, stderr) => {
    seed({replicas: 3, updatedReplicas: 3, availableReplicas: 3})
    withStateDir(home.home, (api) => seedRollout(api, deploymentOf('db', 'postgres:16'), []))
    expect(await runTug(RolloutStatus, argv, home.home)).toEqual({stdout: '', stderr, exitCode: 1})
  })
})
