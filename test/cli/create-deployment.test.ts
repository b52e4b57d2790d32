import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import CreateDeployment from '../../src/commands/create/deployment.js'
import {mustTypeForKind} from '../../src/core/api/resources.js'
import type {Deployment} from '../../src/core/api/types.js'
import {runTug, tempHome} from '../support/run-tug.js'
import {withStateDir} from '../support/state-dir.js'

// kubectl create deployment web --image=nginx --replicas=3 --port=80 --dry-run=client -o yaml (kubectl 1.32).
const THREE_REPLICAS = `apiVersion: apps/v1
kind: Deployment
metadata:
  creationTimestamp: null
  labels:
    app: web
  name: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  strategy: {}
  template:
    metadata:
      creationTimestamp: null
      labels:
        app: web
    spec:
      containers:
      - image: nginx
        name: nginx
        ports:
        - containerPort: 80
        resources: {}
status: {}
`

// kubectl create deployment web --image=nginx --image=busybox:1.36 --dry-run=client -o json
const TWO_IMAGES_JSON = `{
    "kind": "Deployment",
    "apiVersion": "apps/v1",
    "metadata": {
        "name": "web",
        "creationTimestamp": null,
        "labels": {
            "app": "web"
        }
    },
    "spec": {
        "replicas": 1,
        "selector": {
            "matchLabels": {
                "app": "web"
            }
        },
        "template": {
            "metadata": {
                "creationTimestamp": null,
                "labels": {
                    "app": "web"
                }
            },
            "spec": {
                "containers": [
                    {
                        "name": "nginx",
                        "image": "nginx",
                        "resources": {}
                    },
                    {
                        "name": "busybox",
                        "image": "busybox:1.36",
                        "resources": {}
                    }
                ]
            }
        },
        "strategy": {}
    },
    "status": {}
}
`

// kubectl create deployment sleeper --image=busybox -n dev --dry-run=client -o yaml -- sleep 3600
const WITH_COMMAND = `apiVersion: apps/v1
kind: Deployment
metadata:
  creationTimestamp: null
  labels:
    app: sleeper
  name: sleeper
  namespace: dev
spec:
  replicas: 1
  selector:
    matchLabels:
      app: sleeper
  strategy: {}
  template:
    metadata:
      creationTimestamp: null
      labels:
        app: sleeper
    spec:
      containers:
      - command:
        - sleep
        - "3600"
        image: busybox
        name: busybox
        resources: {}
status: {}
`

describe('tug create deployment', () => {
  let home: ReturnType<typeof tempHome>
  beforeEach(() => {
    home = tempHome()
  })
  afterEach(() => home.cleanup())

  const create = (...argv: string[]) => runTug(CreateDeployment, argv, home.home)
  const stored = (name: string) =>
    withStateDir(
      home.home,
      (api) => api.find(mustTypeForKind('Deployment'), 'default', name) as Deployment | undefined,
    )

  it('creates the deployment and says so', async () => {
    expect(await create('web', '--image=nginx', '--replicas=3')).toEqual({
      stdout: 'deployment.apps/web created\n',
      stderr: '',
      exitCode: 0,
    })
    const deployment = stored('web')
    expect(deployment?.spec.replicas).toBe(3)
    expect(deployment?.spec.selector).toEqual({matchLabels: {app: 'web'}})
    expect(
      deployment?.spec.template.spec.containers.map((container) => [container.name, container.image]),
    ).toEqual([['nginx', 'nginx']])
  })

  it.each([
    [['web', '--image=nginx', '--replicas=3', '--port=80', '--dry-run=client', '-o', 'yaml'], THREE_REPLICAS],
    [['web', '--image=nginx', '--image=busybox:1.36', '--dry-run=client', '-o', 'json'], TWO_IMAGES_JSON],
    [['web', '--image=nginx,busybox:1.36', '--dry-run=client', '-o', 'json'], TWO_IMAGES_JSON],
    [
      ['sleeper', '--image=busybox', '-n', 'dev', '--dry-run=client', '-o', 'yaml', '--', 'sleep', '3600'],
      WITH_COMMAND,
    ],
  ])('prints exactly what kubectl prints for %j', async (argv, expected) => {
    expect(await create(...argv)).toEqual({stdout: expected, stderr: '', exitCode: 0})
    expect(stored(argv[0]!)).toBeUndefined()
  })

  it.each([
    ['client', 'deployment.apps/web created (dry run)\n'],
    ['server', 'deployment.apps/web created (server dry run)\n'],
  ])('stores nothing in a %s dry run', async (dryRun, stdout) => {
    expect(await create('web', '--image=nginx', `--dry-run=${dryRun}`)).toEqual({
      stdout,
      stderr: '',
      exitCode: 0,
    })
    expect(stored('web')).toBeUndefined()
  })

  it('prints the name with -o name', async () => {
    expect((await create('web', '--image=nginx', '-o', 'name')).stdout).toBe('deployment.apps/web\n')
  })

  it('gives the command after -- to the container', async () => {
    await create('sleeper', '--image=busybox', '--', 'sleep', '3600')
    expect(stored('sleeper')?.spec.template.spec.containers[0]?.command).toEqual(['sleep', '3600'])
  })

  it.each([
    [
      'no name',
      ['--image=nginx'],
      'error: exactly one NAME is required, got 0\nhint: tug create deployment NAME --image=IMAGE\n',
    ],
    [
      'two names',
      ['a', 'b', '--image=nginx'],
      'error: exactly one NAME is required, got 2\nhint: tug create deployment NAME --image=IMAGE\n',
    ],
    [
      'no image',
      ['web'],
      'error: required flag(s) "image" not set\nhint: name the image to run, e.g. --image=nginx\n',
    ],
    [
      'a command with several images',
      ['web', '--image=a', '--image=b', '--', 'sleep', '1'],
      'error: cannot specify multiple --image options and command\n',
    ],
  ])("refuses %s with kubectl's message", async (_case, argv, stderr) => {
    expect(await create(...argv)).toEqual({stdout: '', stderr, exitCode: 1})
  })

  it('refuses an image with shell characters before anything is written', async () => {
    const result = await create('web', '--image=nginx;id')
    expect(result.stderr).toMatch(/^error: Invalid image name "nginx;id": invalid reference format\nhint: /)
    expect(result.exitCode).toBe(1)
    expect(stored('web')).toBeUndefined()
  })

  it('lets the API server refuse a bad name', async () => {
    const result = await create('web$(id)', '--image=nginx')
    expect(result.stderr).toContain(
      'metadata.name: Invalid value: "web$(id)": a lowercase RFC 1123 subdomain',
    )
    expect(result.exitCode).toBe(1)
  })

  it('reports an existing deployment as kubectl does', async () => {
    await create('web', '--image=nginx')
    expect(await create('web', '--image=nginx')).toEqual({
      stdout: '',
      stderr: 'error: failed to create deployment: deployments.apps "web" already exists\n',
      exitCode: 1,
    })
  })
})
