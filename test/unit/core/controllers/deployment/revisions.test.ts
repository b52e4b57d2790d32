import {describe, expect, it} from 'vitest'
import type {Deployment, ReplicaSet} from '../../../../../src/core/api/types.js'
import {
  appendRevisionHistory,
  replicaSetsToClean,
  setNewReplicaSetAnnotations,
} from '../../../../../src/core/controllers/deployment/revisions.js'
import {deploymentHarness, deploymentManifest} from './support/harness.js'
import {imageOf, runRollout} from './support/rollout.js'

const REVISION = 'deployment.kubernetes.io/revision'
const HISTORY = 'deployment.kubernetes.io/revision-history'

describe('appendRevisionHistory', () => {
  it.each([
    [undefined, '1', 10, '1'],
    ['1', '3', 10, '1,3'],
    ['1,3', '5', 10, '1,3,5'],
    // Past the limit the oldest entries go: '1,3,5,7' is 7 characters, '3,5,7' fits in 5.
    ['1,3,5', '7', 5, '3,5,7'],
    // Nothing fits at all: left as it was.
    ['1', '123456', 5, undefined],
  ])('%s + %s (limit %i) -> %s', (history, revision, limit, expected) => {
    expect(appendRevisionHistory(history, revision, limit)).toBe(expected)
  })
})

describe('setNewReplicaSetAnnotations', () => {
  const d = deploymentManifest('web', 3, {
    annotations: {
      'kubernetes.io/change-cause': 'kubectl set image',
      'kubectl.kubernetes.io/last-applied-configuration': '{}',
      [REVISION]: '7',
    },
  })

  it('renumbers a reused replica set and keeps its former revision in the history', () => {
    const annotations: Record<string, string> = {[REVISION]: '1'}
    expect(setNewReplicaSetAnnotations(d, annotations, 3)).toEqual({changed: true, renumberedFrom: '1'})
    expect(annotations).toEqual({
      [REVISION]: '3',
      [HISTORY]: '1',
      'kubernetes.io/change-cause': 'kubectl set image',
    })
  })

  it('never lowers a revision', () => {
    const annotations: Record<string, string> = {
      [REVISION]: '4',
      'kubernetes.io/change-cause': 'kubectl set image',
    }
    expect(setNewReplicaSetAnnotations(d, annotations, 3)).toEqual({changed: false})
    expect(annotations[REVISION]).toBe('4')
  })

  it('sizes a replica set being created', () => {
    const annotations: Record<string, string> = {}
    setNewReplicaSetAnnotations(d, annotations, 1, {desired: 3, max: 4})
    expect(annotations).toEqual({
      'kubernetes.io/change-cause': 'kubectl set image',
      [REVISION]: '1',
      'deployment.kubernetes.io/desired-replicas': '3',
      'deployment.kubernetes.io/max-replicas': '4',
    })
  })
})

describe('replicaSetsToClean', () => {
  const rs = (revision: number, spec: number, pods = spec, observed = true): ReplicaSet => ({
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {name: `r${revision}`, generation: 2, annotations: {[REVISION]: String(revision)}},
    spec: {replicas: spec, selector: {}, template: {spec: {containers: []}}},
    status: {replicas: pods, observedGeneration: observed ? 2 : 1},
  })
  const withLimit = (limit: number): Deployment => deploymentManifest('web', 3, {revisionHistoryLimit: limit})
  const names = (rss: ReplicaSet[]): (string | undefined)[] => rss.map((r) => r.metadata.name)

  it('deletes the lowest revisions beyond the limit', () => {
    expect(names(replicaSetsToClean(withLimit(1), [rs(3, 0), rs(1, 0), rs(2, 0)]))).toEqual(['r1', 'r2'])
  })

  it('keeps everything within the limit', () => {
    expect(replicaSetsToClean(withLimit(10), [rs(1, 0), rs(2, 0)])).toEqual([])
  })

  it('skips candidates that still have pods or an unobserved change, without taking the next instead', () => {
    const candidates = [rs(1, 1), rs(2, 0, 1), rs(3, 0, 0, false), rs(4, 0)]
    expect(replicaSetsToClean(withLimit(1), candidates)).toEqual([])
  })

  it('keeps no history with a limit of 0', () => {
    expect(names(replicaSetsToClean(withLimit(0), [rs(1, 0)]))).toEqual(['r1'])
  })
})

describe('revisions of a deployment', () => {
  it('reuses and renumbers the replica set of a template it goes back to (1, 2 + undo -> 2, 3)', () => {
    const h = deploymentHarness()
    h.api.create(deploymentManifest('web', 2))
    runRollout(h)
    h.advance(1000)
    h.setImage('tugboat/demo:v2')
    runRollout(h)
    h.advance(1000)
    h.setImage('tugboat/demo:v1')
    runRollout(h)

    const revisions = h
      .replicaSets()
      .map((rs) => [imageOf(rs), rs.metadata.annotations?.[REVISION], rs.metadata.annotations?.[HISTORY]])
    expect(revisions).toEqual([
      ['tugboat/demo:v1', '3', '1'],
      ['tugboat/demo:v2', '2', undefined],
    ])
    const reused = h.rsFor('tugboat/demo:v1').metadata.name
    expect(h.logs).toContain(`deployment/web: revision 3 reuses replicaset ${reused} (was revision 1)`)
    expect(h.deployment().metadata.annotations?.[REVISION]).toBe('3')
    expect(h.rsFor('tugboat/demo:v1').spec.replicas).toBe(2)
  })

  it('deletes old replica sets beyond revisionHistoryLimit once a rollout is complete, lowest revision first', () => {
    const h = deploymentHarness()
    h.api.create(deploymentManifest('web', 2, {revisionHistoryLimit: 1}))
    runRollout(h)
    for (const image of ['tugboat/demo:v2', 'tugboat/demo:v3']) {
      h.advance(1000)
      h.setImage(image)
      runRollout(h)
    }
    expect(h.replicaSets().map((rs) => [imageOf(rs), rs.metadata.annotations?.[REVISION]])).toEqual([
      ['tugboat/demo:v2', '2'],
      ['tugboat/demo:v3', '3'],
    ])
    expect(h.logs).toContainEqual(
      expect.stringMatching(
        /^deployment\/web: deleted old replicaset web-\w+ \(revision 1\): revisionHistoryLimit keeps 1 old replica set$/,
      ),
    )
  })
})
