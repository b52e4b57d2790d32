import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import Expose from '../../src/commands/expose.js'
import {mustTypeForKind} from '../../src/core/api/resources.js'
import type {KubeObject, Service} from '../../src/core/api/types.js'
import {runTug, tempHome} from '../support/run-tug.js'
import {seedStateDir, withStateDir} from '../support/state-dir.js'

const template = (
  labels: Record<string, string>,
  ports: {containerPort: number; protocol?: 'TCP' | 'UDP'; name?: string}[],
) => ({
  metadata: {labels},
  spec: {containers: [{name: 'app', image: 'tugboat/demo:v1', ports}]},
})

const OBJECTS: KubeObject[] = [
  {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {name: 'web', labels: {app: 'web'}},
    spec: {selector: {matchLabels: {app: 'web'}}, template: template({app: 'web'}, [{containerPort: 8080}])},
  },
  {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {name: 'picky'},
    spec: {
      selector: {
        matchLabels: {app: 'picky'},
        matchExpressions: [{key: 'tier', operator: 'In', values: ['a', 'b']}],
      },
      template: template({app: 'picky', tier: 'a'}, [{containerPort: 80}]),
    },
  },
  {
    apiVersion: 'v1',
    kind: 'ReplicationController',
    metadata: {name: 'multi'},
    spec: {
      template: template({app: 'multi'}, [
        {containerPort: 80, name: 'http'},
        {containerPort: 53, protocol: 'UDP', name: 'dns-udp'},
        {containerPort: 53, protocol: 'TCP', name: 'dns-tcp'},
      ]),
    },
  },
  {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {name: 'solo', labels: {run: 'solo'}},
    spec: {containers: [{name: 'solo', image: 'tugboat/demo:v1'}]},
  },
  {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {name: 'bare'},
    spec: {containers: [{name: 'bare', image: 'tugboat/demo:v1', ports: [{containerPort: 8080}]}]},
  },
]

// kubectl expose deployment web --port=80 --target-port=8080 --type=NodePort --dry-run=client -o yaml
const WEB_NODE_PORT = `apiVersion: v1
kind: Service
metadata:
  creationTimestamp: null
  labels:
    app: web
  name: web
spec:
  ports:
  - port: 80
    protocol: TCP
    targetPort: 8080
  selector:
    app: web
  type: NodePort
status:
  loadBalancer: {}
`

