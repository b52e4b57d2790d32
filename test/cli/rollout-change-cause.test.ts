import {writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import Apply from '../../src/commands/apply.js'
import Create from '../../src/commands/create.js'
import CreateDeployment from '../../src/commands/create/deployment.js'
import Scale from '../../src/commands/scale.js'
import SetImage from '../../src/commands/set/image.js'
import {mustTypeForKind} from '../../src/core/api/resources.js'
import {runTug, tempHome} from '../support/run-tug.js'
import {withStateDir} from '../support/state-dir.js'

const manifest = (image: string, annotations = ''): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
${annotations}spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: ${image}
`

describe('change causes recorded by the commands that change a pod template', () => {
  let home: ReturnType<typeof tempHome>
  beforeEach(() => {
    home = tempHome()
  })
  afterEach(() => home.cleanup())

  const changeCause = () =>
    withStateDir(
      home.home,
      (api) =>
        api.get(mustTypeForKind('Deployment'), 'default', 'web').metadata.annotations?.[
          'kubernetes.io/change-cause'
        ],
    )
  const file = (text: string): string => {
    const path = join(home.home, 'web.yaml')
    writeFileSync(path, text)
    return path
  }

  it('create deployment, set image and scale', async () => {
    await runTug(CreateDeployment, ['web', '--image=tugboat/demo:v1', '--replicas=3'], home.home)
    expect(changeCause()).toBe('tug create deployment web --image=tugboat/demo:v1 --replicas=3')
    expect((await runTug(SetImage, ['deployment/web', 'demo=tugboat/demo:v2'], home.home)).exitCode).toBe(0)
    expect(changeCause()).toBe('tug set image deployment/web demo=tugboat/demo:v2')
    await runTug(SetImage, ['deployment', 'web', '*=tugboat/demo:v3'], home.home)
    expect(changeCause()).toBe("tug set image deployment web '*=tugboat/demo:v3'")
    // Scaling leaves the template, and so the cause, alone; so does an image that is already set.
    await runTug(Scale, ['deployment/web', '--replicas=5'], home.home)
    await runTug(SetImage, ['deployment/web', 'demo=tugboat/demo:v3'], home.home)
    expect(changeCause()).toBe("tug set image deployment web '*=tugboat/demo:v3'")
  })

  it('apply -f, only when the template changes, and never over a cause the manifest changes', async () => {
    const path = file(manifest('nginx:1.25'))
    await runTug(Apply, ['-f', path], home.home)
    expect(changeCause()).toBe(`tug apply -f ${path}`)
    await runTug(Apply, ['--filename', path, '--recursive'], home.home)
    expect(changeCause()).toBe(`tug apply -f ${path}`)
    file(manifest('nginx:1.26'))
    await runTug(Apply, ['--filename', path], home.home)
    expect(changeCause()).toBe(`tug apply --filename ${path}`)
    file(manifest('nginx:1.27', '  annotations:\n    kubernetes.io/change-cause: release 1.27\n'))
    expect((await runTug(Apply, ['-f', path], home.home)).stdout).toBe('deployment.apps/web configured\n')
    expect(changeCause()).toBe('release 1.27')
  })

  it('create -f, unless the manifest names a cause', async () => {
    const path = file(manifest('nginx:1.25'))
    await runTug(Create, ['-f', path], home.home)
    expect(changeCause()).toBe(`tug create -f ${path}`)
  })

  it('create -f keeps the cause the manifest names', async () => {
    const path = file(
      manifest('nginx:1.25', '  annotations:\n    kubernetes.io/change-cause: first release\n'),
    )
    await runTug(Create, ['-f', path], home.home)
    expect(changeCause()).toBe('first release')
  })

  it('a client dry run records nothing, as it sends nothing', async () => {
    const {stdout} = await runTug(
      CreateDeployment,
      ['web', '--image=nginx', '--dry-run=client', '-o', 'yaml'],
      home.home,
    )
    expect(stdout).not.toContain('change-cause')
  })
})
