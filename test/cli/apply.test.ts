import {writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import Apply from '../../src/commands/apply.js'
import Create from '../../src/commands/create.js'
import {openApiServer} from '../../src/cli/context.js'
import {runTug, tempHome} from '../support/run-tug.js'

const deployment = (name: string, replicas = 3, extra = ''): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
      containers:
      - name: web
        image: nginx:1.25${extra}
`
const service = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - port: 80
`

describe('tug apply -f', () => {
  let home: ReturnType<typeof tempHome>
  const file = (name: string, text: string): string => {
    const path = join(home.home, name)
    writeFileSync(path, text)
    return path
  }
  const storedNames = (): string[] => {
    const api = openApiServer(home.home)
    try {
      return api.store
        .changesSince(0, 100_000)
        .filter((c) => c.object.kind !== 'Namespace')
        .map((c) => c.object.metadata.name)
    } finally {
      api.store.close()
    }
  }
  beforeEach(() => {
    home = tempHome()
  })
  afterEach(() => home.cleanup())

  it('creates, then reports unchanged, then configured', async () => {
    const path = file('web.yaml', `${deployment('web')}---\n${service}`)
    expect(await runTug(Apply, ['-f', path], home.home)).toEqual({
      stdout: 'deployment.apps/web created\nservice/web created\n',
      stderr: '',
      exitCode: 0,
    })
    expect((await runTug(Apply, ['-f', path], home.home)).stdout).toBe(
      'deployment.apps/web unchanged\nservice/web unchanged\n',
    )
    writeFileSync(path, deployment('web', 5))
    expect((await runTug(Apply, ['-f', path], home.home)).stdout).toBe('deployment.apps/web configured\n')
  })

  it('reads a directory and stdin', async () => {
    file('a.yaml', deployment('a'))
    file('b.json', JSON.stringify({apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'team'}}))
    file('notes.txt', 'not a manifest')
    expect((await runTug(Apply, ['-f', home.home], home.home)).stdout).toBe(
      'deployment.apps/a created\nnamespace/team created\n',
    )
    expect((await runTug(Apply, ['-f', '-'], home.home, deployment('c'))).stdout).toBe(
      'deployment.apps/c created\n',
    )
  })

  it('prints nothing but writes nothing on a client dry run', async () => {
    const path = file('web.yaml', deployment('web'))
    expect((await runTug(Apply, ['-f', path, '--dry-run=client'], home.home)).stdout).toBe(
      'deployment.apps/web created (dry run)\n',
    )
    expect(storedNames()).toEqual([])
  })

  it('warns when the live object was not made by apply', async () => {
    const path = file('web.yaml', deployment('web'))
    await runTug(Create, ['-f', path], home.home)
    const result = await runTug(Apply, ['-f', path], home.home)
    expect(result.stderr).toMatch(
      /^Warning: resource deployments\/web is missing the kubectl\.kubernetes\.io\/last-applied-configuration annotation/,
    )
    expect(result.stdout).toBe('deployment.apps/web configured\n')
  })

  it('create refuses what exists, naming the file', async () => {
    const path = file('web.yaml', deployment('web'))
    await runTug(Create, ['-f', path], home.home)
    expect(await runTug(Create, ['-f', path], home.home)).toMatchObject({
      stdout: '',
      exitCode: 1,
      stderr: expect.stringContaining(
        `Error from server (AlreadyExists): error when creating "${path}": deployments.apps "web" already exists\n`,
      ) as unknown,
    })
  })

  describe('bad input: a clear error, exit 1, nothing written', () => {
    it.each([
      [
        'malformed YAML',
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: [x\n',
        /^error: error parsing .*bad\.yaml \(document 1\): line \d+, column \d+: /,
      ],
      [
        'a document without kind',
        'apiVersion: v1\nmetadata: {name: x}\n',
        /error validating data: kind not set/,
      ],
      [
        'an unknown kind',
        'apiVersion: v1\nkind: Widget\nmetadata: {name: x}\n',
        /no matches for kind "Widget" in version "v1"/,
      ],
      [
        'an unknown apiVersion',
        deployment('web').replace('apps/v1', 'apps/v2'),
        /no matches for kind "Deployment" in version "apps\/v2"/,
      ],
      [
        'an invalid name',
        deployment('Web_1'),
        /^The Deployment "Web_1" is invalid: metadata\.name: Invalid value: "Web_1": a lowercase RFC 1123 subdomain must consist of/,
      ],
      [
        'a negative replica count',
        deployment('web', -1),
        /^The Deployment "web" is invalid: spec\.replicas: Invalid value: -1: must be greater than or equal to 0$/m,
      ],
      [
        'a selector that does not match its template',
        deployment('web').replace('      labels:\n        app: web', '      labels:\n        app: other'),
        /spec\.template\.metadata\.labels: Invalid value: map\[string\]string\{"app":"other"\}: `selector` does not match template `labels`/,
      ],
      [
        'unknown fields',
        deployment('web').replace('replicas:', 'replicass:'),
        /Error from server \(BadRequest\): error when applying ".*": Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec\.replicass"/,
      ],
      [
        'a name with shell metacharacters',
        deployment('web;rm -rf ~'),
        /metadata\.name: Invalid value: "web;rm -rf ~"/,
      ],
    ])('%s', async (_name, text, message) => {
      const path = file('bad.yaml', text)
      const result = await runTug(Apply, ['-f', path], home.home)
      expect(result.exitCode).toBe(1)
      expect(result.stdout).toBe('')
      expect(result.stderr).toMatch(message)
      expect(result.stderr).not.toMatch(/at .*\.ts:\d+|internal error/)
      expect(storedNames()).toEqual([])
    })

    it('a multi-document file with one bad document writes none and names it', async () => {
      const path = file('three.yaml', [deployment('a'), deployment('b', -1), service].join('---\n'))
      const result = await runTug(Apply, ['-f', path], home.home)
      expect(result.exitCode).toBe(1)
      expect(result.stderr).toContain('The Deployment "b" is invalid')
      expect(result.stderr).toContain(
        `error: nothing was written: every document is applied together or not at all, and document 2 of ${path} was rejected`,
      )
      expect(storedNames()).toEqual([])
    })

    it('a 10 MB file', async () => {
      const path = file(
        'huge.yaml',
        `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: huge\n  annotations:\n    blob: "${'x'.repeat(10 * 1024 * 1024)}"\n`,
      )
      const result = await runTug(Apply, ['-f', path], home.home)
      expect(result.exitCode).toBe(1)
      expect(result.stderr).toMatch(/Request entity too large: limit is 3145728 bytes/)
      expect(storedNames()).toEqual([])
    })

    it('a path that does not exist', async () => {
      expect(await runTug(Apply, ['-f', join(home.home, 'nope.yaml')], home.home)).toMatchObject({
        exitCode: 1,
        stderr: expect.stringMatching(/^error: the path ".*nope\.yaml" does not exist\n/) as unknown,
      })
    })
  })
})
