import {describe, expect, it} from 'vitest'
import {summarizePod} from '../../../../../src/cli/printers/columns/pod-status.js'
import type {ContainerStatus, Pod} from '../../../../../src/core/api/types.js'
import {ago, NOW, pod, running} from '../fixtures.js'

const waiting = (name: string, reason: string, extra: Partial<ContainerStatus> = {}): ContainerStatus =>
  running(name, {ready: false, started: false, state: {waiting: {reason}}, ...extra})
const terminated = (name: string, exitCode: number, reason?: string, signal?: number): ContainerStatus =>
  running(name, {
    ready: false,
    started: false,
    state: {terminated: {exitCode, ...(reason ? {reason} : {}), ...(signal ? {signal} : {})}},
  })
const crashed = (restartCount: number, finishedSecondsAgo: number): Partial<ContainerStatus> => ({
  restartCount,
  lastState: {terminated: {exitCode: 1, reason: 'Error', finishedAt: ago(finishedSecondsAgo)}},
})
const twoContainers = (statuses: ContainerStatus[], ready: boolean): Pod =>
  pod(
    'web',
    {containerStatuses: statuses, conditions: [{type: 'Ready', status: ready ? 'True' : 'False'}]},
    {spec: {containers: [{name: 'a'}, {name: 'b'}], nodeName: 'node-1'}},
  )
const withInit = (
  initStatuses: ContainerStatus[],
  containerStatuses: ContainerStatus[] = [],
  conditions: Pod['status'] = {},
): Pod =>
  pod(
    'web',
    {
      phase: 'Pending',
      conditions: [{type: 'Initialized', status: 'False'}],
      initContainerStatuses: initStatuses,
      containerStatuses,
      ...conditions,
    },
    {
      spec: {
        initContainers: [{name: 'init-a'}, {name: 'init-b'}],
        containers: [{name: 'web'}],
        nodeName: 'node-1',
      },
    },
  )

