import {describe, expect, it} from 'vitest'
import type {Condition, Deployment} from '../../../../src/core/api/types.js'
import {deploymentRolloutStatus} from '../../../../src/core/rollout/status-message.js'
import {deploymentOf} from '../../../support/rollout-objects.js'

/** The Deployment `web` (3 replicas) at generation 2 with the given status. */
function web(status: Deployment['status'], extra: {generation?: number; revision?: string} = {}): Deployment {
  const deployment = deploymentOf('web', 'nginx:1.25')
  deployment.metadata.generation = extra.generation ?? 2
  if (extra.revision) deployment.metadata.annotations = {'deployment.kubernetes.io/revision': extra.revision}
  deployment.status = {observedGeneration: 2, ...status}
  return deployment
}

const progressing = (reason: string): Condition => ({type: 'Progressing', status: 'True', reason})

describe('deploymentRolloutStatus', () => {
  it.each([
    [
      'the controller has not seen the change yet',
      web({replicas: 3, updatedReplicas: 3, availableReplicas: 3}, {generation: 3}),
      'Waiting for deployment spec update to be observed...',
      false,
    ],
    [
      'new replicas are still being created',
      web({replicas: 4, updatedReplicas: 1, availableReplicas: 3}),
      'Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...',
      false,
    ],
    [
      'no new replica exists yet',
      web({replicas: 3, availableReplicas: 3}),
      'Waiting for deployment "web" rollout to finish: 0 out of 3 new replicas have been updated...',
      false,
    ],
    [
      'old replicas are terminating',
      web({replicas: 4, updatedReplicas: 3, availableReplicas: 3}),
      'Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...',
      false,
    ],
    [
      'updated replicas are not all available',
      web({replicas: 3, updatedReplicas: 3, availableReplicas: 2}),
      'Waiting for deployment "web" rollout to finish: 2 of 3 updated replicas are available...',
      false,
    ],
    [
      'every replica is updated and available',
      web({
        replicas: 3,
        updatedReplicas: 3,
        availableReplicas: 3,
        conditions: [progressing('NewReplicaSetAvailable')],
      }),
      'deployment "web" successfully rolled out',
      true,
    ],
    [
      'the pinned revision is running',
      web({replicas: 3, updatedReplicas: 3, availableReplicas: 3}, {revision: '2'}),
      'deployment "web" successfully rolled out',
      true,
    ],
  ])('when %s', (_case, deployment, message, done) => {
    expect(deploymentRolloutStatus(deployment, deployment.metadata.annotations ? 2 : 0)).toEqual({
      message,
      done,
    })
  })

  it('fails once the progress deadline is exceeded', () => {
    const stuck = web({
      replicas: 4,
      updatedReplicas: 1,
      availableReplicas: 3,
      conditions: [{type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded'}],
    })
    expect(() => deploymentRolloutStatus(stuck)).toThrow('deployment "web" exceeded its progress deadline')
  })

  it('waits for the spec to be observed before looking at the deadline', () => {
    const stuck = web(
      {conditions: [{type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded'}]},
      {generation: 3},
    )
    expect(deploymentRolloutStatus(stuck).message).toBe(
      'Waiting for deployment spec update to be observed...',
    )
  })

  it('refuses a revision other than the running one', () => {
    const deployment = web({replicas: 3, updatedReplicas: 3, availableReplicas: 3}, {revision: '3'})
    expect(() => deploymentRolloutStatus(deployment, 2)).toThrow(
      'desired revision (2) is different from the running revision (3)',
    )
    expect(() => deploymentRolloutStatus(web({}), 1)).toThrow(
      'desired revision (1) is different from the running revision (0)',
    )
  })
})
