import {describe, expect, it} from 'vitest'
import {summarizePod} from '../../../../src/cli/printers/columns/pod-status.js'
import type {Container, Pod, PodStatus} from '../../../../src/core/api/types.js'
import type {WaitingReason} from '../../../../src/core/kubelet/container-status.js'
import {observePod} from '../../../../src/core/kubelet/observed-pod.js'
import {computePodStatus} from '../../../../src/core/kubelet/pod-status.js'
import type {ContainerInfo} from '../../../../src/core/runtime/container-runtime.js'
import {run, UID} from './support/runs.js'

const NOW = new Date('2024-05-14T12:01:00Z')
const infra = run('POD', 0, 'running', {ip: '10.88.0.7'})

function pod(policy: 'Always' | 'OnFailure' | 'Never', containers: Container[], status?: PodStatus): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {name: 'web', namespace: 'default', uid: UID},
    spec: {nodeName: 'node01', restartPolicy: policy, containers},
    status: status ?? {phase: 'Pending', qosClass: 'BestEffort'},
  }
}

interface Case {
  policy?: 'Always' | 'OnFailure' | 'Never'
  containers?: Container[]
  runs?: ContainerInfo[]
  reasons?: Record<string, WaitingReason>
  unready?: string[]
  status?: PodStatus
}

function derive(c: Case): {status: PodStatus; cells: string} {
  const spec = pod(c.policy ?? 'Always', c.containers ?? [{name: 'app', image: 'tugboat/demo:v1'}], c.status)
  const status = computePodStatus({
    pod: spec,
    observed: observePod([infra, ...(c.runs ?? [])], UID),
    reasons: new Map(Object.entries(c.reasons ?? {})),
    probes: {ready: (id) => !c.unready?.includes(id), started: () => true},
    runtimeScheme: 'docker',
    now: NOW,
  })
  const {ready, status: column, restarts} = summarizePod({...spec, status}, NOW)
  return {status, cells: `${ready} ${column} ${restarts}`}
}

const pullBackOff = {reason: 'ImagePullBackOff', message: 'Back-off pulling image "nope:1"'}
const crashLoop = {
  reason: 'CrashLoopBackOff',
  message: `back-off 40s restarting failed container=app pod=web_default(${UID})`,
}

