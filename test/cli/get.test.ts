import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {writeFileSync} from 'node:fs'
import {join} from 'node:path'
import Get from '../../src/commands/get.js'
import {openApiServer} from '../../src/cli/context.js'
import type {KubeObject} from '../../src/core/api/types.js'
import {runTug, tempHome} from '../support/run-tug.js'

const pod = (name: string, labels: Record<string, string>, namespace = 'default'): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {name, namespace, labels},
  spec: {containers: [{name: 'app', image: 'busybox:1.36'}]},
})

describe('tug get', () => {
  let home: ReturnType<typeof tempHome>
  beforeEach(() => {
    home = tempHome()
    const api = openApiServer(home.home)
    api.create({apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'team'}})
    api.create(pod('web-1', {app: 'web', tier: 'front'}))
    api.create(pod('web-2', {app: 'web', tier: 'front', env: 'prod'}))
    api.create(pod('db', {app: 'db'}))
    api.create(pod('other', {app: 'web'}, 'team'))
    api.store.close()
  })
  afterEach(() => home.cleanup())
  const get = (...argv: string[]) => runTug(Get, argv, home.home)

  it('prints kubectl columns for pods', async () => {
    const {stdout, exitCode} = await get('pods')
    expect(exitCode).toBe(0)
    expect(stdout).toMatch(
      /^NAME {4}READY {3}STATUS {4}RESTARTS {3}AGE\ndb {6}0\/1 {5}Pending {3}0 {10}\d+s\nweb-1 {3}0\/1 {5}Pending   0          \d+s\nweb-2   0\/1     Pending   0          \d+s\n$/,
    )
  })

  it.each([
    [
      ['pods', '-l', 'app=web'],
      ['web-1', 'web-2'],
    ],
    [['pods', '-l', 'app=web,env!=prod'], ['web-1']],
    [['pods', '-l', 'env in (prod,dev)'], ['web-2']],
    [
      ['pods', '-l', '!env'],
      ['db', 'web-1'],
    ],
    [
      ['pods', '-l', 'tier'],
      ['web-1', 'web-2'],
    ],
    [
      ['po', 'db', 'web-1'],
      ['db', 'web-1'],
    ],
    [
      ['pod/db', 'pods/web-2'],
      ['db', 'web-2'],
    ],
  ])('selects with %j', async (argv, names) => {
    expect((await get(...argv, '-o', 'name')).stdout).toBe(names.map((n) => `pod/${n}\n`).join(''))
  })

  it('lists every namespace with -A', async () => {
    const {stdout} = await get(
      'pods',
      '-A',
      '-o',
      'jsonpath={range .items[*]}{.metadata.namespace}/{.metadata.name}{"\\n"}{end}',
    )
    expect(stdout).toBe('default/db\ndefault/web-1\ndefault/web-2\nteam/other\n')
    expect((await get('pods', '-A')).stdout.split('\n')[0]).toMatch(/^NAMESPACE {3}NAME {4}READY/)
  })

  it('shows labels and label columns', async () => {
    const {stdout} = await get('pods', '-l', 'app=web', '--show-labels', '-L', 'tier')
    expect(stdout.split('\n')[0]).toMatch(/^NAME {4}READY {3}STATUS {4}RESTARTS {3}AGE {3}TIER {4}LABELS$/)
    expect(stdout).toContain('front   app=web,env=prod,tier=front')
  })

  it('prints one named object as itself and several as a List', async () => {
    expect((await get('pod', 'db', '-o', 'json')).stdout).toMatch(
      /^\{\n {4}"apiVersion": "v1",\n {4}"kind": "Pod",/,
    )
    const list = (await get('pods', '-o', 'yaml')).stdout
    expect(list).toMatch(/^apiVersion: v1\nitems:\n- apiVersion: v1\n/)
    expect(list).toMatch(/\nkind: List\nmetadata:\n {2}resourceVersion: ""\n$/)
  })

  it('prints jsonpath with no trailing newline', async () => {
    expect((await get('pods', '-o', 'jsonpath={.items[*].metadata.name}')).stdout).toBe('db web-1 web-2')
  })

  it('says when nothing is found, on stderr', async () => {
    expect(await get('deployments')).toEqual({
      stdout: '',
      stderr: 'No resources found in default namespace.\n',
      exitCode: 0,
    })
    expect(await get('deployments', '-n', 'team')).toEqual({
      stdout: '',
      stderr: 'No resources found in team namespace.\n',
      exitCode: 0,
    })
  })

  it('prints what it found and a NotFound error for the rest, exit 1', async () => {
    const result = await get('pods', 'db', 'nope', '-o', 'name')
    expect(result).toEqual({
      stdout: 'pod/db\n',
      stderr:
        'Error from server (NotFound): pods "nope" not found\n' +
        'Warning: objects are stored but nothing is reconciling them: run `tug up`\n',
      exitCode: 1,
    })
  })

  it('stays quiet about reconciling while a control plane holds the state directory', async () => {
    writeFileSync(join(home.home, 'control-plane.pid'), String(process.pid))
    expect(await get('pods', 'db', '-o', 'name')).toEqual({stdout: 'pod/db\n', stderr: '', exitCode: 0})
  })

  it('refuses an unknown type and a bad selector', async () => {
    expect(await get('widgets')).toEqual({
      stdout: '',
      stderr: 'error: the server doesn\'t have a resource type "widgets"\n',
      exitCode: 1,
    })
    const bad = await get('pods', '-l', 'app in web')
    expect(bad.exitCode).toBe(1)
    expect(bad.stderr).toMatch(
      /^error: the provided selector "app in web" is not valid: unable to parse requirement: /,
    )
  })

  it('refuses an output format it does not know', async () => {
    const result = await get('pods', '-o', 'xml')
    expect(result.exitCode).toBe(1)
    expect(result.stderr).toMatch(
      /^error: unable to match a printer suitable for the output format "xml", allowed formats are: /,
    )
  })

  it('prints several types with kind-prefixed names and a blank line between tables', async () => {
    const api = openApiServer(home.home)
    api.create({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: {name: 'web'},
      spec: {selector: {app: 'web'}, ports: [{port: 80}]},
    })
    api.store.close()
    const {stdout} = await get('pods,svc')
    expect(stdout).toMatch(
      /^NAME {8}READY .*\npod\/db .*\npod\/web-1 .*\npod\/web-2 .*\n\nNAME {10}TYPE {8}CLUSTER-IP +EXTERNAL-IP {3}PORT\(S\) {3}AGE\nservice\/web {3}ClusterIP {3}10\.\d+\.\d+\.\d+ +<none> {8}80\/TCP {4}\d+s\n$/,
    )
  })
})
