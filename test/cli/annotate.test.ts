import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import Annotate from '../../src/commands/annotate.js'
import {mustTypeForKind} from '../../src/core/api/resources.js'
import {runTug, tempHome} from '../support/run-tug.js'
import {seedStateDir, withStateDir} from '../support/state-dir.js'

describe('tug annotate', () => {
  let home: ReturnType<typeof tempHome>
  beforeEach(() => {
    home = tempHome()
    const labels = {app: 'web'}
    seedStateDir(home.home, {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: {name: 'web', labels, annotations: {owner: 'team-a'}},
      spec: {
        selector: {matchLabels: labels},
        template: {metadata: {labels}, spec: {containers: [{name: 'nginx', image: 'nginx'}]}},
      },
    })
  })
  afterEach(() => home.cleanup())

  const annotate = (...argv: string[]) => runTug(Annotate, argv, home.home)
  const deployment = () =>
    withStateDir(home.home, (api) => api.get(mustTypeForKind('Deployment'), 'default', 'web'))

  it.each([
    [['deployment', 'web', 'note=hello world'], {owner: 'team-a', note: 'hello world'}],
    [['deploy/web', 'owner-'], undefined],
    [['deployment', 'web', 'owner=team-b', '--overwrite'], {owner: 'team-b'}],
    [['deployment', 'web', 'owner=team-a'], {owner: 'team-a'}],
    [['deployment', 'web', 'absent-'], {owner: 'team-a'}],
    [
      ['deployment', 'web', 'kubernetes.io/change-cause=nginx 1.25'],
      {owner: 'team-a', 'kubernetes.io/change-cause': 'nginx 1.25'},
    ],
  ])('%j prints deployment.apps/web annotated', async (argv, annotations) => {
    expect(await annotate(...argv)).toEqual({
      stdout: 'deployment.apps/web annotated\n',
      stderr: '',
      exitCode: 0,
    })
    expect(deployment().metadata.annotations).toEqual(annotations)
  })

  it('counts an annotation change as a new deployment generation, as Kubernetes does', async () => {
    await annotate('deployment', 'web', 'note=x')
    expect(deployment().metadata.generation).toBe(2)
  })

  it('refuses to change a value without --overwrite, as kubectl says it', async () => {
    expect(await annotate('deployment', 'web', 'owner=team-b')).toEqual({
      stdout: '',
      stderr:
        "error: --overwrite is false but found the following declared annotation(s): 'owner' already has a value (team-a)\nhint: pass --overwrite to replace existing values\n",
      exitCode: 1,
    })
  })

  it('lists annotations and prints dry runs', async () => {
    expect((await annotate('deployment', 'web', '--list')).stdout).toBe('owner=team-a\n')
    expect((await annotate('deployment', 'web', 'a=1', '--dry-run=client')).stdout).toBe(
      'deployment.apps/web annotated (dry run)\n',
    )
    expect((await annotate('deployment', 'web', 'a=1', '--dry-run=server', '-o', 'name')).stdout).toBe(
      'deployment.apps/web\n',
    )
    expect(deployment().metadata.annotations).toEqual({owner: 'team-a'})
  })

  it.each([
    [
      'set and remove',
      ['deployment', 'web', 'a=1', 'a-'],
      'error: can not both modify and remove the following annotation(s) in the same command: a\n',
    ],
    [
      'no change',
      ['deployment', 'web'],
      'error: at least one annotation update is required\nhint: e.g. note=hello to set, or key- to remove\n',
    ],
    [
      'no resources',
      ['a=1'],
      'error: one or more resources must be specified as <resource> <name> or <resource>/<name>\nhint: e.g. pod web, or deployment/web\n',
    ],
    [
      'a missing object',
      ['deployment', 'api', 'a=1'],
      'Error from server (NotFound): deployments.apps "api" not found\n',
    ],
  ])('refuses %s', async (_case, argv, stderr) => {
    expect(await annotate(...argv)).toEqual({stdout: '', stderr, exitCode: 1})
  })

  it('lets the API server refuse a bad key', async () => {
    const result = await annotate('deployment', 'web', 'bad key=1')
    expect(result.stderr).toMatch(
      /^The Deployment "web" is invalid: metadata\.annotations: Invalid value: "bad key": name part must consist of/,
    )
  })
})