describe('computePodStatus', () => {
  it.each<[string, Case, string, string]>([
    ['a container not started yet', {}, 'Pending', '0/1 ContainerCreating 0'],
    [
      'a failed pull',
      {reasons: {app: {reason: 'ErrImagePull', message: 'not found'}}},
      'Pending',
      '0/1 ErrImagePull 0',
    ],
    ['a pull in back-off', {reasons: {app: pullBackOff}}, 'Pending', '0/1 ImagePullBackOff 0'],
    [
      'a Never pull policy',
      {reasons: {app: {reason: 'ErrImageNeverPull'}}},
      'Pending',
      '0/1 ErrImageNeverPull 0',
    ],
    ['a running container', {runs: [run('app', 0, 'running')]}, 'Running', '1/1 Running 0'],
    [
      'a running, unready container',
      {runs: [run('app', 0, 'running')], unready: ['app-0']},
      'Running',
      '0/1 Running 0',
    ],
    ['an exit to be restarted', {runs: [run('app', 0, 'exited', {exitCode: 1})]}, 'Running', '0/1 Error 0'],
    [
      'an exit under OnFailure',
      {policy: 'OnFailure', runs: [run('app', 0, 'exited', {exitCode: 1})]},
      'Running',
      '0/1 Error 0',
    ],
    ['a clean exit under Always', {runs: [run('app', 0, 'exited')]}, 'Running', '0/1 Completed 0'],
    [
      'a clean exit under OnFailure',
      {policy: 'OnFailure', runs: [run('app', 0, 'exited')]},
      'Succeeded',
      '0/1 Completed 0',
    ],
    [
      'a clean exit under Never',
      {policy: 'Never', runs: [run('app', 0, 'exited')]},
      'Succeeded',
      '0/1 Completed 0',
    ],
    [
      'a failure under Never',
      {policy: 'Never', runs: [run('app', 0, 'exited', {exitCode: 2})]},
      'Failed',
      '0/1 Error 0',
    ],
    [
      'the OOM killer',
      {policy: 'Never', runs: [run('app', 0, 'exited', {exitCode: 137, oomKilled: true})]},
      'Failed',
      '0/1 OOMKilled 0',
    ],
  ])('%s', (_name, c, phase, cells) => {
    const derived = derive(c)
    expect(derived.status.phase).toBe(phase)
    expect(derived.cells).toBe(cells)
  })

  it('shows a crash loop as waiting, with the last exit in lastState and the restart count', () => {
    const runs = [run('app', 3, 'exited', {exitCode: 1}), run('app', 2, 'exited', {exitCode: 1})]
    const {status, cells} = derive({runs, reasons: {app: crashLoop}})
    expect(status.containerStatuses?.[0]).toEqual({
      name: 'app',
      state: {waiting: crashLoop},
      lastState: {
        terminated: {
          exitCode: 1,
          reason: 'Error',
          startedAt: '2024-05-14T12:00:00Z',
          finishedAt: '2024-05-14T12:00:05Z',
        },
      },
      ready: false,
      restartCount: 3,
      image: 'tugboat/demo:v1',
      imageID: 'sha256:demo',
      containerID: 'docker://app-3',
      started: false,
    })
    expect(status.phase).toBe('Running')
    expect(cells).toBe('0/1 CrashLoopBackOff 3 (55s ago)')
  })

  it('keeps the previous run as lastState of a restarted, running container', () => {
    const {status, cells} = derive({
      runs: [run('app', 1, 'running'), run('app', 0, 'exited', {exitCode: 137})],
    })
    expect(status.containerStatuses?.[0]?.lastState?.terminated).toMatchObject({
      exitCode: 137,
      reason: 'Error',
    })
    expect(status.containerStatuses?.[0]?.state).toEqual({running: {startedAt: '2024-05-14T12:00:00Z'}})
    expect(cells).toBe('1/1 Running 1 (55s ago)')
  })

  it('sorts containerStatuses by name and counts READY over every container', () => {
    const containers = [
      {name: 'web', image: 'tugboat/demo:v1'},
      {name: 'sidecar', image: 'tugboat/demo:v1'},
      {name: 'log', image: 'tugboat/demo:v1'},
    ]
    const runs = [run('web', 0, 'running'), run('sidecar', 0, 'running'), run('log', 0, 'running')]
    const {status, cells} = derive({containers, runs, unready: ['web-0', 'log-0']})
    expect(status.containerStatuses?.map((s) => s.name)).toEqual(['log', 'sidecar', 'web'])
    expect(cells).toBe('1/3 Running 0')
    // The condition's message lists containers in spec order, unlike containerStatuses.
    expect(status.conditions?.find((c) => c.type === 'Ready')).toMatchObject({
      status: 'False',
      reason: 'ContainersNotReady',
      message: 'containers with unready status: [web log]',
    })
  })

  it('shows Pending while one container of two has not started', () => {
    const containers = [
      {name: 'a', image: 'tugboat/demo:v1'},
      {name: 'b', image: 'tugboat/demo:v1'},
    ]
    expect(derive({containers, runs: [run('a', 0, 'running')]})).toMatchObject({
      status: {phase: 'Pending'},
      cells: '1/2 ContainerCreating 0',
    })
  })

  it('writes the four conditions in the kubelet order with the pod and host addresses', () => {
    const {status} = derive({runs: [run('app', 0, 'running')]})
    expect(status.conditions?.map((c) => `${c.type}=${c.status}`)).toEqual([
      'Initialized=True',
      'Ready=True',
      'ContainersReady=True',
      'PodScheduled=True',
    ])
    expect(status).toMatchObject({
      hostIP: '127.0.0.1',
      podIP: '10.88.0.7',
      podIPs: [{ip: '10.88.0.7'}],
      startTime: '2024-05-14T12:01:00Z',
      qosClass: 'BestEffort',
    })
  })

  it('reads PodCompleted in the conditions of a finished pod', () => {
    const {status} = derive({policy: 'Never', runs: [run('app', 0, 'exited')]})
    expect(status.conditions?.map((c) => `${c.type}=${c.status}/${c.reason ?? ''}`)).toEqual([
      'Initialized=True/PodCompleted',
      'Ready=False/PodCompleted',
      'ContainersReady=False/PodCompleted',
      'PodScheduled=True/',
    ])
  })

  it('moves lastTransitionTime only when a condition flips', () => {
    const previous: PodStatus = {
      phase: 'Running',
      startTime: '2024-05-14T11:00:00Z',
      conditions: [
        {type: 'Ready', status: 'True', lastTransitionTime: '2024-05-14T11:00:00Z'},
        {type: 'Initialized', status: 'True', lastTransitionTime: '2024-05-14T11:00:00Z'},
      ],
    }
    const {status} = derive({runs: [run('app', 0, 'running')], unready: ['app-0'], status: previous})
    const times = Object.fromEntries(status.conditions?.map((c) => [c.type, c.lastTransitionTime]) ?? [])
    expect(times).toMatchObject({Initialized: '2024-05-14T11:00:00Z', Ready: '2024-05-14T12:01:00Z'})
    expect(status.startTime).toBe('2024-05-14T11:00:00Z')
  })

  it('never leaves a terminal phase', () => {
    const {status} = derive({policy: 'Never', runs: [run('app', 0, 'running')], status: {phase: 'Failed'}})
    expect(status.phase).toBe('Failed')
  })
})
