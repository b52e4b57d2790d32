import {describe, expect, it} from 'vitest'
import {rolloutFrame} from '../../../../src/cli/progress/rollout-frame.js'
import type {RolloutBudget, RolloutProgress} from '../../../../src/core/rollout/progress.js'

const budget: RolloutBudget = {
  strategy: 'RollingUpdate',
  replicas: 3,
  surge: 1,
  unavailable: 0,
  maxTotal: 4,
  minAvailable: 3,
  total: 4,
  available: 3,
}

describe('rolloutFrame', () => {
  it('shows the status line, new and old replica sets, and the surge/unavailable budget', () => {
    const progress: RolloutProgress = {
      budget,
      replicaSets: [
        {name: 'web-5d8f7c9b6d', role: 'new', revision: 2, desired: 2, current: 2, ready: 1, available: 1},
        {name: 'web-7c974c65c6', role: 'old', revision: 1, desired: 2, current: 2, ready: 2, available: 2},
      ],
    }
    expect(
      rolloutFrame(
        'web',
        'Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...',
        progress,
      ),
    ).toEqual({
      title: 'deployment "web" rollout',
      lines: [
        'Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...',
        'new web-5d8f7c9b6d (revision 2)  1/2 ready',
        'old web-7c974c65c6 (revision 1)  2/2 ready',
        'pods 4 of at most 4 (3 + 1 surge) · available 3 of at least 3 (3 - 0 unavailable)',
      ],
    })
  })

  it('says so before the first replica set exists, and explains Recreate', () => {
    const recreate: RolloutProgress = {
      replicaSets: [],
      budget: {
        ...budget,
        strategy: 'Recreate',
        surge: 0,
        unavailable: 3,
        maxTotal: 3,
        minAvailable: 0,
        total: 0,
        available: 0,
      },
    }
    expect(
      rolloutFrame('web', 'Waiting for deployment spec update to be observed...', recreate).lines,
    ).toEqual([
      'Waiting for deployment spec update to be observed...',
      'no replica set yet',
      'pods 0 · Recreate: every old pod stops before new ones start',
    ])
  })
})
