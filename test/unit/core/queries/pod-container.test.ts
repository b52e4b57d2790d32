import {describe, expect, it} from 'vitest'
import {ApiError, UserError} from '../../../../src/core/api/errors.js'
import type {ContainerStatus, Pod} from '../../../../src/core/api/types.js'
import {
  defaultContainer,
  execContainer,
  logsContainer,
  pickLogRun,
  podNameArgument,
} from '../../../../src/core/queries/pod-container.js'
import {run} from '../kubelet/support/runs.js'

function pod(containers: string[], extra: {init?: string[]; defaultContainer?: string} = {}): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'web',
      ...(extra.defaultContainer
        ? {annotations: {'kubectl.kubernetes.io/default-container': extra.defaultContainer}}
        : {}),
    },
    spec: {
      containers: containers.map((name) => ({name, image: 'tugboat/demo:v1'})),
      ...(extra.init ? {initContainers: extra.init.map((name) => ({name, image: 'busybox'}))} : {}),
    },
  }
}

/** What `run` threw. */
function thrown(run: () => unknown): unknown {
  try {
    run()
  } catch (error) {
    return error
  }
  throw new Error('expected an error')
}

describe('podNameArgument', () => {
  it.each([
    ['web', 'web'],
    ['pod/web', 'web'],
    ['pods/web', 'web'],
    ['po/web', 'web'],
  ])('reads %s as pod %s', (argument, name) => {
    expect(podNameArgument(argument)).toBe(name)
  })

  it.each(['deployment/web', 'pod/'])('refuses %s with a hint', (argument) => {
    expect(() => podNameArgument(argument)).toThrow(UserError)
  })
})

describe('the container kubectl picks', () => {
  it.each([
    {containers: ['app'], extra: {}, name: 'app', notices: []},
    {
      containers: ['app', 'sidecar'],
      extra: {},
      name: 'app',
      notices: ['Defaulted container "app" out of: app, sidecar'],
    },
    {
      containers: ['app'],
      extra: {init: ['setup']},
      name: 'app',
      notices: ['Defaulted container "app" out of: setup (init), app'],
    },
    {containers: ['app', 'sidecar'], extra: {defaultContainer: 'sidecar'}, name: 'sidecar', notices: []},
    {
      containers: ['app', 'sidecar'],
      extra: {defaultContainer: 'gone'},
      name: 'app',
      notices: [
        'Default container name "gone" not found in pod web',
        'Defaulted container "app" out of: app, sidecar',
      ],
    },
  ])('logs picks $name from $containers ($extra)', ({containers, extra, name, notices}) => {
    expect(defaultContainer(pod(containers, extra), {command: 'logs'})).toEqual({name, notices})
  })

  it('exec falls back from a missing annotated default without saying so, as kubectl exec does', () => {
    const choice = defaultContainer(pod(['app', 'b'], {defaultContainer: 'gone'}), {command: 'exec'})
    expect(choice).toEqual({name: 'app', notices: ['Defaulted container "app" out of: app, b']})
  })

  it('says nothing when quiet', () => {
    expect(defaultContainer(pod(['a', 'b']), {command: 'exec', quiet: true}).notices).toEqual([])
  })

  it('takes a named container as asked, init containers included', () => {
    expect(logsContainer(pod(['app'], {init: ['setup']}), 'setup')).toEqual({name: 'setup', notices: []})
    expect(execContainer(pod(['app', 'b']), 'b')).toEqual({name: 'b', notices: []})
  })

  it('refuses an unknown container: kubectl logs itself, the API server for exec', () => {
    expect(() => logsContainer(pod(['app']), 'x')).toThrow(
      new UserError('container x is not valid for pod web'),
    )
    const refused = thrown(() => execContainer(pod(['app']), 'x'))
    expect(refused).toBeInstanceOf(ApiError)
    expect(refused).toMatchObject({reason: 'BadRequest', message: 'container x is not valid for pod web'})
  })
})

describe('pickLogRun (the kubelet table)', () => {
  const running = run('app', 1, 'running')
  const crashed = run('app', 1, 'exited', {exitCode: 1})
  const before = run('app', 0, 'exited', {exitCode: 1})
  const waiting = (reason: string): ContainerStatus => ({
    name: 'app',
    ready: false,
    restartCount: 1,
    image: 'tugboat/demo:v1',
    imageID: '',
    state: {waiting: {reason}},
  })
  const terminated: ContainerStatus = {...waiting('x'), state: {terminated: {exitCode: 0}}}

  it.each([
    ['the running run', [running, before], undefined, false, 'app-1'],
    ['the run before the running one, with --previous', [running, before], undefined, true, 'app-0'],
    ['the last crash while backing off', [crashed, before], waiting('CrashLoopBackOff'), false, 'app-1'],
    [
      'the last crash with --previous while backing off',
      [crashed, before],
      waiting('CrashLoopBackOff'),
      true,
      'app-1',
    ],
    ['a run that ended for good', [crashed, before], terminated, false, 'app-1'],
    ['the run before one that ended for good, with --previous', [crashed, before], terminated, true, 'app-0'],
  ])('reads %s', (_, runs, status, previous, id) => {
    expect(pickLogRun({pod: 'web', container: 'app', runs, status, previous})).toEqual({
      run: runs.find((r) => r.id === id),
    })
  })

  it.each([
    [[running], undefined, true, 'previous terminated container "app" in pod "web" not found'],
    [[], undefined, false, 'container "app" in pod "web" is waiting to start: ContainerCreating'],
    [
      [],
      waiting('ContainerCreating'),
      false,
      'container "app" in pod "web" is waiting to start: ContainerCreating',
    ],
    [
      [],
      waiting('ErrImagePull'),
      false,
      'container "app" in pod "web" is waiting to start: image can\'t be pulled',
    ],
    [
      [],
      waiting('ImagePullBackOff'),
      false,
      'container "app" in pod "web" is waiting to start: trying and failing to pull image',
    ],
    [
      [],
      waiting('CreateContainerError'),
      false,
      'container "app" in pod "web" is waiting to start: CreateContainerError',
    ],
    [[], terminated, false, 'container "app" in pod "web" is terminated'],
    [[], {...terminated, state: {}}, false, 'container "app" in pod "web" is waiting to start - no logs yet'],
  ] as const)('explains why %j has no log (status %j, previous %s)', (runs, status, previous, error) => {
    expect(pickLogRun({pod: 'web', container: 'app', runs, status, previous})).toEqual({error})
  })
})
