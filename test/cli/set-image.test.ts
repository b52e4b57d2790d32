import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import SetImage from '../../src/commands/set/image.js'
import {mustTypeForKind} from '../../src/core/api/resources.js'
import type {Container, PodSpec} from '../../src/core/api/types.js'
import {runTug, tempHome} from '../support/run-tug.js'
import {seedStateDir, withStateDir} from '../support/state-dir.js'

const containers = [
  {name: 'nginx', image: 'nginx:1.24'},
  {name: 'side', image: 'busybox'},
]

describe('tug set image', () => {
  let home: ReturnType<typeof tempHome>
  beforeEach(() => {
    home = tempHome()
    const labels = {app: 'web'}
    seedStateDir(
      home.home,
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: {name: 'web', labels},
        spec: {selector: {matchLabels: labels}, template: {metadata: {labels}, spec: {containers}}},
      },
      {apiVersion: 'v1', kind: 'Pod', metadata: {name: 'solo'}, spec: {containers}},
    )
  })
  afterEach(() => home.cleanup())

  const setImage = (...argv: string[]) => runTug(SetImage, argv, home.home)
  const imagesOf = (kind: string, name: string) =>
    withStateDir(home.home, (api) => {
      const object = api.get(mustTypeForKind(kind), 'default', name)
      const spec =
        kind === 'Pod' ? (object.spec as PodSpec) : (object.spec as {template: {spec: PodSpec}}).template.spec
      return spec.containers.map((container: Container) => `${container.name}=${container.image}`)
    })

  it.each([
    [
      ['deployment/web', 'nginx=nginx:1.25'],
      'deployment.apps/web image updated\n',
      'Deployment',
      'web',
      ['nginx=nginx:1.25', 'side=busybox'],
    ],
    [
      ['deployment', 'web', '*=busybox:1.36'],
      'deployment.apps/web image updated\n',
      'Deployment',
      'web',
      ['nginx=busybox:1.36', 'side=busybox:1.36'],
    ],
    [
      ['pod', 'solo', 'side=busybox:1.36', 'nginx=nginx:1.25'],
      'pod/solo image updated\n',
      'Pod',
      'solo',
      ['nginx=nginx:1.25', 'side=busybox:1.36'],
    ],
    [['pod', 'solo', 'nginx=nginx:1.24'], '', 'Pod', 'solo', ['nginx=nginx:1.24', 'side=busybox']],
  ])('%j prints what kubectl prints', async (argv, stdout, kind, name, images) => {
    expect(await setImage(...argv)).toEqual({stdout, stderr: '', exitCode: 0})
    expect(imagesOf(kind, name)).toEqual(images)
  })

  it('prints dry runs without storing', async () => {
    expect((await setImage('deployment', 'web', 'nginx=nginx:1.25', '--dry-run=client')).stdout).toBe(
      'deployment.apps/web image updated (dry run)\n',
    )
    expect((await setImage('deployment', 'web', 'nginx=nginx:1.25', '--dry-run=server')).stdout).toBe(
      'deployment.apps/web image updated (server dry run)\n',
    )
    expect(
      (await setImage('deployment', 'web', 'nginx=nginx:1.25', '--dry-run=client', '-o', 'yaml')).stdout,
    ).toContain('      - image: nginx:1.25\n')
    expect(imagesOf('Deployment', 'web')).toEqual(['nginx=nginx:1.24', 'side=busybox'])
  })

  it('names every unknown container, as kubectl does, and changes nothing', async () => {
    expect(await setImage('deployment', 'web', 'x=nginx', 'nginx=nginx:1.25', 'y=nginx')).toEqual({
      stdout: '',
      stderr: 'error: unable to find container named "x"\nerror: unable to find container named "y"\n',
      exitCode: 1,
    })
    expect(imagesOf('Deployment', 'web')).toEqual(['nginx=nginx:1.24', 'side=busybox'])
  })

  it.each([
    ['an unknown container', ['deployment', 'web', 'x=nginx'], 'error: unable to find container named "x"\n'],
    [
      'no pair',
      ['deployment', 'web'],
      'error: at least one image update is required\nhint: e.g. nginx=nginx:1.25, or *=nginx:1.25 for every container\n',
    ],
    [
      '* with another pair',
      ['deployment', 'web', '*=a', 'nginx=b'],
      'error: all containers are already specified by *, but saw more than one container_name=container_image pairs\n',
    ],
    ['a removal', ['deployment', 'web', 'nginx-'], 'error: invalid image format: nginx-\n'],
    [
      'a missing deployment',
      ['deployment', 'api', 'nginx=nginx'],
      'Error from server (NotFound): deployments.apps "api" not found\n',
    ],
  ])("refuses %s with kubectl's message", async (_case, argv, stderr) => {
    expect(await setImage(...argv)).toEqual({stdout: '', stderr, exitCode: 1})
  })

  it.each(['nginx;id', 'nginx:1.25 && curl x', '$(id)'])('refuses the image %j', async (image) => {
    const result = await setImage('deployment', 'web', `nginx=${image}`)
    expect(result.stderr).toContain(
      `error: Invalid image name ${JSON.stringify(image)}: invalid reference format\nhint: `,
    )
    expect(result.exitCode).toBe(1)
    expect(imagesOf('Deployment', 'web')).toEqual(['nginx=nginx:1.24', 'side=busybox'])
  })
})
