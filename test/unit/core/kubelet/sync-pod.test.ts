import {describe, expect, it} from 'vitest'
import type {Container, Pod, PodSpec} from '../../../../src/core/api/types.js'
import type {BackoffView} from '../../../../src/core/kubelet/backoff.js'
import {SANDBOX_LABEL, specHash} from '../../../../src/core/kubelet/naming.js'
import {observePod} from '../../../../src/core/kubelet/observed-pod.js'
import type {PodPlan} from '../../../../src/core/kubelet/plan.js'
import type {SyncPodInput} from '../../../../src/core/kubelet/sync-pod.js'
import {syncPod} from '../../../../src/core/kubelet/sync-pod.js'
import type {ContainerInfo} from '../../../../src/core/runtime/container-runtime.js'
import {run, UID} from './support/runs.js'

const NOW = Date.parse('2024-05-14T12:00:07Z')
const app: Container = {name: 'app', image: 'tugboat/demo:v1'}
const HASH = specHash(app)
const VOLUME = `tug_${UID}_cache`
const infra = run('POD', 0, 'running', {ip: '10.88.0.7'})
const appRun = (
  attempt: number,
  state: ContainerInfo['state'],
  extra: Partial<ContainerInfo> & {hash?: string} = {},
) => run('app', attempt, state, {hash: HASH, ...extra})

function pod(spec: Partial<PodSpec> = {}, metadata: Pod['metadata'] = {}): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {name: 'web', namespace: 'default', uid: UID, ...metadata},
    spec: {nodeName: 'node01', terminationGracePeriodSeconds: 30, containers: [app], ...spec},
  }
}

const noBackoff: BackoffView = {get: () => 0, isInBackOffSince: () => false}
const backingOff: BackoffView = {get: () => 40_000, isInBackOffSince: () => true}

function plan(input: Partial<SyncPodInput> & {runs?: ContainerInfo[]}): PodPlan {
  const {runs = [], ...rest} = input
  const subject = 'pod' in input ? input.pod : pod()
  return syncPod({
    node: 'node01',
    observed: observePod(runs, subject?.metadata.uid),
    volumes: [],
    now: NOW,
    crashBackoff: noBackoff,
    probes: {failedProbe: () => undefined},
    leftoverGraceSeconds: 2,
    ...rest,
    pod: subject,
  })
}

/** A plan as one line per step. */
function steps(p: PodPlan): string[] {
  return p.actions.map((a) => {
    switch (a.type) {
      case 'stop':
        return `stop ${a.targets.map((t) => `${t.container.id}/${t.graceSeconds}s${t.killing ? ` "${t.killing}"` : ''}`).join(' ')}`
      case 'remove':
        return `remove ${a.containers.map((c) => c.id).join(' ')}`
      case 'start-infra':
        return `start-infra ${a.attempt}${a.sandboxChanged ? ' (sandbox changed)' : ''}`
      case 'start':
        return `start ${a.container.name} ${a.attempt}`
      case 'back-off':
        return `back-off ${a.container.name}: ${a.message}`
      case 'delete-pod':
        return 'delete-pod'
      default:
        return `${a.type} ${a.name}`
    }
  })
}

