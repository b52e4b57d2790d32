import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import Scale from '../../src/commands/scale.js'
import {mustTypeForKind} from '../../src/core/api/resources.js'
import type {KubeObject} from '../../src/core/api/types.js'
import {runTug, tempHome} from '../support/run-tug.js'
import {seedStateDir, withStateDir} from '../support/state-dir.js'

const workload = (kind: 'Deployment' | 'ReplicaSet' | 'ReplicationController', name: string): KubeObject => {
  const labels = {app: name}
  const selector = kind === 'ReplicationController' ? labels : {matchLabels: labels}
  const template = {metadata: {labels}, spec: {containers: [{name: 'nginx', image: 'nginx'}]}}
  return {
    apiVersion: kind === 'ReplicationController' ? 'v1' : 'apps/v1',
    kind,
    metadata: {name, labels},
    spec: {replicas: 2, selector, template},
  }
}

describe('tug scale', () => {
  let home: ReturnType<typeof tempHome>
  beforeEach(() => {
    home = tempHome()
    seedStateDir(
      home.home,
      workload('Deployment', 'web'),
      workload('ReplicaSet', 'rs'),
      workload('ReplicationController', 'rc'),
      {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {name: 'solo'},
        spec: {containers: [{name: 'nginx', image: 'nginx'}]},
      },
    )
  })
  afterEach(() => home.cleanup())

  const scale = (...argv: string[]) => runTug(Scale, argv, home.home)
  const replicasOf = (kind: string, name: string) =>
    withStateDir(
      home.home,
      (api) => (api.get(mustTypeForKind(kind), 'default', name).spec as {replicas: number}).replicas,
    )

  it.each([
    [['deployment', 'web', '--replicas=5'], 'deployment.apps/web scaled\n', 'Deployment', 'web'],
    [['rs/rs', '--replicas=0'], 'replicaset.apps/rs scaled\n', 'ReplicaSet', 'rs'],
    [
      ['--replicas', '4', 'replicationcontroller', 'rc'],
      'replicationcontroller/rc scaled\n',
      'ReplicationController',
      'rc',
    ],
  ])('%j prints what kubectl prints', async (argv, stdout, kind, name) => {
    expect(await scale(...argv)).toEqual({stdout, stderr: '', exitCode: 0})
    expect(replicasOf(kind, name)).toBe(Number(/--replicas[= ](\d)/.exec(argv.join(' '))?.[1]))
  })

  it('scales several objects of several types at once', async () => {
    expect((await scale('deploy/web', 'rc/rc', '--replicas=1')).stdout).toBe(
      'deployment.apps/web scaled\nreplicationcontroller/rc scaled\n',
    )
  })

  it('scales only when the --current-replicas precondition holds', async () => {
    expect(await scale('deployment', 'web', '--current-replicas=3', '--replicas=5')).toEqual({
      stdout: '',
      stderr: 'error: Expected replicas to be 3, was 2\n',
      exitCode: 1,
    })
    expect((await scale('deployment', 'web', '--current-replicas=2', '--replicas=5')).stdout).toBe(
      'deployment.apps/web scaled\n',
    )
    expect(replicasOf('Deployment', 'web')).toBe(5)
  })

  it('prints dry runs without storing', async () => {
    expect((await scale('deployment', 'web', '--replicas=5', '--dry-run=client')).stdout).toBe(
      'deployment.apps/web scaled (dry run)\n',
    )
    expect((await scale('deployment', 'web', '--replicas=5', '--dry-run=server')).stdout).toBe(
      'deployment.apps/web scaled (server dry run)\n',
    )
    const yaml = (await scale('deployment', 'web', '--replicas=7', '--dry-run=client', '-o', 'yaml')).stdout
    expect(yaml).toContain('\n  replicas: 7\n')
    expect(replicasOf('Deployment', 'web')).toBe(2)
  })

  it.each([
    [
      'a pod',
      ['pod', 'solo', '--replicas=2'],
      'Error from server (NotFound): the server could not find the requested resource\n',
    ],
    [
      'no --replicas',
      ['deployment', 'web'],
      'error: required flag(s) "replicas" not set\nhint: e.g. --replicas=3\n',
    ],
    [
      'negative replicas',
      ['deployment', 'web', '--replicas=-1'],
      'error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n',
    ],
    [
      'a missing deployment',
      ['deployment', 'api', '--replicas=1'],
      'Error from server (NotFound): deployments.apps "api" not found\n',
    ],
    [
      'a selector matching nothing',
      ['deployments', '-l', 'app=none', '--replicas=1'],
      'error: no objects passed to scale\n',
    ],
    [
      'a type without names',
      ['deployments', '--replicas=1'],
      'error: resource(s) were provided, but no name was specified\nhint: name the objects, or pass -l SELECTOR or --all\n',
    ],
  ])("refuses %s with kubectl's message", async (_case, argv, stderr) => {
    expect(await scale(...argv)).toEqual({stdout: '', stderr, exitCode: 1})
  })
})