describe('summarizePod', () => {
  it.each<[string, Pod, string, string, string]>([
    [
      'an unscheduled pod shows its phase',
      pod('web', {phase: 'Pending', conditions: [], containerStatuses: []}),
      '0/1',
      'Pending',
      '0',
    ],
    [
      'a container being created',
      pod('web', {phase: 'Pending', containerStatuses: [waiting('web', 'ContainerCreating')]}),
      '0/1',
      'ContainerCreating',
      '0',
    ],
    ['a running, ready container', pod('web'), '1/1', 'Running', '0'],
    [
      'a running container that is not ready yet',
      pod('web', {containerStatuses: [running('web', {ready: false})]}),
      '0/1',
      'Running',
      '0',
    ],
    [
      'a failing image pull',
      pod('web', {phase: 'Pending', containerStatuses: [waiting('web', 'ImagePullBackOff')]}),
      '0/1',
      'ImagePullBackOff',
      '0',
    ],
    [
      'a crash loop with the age of the last restart',
      pod('web', {containerStatuses: [waiting('web', 'CrashLoopBackOff', crashed(3, 25))]}),
      '0/1',
      'CrashLoopBackOff',
      '3 (25s ago)',
    ],
    [
      'restarts of a running container',
      pod('web', {containerStatuses: [running('web', crashed(2, 600))]}),
      '1/1',
      'Running',
      '2 (10m ago)',
    ],
    [
      'a container that exited 0',
      pod('web', {phase: 'Succeeded', containerStatuses: [terminated('web', 0, 'Completed')]}),
      '0/1',
      'Completed',
      '0',
    ],
    [
      'a container that failed',
      pod('web', {phase: 'Failed', containerStatuses: [terminated('web', 1, 'Error')]}),
      '0/1',
      'Error',
      '0',
    ],
    [
      'an exit code without a reason',
      pod('web', {phase: 'Failed', containerStatuses: [terminated('web', 2)]}),
      '0/1',
      'ExitCode:2',
      '0',
    ],
    [
      'a signal without a reason',
      pod('web', {phase: 'Failed', containerStatuses: [terminated('web', 137, undefined, 9)]}),
      '0/1',
      'Signal:9',
      '0',
    ],
    [
      'an evicted pod shows status.reason',
      pod('web', {phase: 'Failed', reason: 'Evicted', containerStatuses: []}),
      '0/1',
      'Evicted',
      '0',
    ],
    [
      'a scheduling-gated pod',
      pod('web', {
        phase: 'Pending',
        containerStatuses: [],
        conditions: [{type: 'PodScheduled', status: 'False', reason: 'SchedulingGated'}],
      }),
      '0/1',
      'SchedulingGated',
      '0',
    ],
    [
      'the alphabetically first container with a reason wins',
      twoContainers([waiting('a', 'CrashLoopBackOff'), running('b')], false),
      '1/2',
      'CrashLoopBackOff',
      '0',
    ],
    [
      'a later container reason loses to an earlier one',
      twoContainers([running('a'), waiting('b', 'ErrImagePull')], false),
      '1/2',
      'ErrImagePull',
      '0',
    ],
    [
      'Completed next to a running container of a ready pod',
      twoContainers([terminated('a', 0, 'Completed'), running('b')], true),
      '1/2',
      'Running',
      '0',
    ],
    [
      'Completed next to a running container of an unready pod',
      twoContainers([terminated('a', 0, 'Completed'), running('b')], false),
      '1/2',
      'NotReady',
      '0',
    ],
    [
      'restarts add up over containers and show the newest restart',
      twoContainers([running('a', crashed(1, 300)), running('b', crashed(2, 40))], true),
      '2/2',
      'Running',
      '3 (40s ago)',
    ],
  ])('%s', (_name, subject, ready, status, restarts) => {
    expect(summarizePod(subject, NOW)).toEqual({ready, status, restarts})
  })

  it.each<[string, Pod, string, string]>([
    [
      'the first init container running',
      withInit([running('init-a'), waiting('init-b', 'PodInitializing')]),
      'Init:0/2',
      '0',
    ],
    [
      'the second init container running',
      withInit([terminated('init-a', 0, 'Completed'), running('init-b')]),
      'Init:1/2',
      '0',
    ],
    [
      'an init container waiting for PodInitializing counts as running',
      withInit([terminated('init-a', 0, 'Completed'), waiting('init-b', 'PodInitializing')]),
      'Init:1/2',
      '0',
    ],
    [
      'an init container in a crash loop',
      withInit([waiting('init-a', 'CrashLoopBackOff', crashed(4, 30))]),
      'Init:CrashLoopBackOff',
      '4 (30s ago)',
    ],
    ['an init container that failed', withInit([terminated('init-a', 1, 'Error')]), 'Init:Error', '0'],
    [
      'an init container that failed without a reason',
      withInit([terminated('init-a', 3)]),
      'Init:ExitCode:3',
      '0',
    ],
    [
      'an init container killed by a signal',
      withInit([terminated('init-a', 137, undefined, 9)]),
      'Init:Signal:9',
      '0',
    ],
    [
      'init containers done and containers starting',
      withInit(
        [terminated('init-a', 0, 'Completed', undefined), terminated('init-b', 0, 'Completed')],
        [waiting('web', 'PodInitializing')],
        {
          phase: 'Pending',
          conditions: [{type: 'Initialized', status: 'True'}],
        },
      ),
      'PodInitializing',
      '0',
    ],
  ])('%s', (_name, subject, status, restarts) => {
    expect(summarizePod(subject, NOW)).toMatchObject({status, restarts})
  })

  it('shows Terminating once a deletion timestamp is set, whatever the containers say', () => {
    const deleting = pod('web', {containerStatuses: [waiting('web', 'CrashLoopBackOff')]})
    deleting.metadata.deletionTimestamp = ago(-30)
    expect(summarizePod(deleting, NOW).status).toBe('Terminating')
  })

  it('shows Unknown for a deleted pod on a lost node', () => {
    const lost = pod('web', {reason: 'NodeLost'})
    lost.metadata.deletionTimestamp = ago(-30)
    expect(summarizePod(lost, NOW).status).toBe('Unknown')
  })
})