describe('tug expose', () => {
  let home: ReturnType<typeof tempHome>
  beforeEach(() => {
    home = tempHome()
    seedStateDir(home.home, ...OBJECTS)
  })
  afterEach(() => home.cleanup())

  const expose = (...argv: string[]) => runTug(Expose, argv, home.home)
  const stored = (name: string) =>
    withStateDir(
      home.home,
      (api) => api.find(mustTypeForKind('Service'), 'default', name) as Service | undefined,
    )

  it('exposes a deployment with its selector, labels and container port', async () => {
    expect(await expose('deployment', 'web')).toEqual({
      stdout: 'service/web exposed\n',
      stderr: '',
      exitCode: 0,
    })
    const service = stored('web')
    expect(service?.metadata.labels).toEqual({app: 'web'})
    expect(service?.spec).toMatchObject({
      type: 'ClusterIP',
      selector: {app: 'web'},
      ports: [{port: 8080, targetPort: 8080, protocol: 'TCP'}],
    })
    expect(service?.spec.clusterIP).toMatch(/^10\.(9[6-9]|10[0-9]|11[01])\.\d+\.\d+$/)
  })

  it('makes a NodePort Service with a port from 30000-32767', async () => {
    const {stdout} = await expose(
      'deploy/web',
      '--port=80',
      '--target-port=8080',
      '--type=NodePort',
      '--name=web-np',
    )
    expect(stdout).toBe('service/web-np exposed\n')
    const port = stored('web-np')?.spec.ports?.[0]
    expect(port).toMatchObject({port: 80, targetPort: 8080})
    expect(port?.nodePort).toBeGreaterThanOrEqual(30000)
    expect(port?.nodePort).toBeLessThanOrEqual(32767)
  })

  it('prints exactly what kubectl prints for a client dry run, and stores nothing', async () => {
    const argv = [
      'deployment',
      'web',
      '--port=80',
      '--target-port=8080',
      '--type=NodePort',
      '--dry-run=client',
      '-o',
      'yaml',
    ]
    expect(await expose(...argv)).toEqual({stdout: WEB_NODE_PORT, stderr: '', exitCode: 0})
    expect(stored('web')).toBeUndefined()
    expect((await expose('deployment', 'web', '--dry-run=server')).stdout).toBe(
      'service/web exposed (server dry run)\n',
    )
    expect(stored('web')).toBeUndefined()
  })

  it('selects a pod by its labels and takes --selector, --labels and a named target port', async () => {
    expect((await expose('pod', 'solo', '--port=8080')).stdout).toBe('service/solo exposed\n')
    expect(stored('solo')?.spec.selector).toEqual({run: 'solo'})
    await expose(
      'rs',
      'picky',
      '--name=chosen',
      '--selector=app=picky,tier=a',
      '--labels=team=blue',
      '--target-port=http',
    )
    expect(stored('chosen')?.metadata.labels).toEqual({team: 'blue'})
    expect(stored('chosen')?.spec).toMatchObject({
      selector: {app: 'picky', tier: 'a'},
      ports: [{port: 80, targetPort: 'http'}],
    })
  })

  it('names several ports and splits a port served over two protocols', async () => {
    await expose('rc', 'multi')
    expect(stored('multi')?.spec.ports).toEqual([
      {name: 'port-1', port: 80, protocol: 'TCP', targetPort: 80},
      {name: 'port-2-udp', port: 53, protocol: 'UDP', targetPort: 53},
      {name: 'port-2-tcp', port: 53, protocol: 'TCP', targetPort: 53},
    ])
  })

  it.each([
    [
      'a pod without labels',
      ['pod', 'bare'],
      "error: couldn't retrieve selectors via --selector flag or introspection: the pod has no labels and cannot be exposed\nSee 'tug expose --help' for help and examples\n",
    ],
    [
      'a pod without ports',
      ['pod', 'solo'],
      "error: couldn't find port via --port flag or introspection\nSee 'tug expose --help' for help and examples\n",
    ],
    [
      'a selector with expressions',
      ['rs', 'picky'],
      `error: couldn't retrieve selectors via --selector flag or introspection: couldn't convert expressions - "[{Key:tier Operator:In Values:[a b]}]" to map-based selector format\nSee 'tug expose --help' for help and examples\n`,
    ],
    [
      'a missing object',
      ['deployment', 'nope'],
      'Error from server (NotFound): deployments.apps "nope" not found\n',
    ],
    ['a namespace', ['namespace', 'default', '--port=80'], 'error: cannot expose a Namespace\n'],
    [
      'no name',
      ['deployment'],
      'error: resource(s) were provided, but no name was specified\nhint: e.g. tug expose deployment web\n',
    ],
    [
      'a bad port',
      ['deployment', 'web', '--port=http'],
      'error: strconv.Atoi: parsing "http": invalid syntax\nhint: a port is a number, e.g. --port=80\n',
    ],
    [
      'an unknown type',
      ['deployment', 'web', '--type=Public'],
      'The Service "web" is invalid: spec.type: Unsupported value: "Public": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"\n',
    ],
  ])('refuses %s as kubectl does', async (_, argv, stderr) => {
    expect(await expose(...argv)).toEqual({stdout: '', stderr, exitCode: 1})
  })

  it('refuses a second Service of the same name', async () => {
    await expose('deployment', 'web')
    expect(await expose('deployment', 'web')).toEqual({
      stdout: '',
      stderr: 'Error from server (AlreadyExists): services "web" already exists\n',
      exitCode: 1,
    })
  })
})
