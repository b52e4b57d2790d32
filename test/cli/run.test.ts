import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import Run from '../../src/commands/run.js'
import {mustTypeForKind} from '../../src/core/api/resources.js'
import type {Pod} from '../../src/core/api/types.js'
import {runTug, tempHome} from '../support/run-tug.js'
import {withStateDir} from '../support/state-dir.js'

// `kubectl run web --image=nginx --dry-run=client -o yaml` (kubectl 1.32).
const DEFAULT_POD = `apiVersion: v1
kind: Pod
metadata:
  creationTimestamp: null
  labels:
    run: web
  name: web
spec:
  containers:
  - image: nginx
    name: web
    resources: {}
  dnsPolicy: ClusterFirst
  restartPolicy: Always
status: {}
`

// kubectl run web --image=nginx:1.25 --labels=app=web,tier=front --port=80 --env=A=1 --env=B=x=y --restart=Never
//   --image-pull-policy=IfNotPresent --dry-run=client -o json -- sh -c 'echo hi && exit'
const FULL_POD_JSON = `{
    "kind": "Pod",
    "apiVersion": "v1",
    "metadata": {
        "name": "web",
        "creationTimestamp": null,
        "labels": {
            "app": "web",
            "tier": "front"
        }
    },
    "spec": {
        "containers": [
            {
                "name": "web",
                "image": "nginx:1.25",
                "args": [
                    "sh",
                    "-c",
                    "echo hi \\u0026\\u0026 exit"
                ],
                "ports": [
                    {
                        "containerPort": 80
                    }
                ],
                "env": [
                    {
                        "name": "A",
                        "value": "1"
                    },
                    {
                        "name": "B",
                        "value": "x=y"
                    }
                ],
                "resources": {},
                "imagePullPolicy": "IfNotPresent"
            }
        ],
        "restartPolicy": "Never",
        "dnsPolicy": "ClusterFirst"
    },
    "status": {}
}
`

// kubectl run sleeper --image=busybox --command -n dev --dry-run=client -o yaml -- sleep 3600
const COMMAND_POD = `apiVersion: v1
kind: Pod
metadata:
  creationTimestamp: null
  labels:
    run: sleeper
  name: sleeper
  namespace: dev
spec:
  containers:
  - command:
    - sleep
    - "3600"
    image: busybox
    name: sleeper
    resources: {}
  dnsPolicy: ClusterFirst
  restartPolicy: Always
status: {}
`

