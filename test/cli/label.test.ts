import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import Label from '../../src/commands/label.js'
import {mustTypeForKind} from '../../src/core/api/resources.js'
import type {KubeObject} from '../../src/core/api/types.js'
import {runTug, tempHome} from '../support/run-tug.js'
import {seedStateDir, withStateDir} from '../support/state-dir.js'

const pod = (name: string, labels: Record<string, string>): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {name, labels},
  spec: {containers: [{name: 'nginx', image: 'nginx'}]},
})

describe('tug label', () => {
  let home: ReturnType<typeof tempHome>
  beforeEach(() => {
    home = tempHome()
    seedStateDir(home.home, pod('web', {app: 'web', tier: 'front'}), pod('db', {app: 'db'}))
  })
  afterEach(() => home.cleanup())

  const label = (...argv: string[]) => runTug(Label, argv, home.home)
  const labelsOf = (name: string) =>
    withStateDir(home.home, (api) => api.get(mustTypeForKind('Pod'), 'default', name).metadata.labels)

  it.each([
    [['pod', 'web', 'env=dev'], 'pod/web labeled\n', {app: 'web', tier: 'front', env: 'dev'}],
    [['pods/web', 'tier-'], 'pod/web unlabeled\n', {app: 'web'}],
    [['po', 'web', 'tier=back', '--overwrite'], 'pod/web labeled\n', {app: 'web', tier: 'back'}],
    [['pod', 'web', 'app=web'], 'pod/web not labeled\n', {app: 'web', tier: 'front'}],
    [['pod', 'web', 'gone-'], 'label "gone" not found.\npod/web not labeled\n', {app: 'web', tier: 'front'}],
  ])('%j prints what kubectl prints', async (argv, stdout, labels) => {
    expect(await label(...argv)).toEqual({stdout, stderr: '', exitCode: 0})
    expect(labelsOf('web')).toEqual(labels)
  })

  it('labels several objects at once, by name or selector', async () => {
    expect((await label('pod', 'web', 'db', 'env=dev')).stdout).toBe('pod/web labeled\npod/db labeled\n')
    expect((await label('pods', '-l', 'app=db', 'owner=me')).stdout).toBe('pod/db labeled\n')
    expect((await label('pods', '--all', 'x=1')).stdout).toBe('pod/db labeled\npod/web labeled\n')
    expect(labelsOf('db')).toEqual({app: 'db', env: 'dev', owner: 'me', x: '1'})
  })

  it('refuses to change a value without --overwrite, as kubectl says it', async () => {
    expect(await label('pod', 'web', 'tier=back')).toEqual({
      stdout: '',
      stderr:
        "error: 'tier' already has a value (front), and --overwrite is false\nhint: pass --overwrite to replace existing values\n",
      exitCode: 1,
    })
    expect(labelsOf('web')).toEqual({app: 'web', tier: 'front'})
  })

  it('lists labels sorted, with a header per object when several are selected', async () => {
    expect(await label('pod', 'web', '--list')).toEqual({
      stdout: 'app=web\ntier=front\n',
      stderr: '',
      exitCode: 0,
    })
    expect((await label('pods', '--all', '--list')).stdout).toBe(
      'Listing labels for Pod./db:\n app=db\nListing labels for Pod./web:\n app=web\n tier=front\n',
    )
  })

  it.each([
    ['client', 'pod/web labeled (dry run)\n'],
    ['server', 'pod/web labeled (server dry run)\n'],
  ])('stores nothing in a %s dry run', async (dryRun, stdout) => {
    expect(await label('pod', 'web', 'env=dev', `--dry-run=${dryRun}`)).toEqual({
      stdout,
      stderr: '',
      exitCode: 0,
    })
    expect(labelsOf('web')).toEqual({app: 'web', tier: 'front'})
  })

  it('prints the labelled object with -o yaml and its name with -o name', async () => {
    const yaml = await label('pod', 'web', 'env=dev', '-o', 'yaml')
    expect(yaml.stdout).toMatch(
      /^apiVersion: v1\nkind: Pod\nmetadata:\n {2}creationTimestamp: \S+\n {2}generation: 1\n {2}labels:\n {4}app: web\n {4}env: dev\n {4}tier: front\n/,
    )
    expect((await label('pod', 'web', 'env-', '-o', 'name')).stdout).toBe('pod/web\n')
  })

  it('refuses a stale --resource-version with a Conflict', async () => {
    expect(await label('pod', 'web', 'env=dev', '--resource-version=1')).toEqual({
      stdout: '',
      stderr:
        'Error from server (Conflict): Operation cannot be fulfilled on pods "web": the object has been modified; please apply your changes to the latest version and try again\n',
      exitCode: 1,
    })
  })

  it.each([
    [
      'a value with a space',
      ['pod', 'web', 'a=b c'],
      "error: invalid label value: \"a=b c\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')\n",
    ],
    ['two equals signs', ['pod', 'web', 'a=b=c'], 'error: invalid label spec: a=b=c\n'],
    [
      'set and remove',
      ['pod', 'web', 'a=1', 'a-'],
      'error: can not both modify and remove a label in the same command\n',
    ],
    [
      'a resource after a change',
      ['pod', 'web', 'a=1', 'db'],
      'error: all resources must be specified before label changes: db\n',
    ],
    [
      'no change',
      ['pod', 'web'],
      'error: at least one label update is required\nhint: e.g. tier=frontend to set, or key- to remove\n',
    ],
    ['a missing pod', ['pod', 'ghost', 'a=1'], 'Error from server (NotFound): pods "ghost" not found\n'],
    ['an unknown type', ['gizmo', 'web', 'a=1'], 'error: the server doesn\'t have a resource type "gizmo"\n'],
    [
      '--list with -o',
      ['pod', 'web', '--list', '-o', 'yaml'],
      'error: --list and --output may not be specified together\n',
    ],
  ])('refuses %s', async (_case, argv, stderr) => {
    expect(await label(...argv)).toEqual({stdout: '', stderr, exitCode: 1})
  })

  it('lets the API server refuse a bad key', async () => {
    const result = await label('pod', 'web', 'bad;key=1')
    expect(result.stderr).toMatch(
      /^The Pod "web" is invalid: metadata\.labels: Invalid value: "bad;key": name part must consist of/,
    )
    expect(result.exitCode).toBe(1)
  })
})