describe('syncPod', () => {
  it('creates volumes, then the sandbox, then every container of a new pod', () => {
    const p = pod({volumes: [{name: 'cache', emptyDir: {}}], containers: [app, {name: 'side', image: 'x:1'}]})
    expect(steps(plan({pod: p}))).toEqual([
      `create-volume ${VOLUME}`,
      'start-infra 0',
      'start app 0',
      'start side 0',
    ])
  })

  it('does nothing when converged', () => {
    const p = pod({volumes: [{name: 'cache', emptyDir: {}}]})
    expect(plan({pod: p, runs: [infra, appRun(0, 'running')], volumes: [VOLUME]})).toEqual({actions: []})
  })

  it.each([
    ['Always', 0, ['start app 1']],
    ['Always', 1, ['start app 1']],
    ['OnFailure', 0, ['stop POD-0/0s']],
    ['OnFailure', 1, ['start app 1']],
    ['Never', 0, ['stop POD-0/0s']],
    ['Never', 1, ['stop POD-0/0s']],
  ] as const)('under %s after exit code %i: %j', (restartPolicy, exitCode, expected) => {
    expect(steps(plan({pod: pod({restartPolicy}), runs: [infra, appRun(0, 'exited', {exitCode})]}))).toEqual(
      expected,
    )
  })

  it('holds an exited container back while it is in back-off, and looks again when it ends', () => {
    const result = plan({runs: [infra, appRun(2, 'exited', {exitCode: 1})], crashBackoff: backingOff})
    expect(steps(result)).toEqual([
      `back-off app: back-off 40s restarting failed container=app pod=web_default(${UID})`,
    ])
    // Finished at 12:00:05, back-off 40 s, now 12:00:07: 38 s to go.
    expect(result.requeueAfterMs).toBe(38_000)
  })

  it('kills and restarts a container that failed its liveness probe', () => {
    const result = plan({
      runs: [infra, appRun(0, 'running')],
      probes: {failedProbe: (id) => (id === 'app-0' ? 'liveness' : undefined)},
    })
    expect(steps(result)).toEqual([
      'stop app-0/30s "Container app failed liveness probe, will be restarted"',
      'start app 1',
    ])
  })

  it('kills but does not restart a Never container that failed its liveness probe', () => {
    const result = plan({
      pod: pod({restartPolicy: 'Never'}),
      runs: [infra, appRun(0, 'running')],
      probes: {failedProbe: () => 'liveness'},
    })
    expect(steps(result)).toEqual(['stop app-0/30s "Container app failed liveness probe, will be restarted"'])
  })

  it('replaces a container whose spec changed (a new image)', () => {
    const result = plan({runs: [infra, appRun(0, 'running', {hash: 'old'})]})
    expect(steps(result)).toEqual([
      'stop app-0/30s "Container app definition changed, will be restarted"',
      'start app 1',
    ])
  })

  it('re-creates a dead sandbox and the containers in it', () => {
    const runs = [run('POD', 0, 'exited'), appRun(0, 'running')]
    // The old infra container stays while app-0, which joined it, is kept as the previous run.
    expect(steps(plan({runs}))).toEqual([
      'stop app-0/30s "Stopping container app"',
      'start-infra 1 (sandbox changed)',
      'start app 1',
    ])
  })

  it.each([
    ['0', []],
    ['1', ['remove POD-0']],
  ])(
    'removes an old infra container once no kept run joined it (kept run in sandbox %s)',
    (sandbox, expected) => {
      const runs = [
        run('POD', 1, 'running'),
        run('POD', 0, 'exited'),
        appRun(1, 'running', {labels: {...appRun(1, 'running').labels, [SANDBOX_LABEL]: '1'}}),
        appRun(0, 'exited', {labels: {...appRun(0, 'exited').labels, [SANDBOX_LABEL]: sandbox}}),
      ]
      expect(steps(plan({runs}))).toEqual(expected)
    },
  )

  it('keeps the current and the previous run of a container, removing older ones', () => {
    const runs = [infra, appRun(3, 'running'), appRun(2, 'exited'), appRun(1, 'exited'), appRun(0, 'exited')]
    expect(steps(plan({runs}))).toEqual(['remove app-1 app-0'])
  })

  it('starts a container removed behind its back, counting on from its last status', () => {
    const p = pod()
    p.status = {
      containerStatuses: [
        {name: 'app', ready: true, restartCount: 2, image: 'x', imageID: 'y', containerID: 'docker://gone'},
      ],
    }
    expect(steps(plan({pod: p, runs: [infra]}))).toEqual(['start app 3'])
  })

  it('stops apps with the grace left, then infra, then removes containers, volumes and the object', () => {
    const p = pod(
      {volumes: [{name: 'cache', emptyDir: {}}]},
      {deletionTimestamp: '2024-05-14T12:00:00Z', deletionGracePeriodSeconds: 30},
    )
    const result = plan({pod: p, runs: [infra, appRun(0, 'running')], volumes: [VOLUME]})
    expect(steps(result)).toEqual([
      'stop app-0/23s "Stopping container app"',
      'stop POD-0/0s',
      'remove app-0',
      'remove POD-0',
      `remove-volume ${VOLUME}`,
      'delete-pod',
    ])
  })

  it('removes what is left of a pod that no longer exists, without events', () => {
    const result = plan({pod: undefined, runs: [infra, appRun(0, 'running')], volumes: [VOLUME]})
    expect(steps(result)).toEqual([
      'stop app-0/2s',
      'stop POD-0/0s',
      'remove app-0',
      'remove POD-0',
      `remove-volume ${VOLUME}`,
    ])
  })

  it('removes the containers of an older pod with the same name before starting the new one', () => {
    const old = run('app', 4, 'exited', {uid: 'old-uid'})
    expect(steps(plan({runs: [old]}))).toEqual(['remove app-4', 'start-infra 0', 'start app 0'])
  })

  it('leaves a pod bound to another node to its kubelet', () => {
    expect(steps(plan({pod: pod({nodeName: 'node02'}), runs: []}))).toEqual([])
  })
})