describe('tug run', () => {
  let home: ReturnType<typeof tempHome>
  beforeEach(() => {
    home = tempHome()
  })
  afterEach(() => home.cleanup())

  const run = (...argv: string[]) => runTug(Run, argv, home.home)
  const storedPod = (name: string, namespace = 'default') =>
    withStateDir(home.home, (api) => api.find(mustTypeForKind('Pod'), namespace, name) as Pod | undefined)

  it('creates the pod and says so', async () => {
    expect(await run('web', '--image=nginx')).toEqual({stdout: 'pod/web created\n', stderr: '', exitCode: 0})
    const pod = storedPod('web')
    expect(pod?.metadata.labels).toEqual({run: 'web'})
    expect(pod?.spec.containers.map((container) => [container.name, container.image])).toEqual([
      ['web', 'nginx'],
    ])
    expect(pod?.status?.phase).toBe('Pending')
  })

  it.each([
    [['web', '--image=nginx', '--dry-run=client', '-o', 'yaml'], DEFAULT_POD],
    [
      [
        'web',
        '--image=nginx:1.25',
        '--labels=app=web,tier=front',
        '--port=80',
        '--env=A=1',
        '--env=B=x=y',
        '--restart=Never',
        '--image-pull-policy=IfNotPresent',
        '--dry-run=client',
        '-o',
        'json',
        '--',
        'sh',
        '-c',
        'echo hi && exit',
      ],
      FULL_POD_JSON,
    ],
    [
      [
        'sleeper',
        '--image=busybox',
        '--command',
        '-n',
        'dev',
        '--dry-run=client',
        '-o',
        'yaml',
        '--',
        'sleep',
        '3600',
      ],
      COMMAND_POD,
    ],
  ])('prints exactly what kubectl prints for %j', async (argv, expected) => {
    expect(await run(...argv)).toEqual({stdout: expected, stderr: '', exitCode: 0})
    expect(storedPod(argv[0]!)).toBeUndefined()
  })

  it.each([
    ['client', 'pod/web created (dry run)\n'],
    ['server', 'pod/web created (server dry run)\n'],
  ])('stores nothing in a %s dry run', async (dryRun, stdout) => {
    expect(await run('web', '--image=nginx', `--dry-run=${dryRun}`)).toEqual({
      stdout,
      stderr: '',
      exitCode: 0,
    })
    expect(storedPod('web')).toBeUndefined()
  })

  it('prints the name with -o name', async () => {
    expect((await run('web', '--image=nginx', '-o', 'name')).stdout).toBe('pod/web\n')
  })

  it('prints the stored object, defaults included, with -o yaml', async () => {
    const {stdout} = await run('web', '--image=nginx', '-o', 'yaml')
    expect(stdout).toContain('  uid: ')
    expect(stdout).toContain('  phase: Pending')
    expect(stdout).toContain('    imagePullPolicy: Always')
  })

  it('passes words after -- to the container untouched, flags included', async () => {
    await run('hello', '--image=busybox', '--restart=OnFailure', '--', 'sh', '-c', 'echo --image=x', '-n')
    const pod = storedPod('hello')
    expect(pod?.spec.containers[0]?.args).toEqual(['sh', '-c', 'echo --image=x', '-n'])
    expect(pod?.spec.restartPolicy).toBe('OnFailure')
  })

  it('creates the pod in the namespace given with -n', async () => {
    expect((await run('web', '--image=nginx', '-n', 'kube-system')).stdout).toBe('pod/web created\n')
    expect(storedPod('web', 'kube-system')?.metadata.namespace).toBe('kube-system')
  })

  it.each([
    ['no image', ['web'], 'error: --image is required\nhint: name the image to run, e.g. --image=nginx\n'],
    [
      'no name',
      ['--image=nginx'],
      'error: NAME is required for run\nhint: give the pod a name: tug run NAME --image=IMAGE\n',
    ],
    [
      'a restart policy',
      ['web', '--image=nginx', '--restart=Sometimes'],
      'error: invalid restart policy: Sometimes\nhint: use one of: Always, OnFailure, Never\n',
    ],
    [
      'a pull policy',
      ['web', '--image=nginx', '--image-pull-policy=Maybe'],
      'error: invalid image pull policy: Maybe\nhint: use one of: Always, IfNotPresent, Never\n',
    ],
    ['an env', ['web', '--image=nginx', '--env=NOVALUE'], 'error: invalid env: NOVALUE\n'],
    ['a label spec', ['web', '--image=nginx', '--labels=app'], 'error: unexpected label spec: app\n'],
    [
      'a port',
      ['web', '--image=nginx', '--port=http'],
      'error: strconv.Atoi: parsing "http": invalid syntax\nhint: a port is a number, e.g. --port=80\n',
    ],
    [
      'a dry-run value',
      ['web', '--image=nginx', '--dry-run=maybe'],
      'error: Invalid dry-run value (maybe). Must be "none", "server", or "client".\n',
    ],
    [
      'an output format',
      ['web', '--image=nginx', '-o', 'wide'],
      'error: unable to match a printer suitable for the output format "wide", allowed formats are: json,name,yaml\n',
    ],
  ])("refuses %s with kubectl's message", async (_case, argv, stderr) => {
    expect(await run(...argv)).toEqual({stdout: '', stderr, exitCode: 1})
  })

  it('refuses an unknown flag rather than taking it for an argument', async () => {
    expect(await run('web', '--imag=nginx')).toEqual({
      stdout: '',
      stderr: "error: Nonexistent flag: --imag=nginx\nSee 'tug run --help' for usage.\n",
      exitCode: 1,
    })
    // oclif warns (outside production) that the command did not parse; let that land before the next test.
    await new Promise((resolve) => setImmediate(resolve))
    expect(storedPod('web')).toBeUndefined()
  })

  it.each(['nginx;rm -rf /', 'nginx && curl evil', '$(id)', 'NGINX'])(
    'refuses the image %j before anything is written',
    async (image) => {
      const result = await run('web', `--image=${image}`)
      expect(result.stderr).toMatch(
        new RegExp(
          `^error: Invalid image name ${JSON.stringify(image).replace(/[$()|]/g, '\\$&')}: invalid reference format\nhint: `,
        ),
      )
      expect(result.exitCode).toBe(1)
      expect(storedPod('web')).toBeUndefined()
    },
  )

  it.each(['web;rm', 'Web', 'web$(id)', 'a b'])('lets the API server refuse the name %j', async (name) => {
    const result = await run(name, '--image=nginx')
    expect(result.stderr).toMatch(
      new RegExp(`^The Pod ${JSON.stringify(name).replace(/[$()]/g, '\\$&')} is invalid: `),
    )
    expect(result.stderr).toContain(
      `metadata.name: Invalid value: ${JSON.stringify(name)}: a lowercase RFC 1123 subdomain`,
    )
    expect(result.exitCode).toBe(1)
  })

  it('reports a pod that already exists as the API server does', async () => {
    await run('web', '--image=nginx')
    expect(await run('web', '--image=nginx')).toEqual({
      stdout: '',
      stderr: 'Error from server (AlreadyExists): pods "web" already exists\n',
      exitCode: 1,
    })
  })

  it('reports a missing namespace', async () => {
    expect((await run('web', '--image=nginx', '-n', 'nope')).stderr).toBe(
      'Error from server (NotFound): namespaces "nope" not found\n',
    )
  })
})
