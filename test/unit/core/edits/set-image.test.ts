import {describe, expect, it} from 'vitest'
import {mustTypeForKind} from '../../../../src/core/api/resources.js'
import type {Container, PodSpec} from '../../../../src/core/api/types.js'
import type {SetImageRequest} from '../../../../src/core/edits/set-image.js'
import {parseImagePairs, setImages} from '../../../../src/core/edits/set-image.js'
import {testApiServer} from '../../../support/api.js'
import {named, seed, seedWorkloads, workload} from './fixtures.js'

const images = (containers: Container[] | undefined) =>
  (containers ?? []).map((container) => `${container.name}=${container.image}`)

function setup() {
  const {api} = testApiServer()
  seedWorkloads(api)
  seed(api, {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {name: 'svc'},
    spec: {selector: {app: 'web'}, ports: [{port: 80}]},
  })
  const templateOf = (kind: string, name: string) =>
    (api.get(mustTypeForKind(kind), 'default', name).spec as {template: {spec: PodSpec}}).template.spec
  const podSpec = () => api.get(mustTypeForKind('Pod'), 'default', 'solo').spec as PodSpec
  const request = (pairs: string[], extra: Partial<SetImageRequest> = {}): SetImageRequest => ({
    resources: [named('Deployment', 'web')],
    namespace: 'default',
    images: pairs,
    dryRun: 'none',
    ...extra,
  })
  return {api, templateOf, podSpec, request}
}

describe('parseImagePairs', () => {
  it.each([
    [[], 'at least one image update is required'],
    [
      ['*=nginx', 'side=busybox'],
      'all containers are already specified by *, but saw more than one container_name=container_image pairs',
    ],
    [['nginx=nginx;id'], 'Invalid image name "nginx;id": invalid reference format'],
    [['nginx='], 'Invalid image name "": invalid reference format'],
    [['nginx-'], 'invalid image format: nginx-'],
  ])('refuses %j', (pairs, message) => {
    expect(() => parseImagePairs(pairs)).toThrow(message)
  })
})

describe('setImages', () => {
  it.each(['Deployment', 'ReplicaSet', 'ReplicationController'])(
    'changes the pod template of a %s',
    (kind) => {
      const {api, templateOf, request} = setup()
      const name = {Deployment: 'web', ReplicaSet: 'rs', ReplicationController: 'rc'}[kind]!
      const updated = setImages(api, request(['nginx=nginx:1.25'], {resources: [named(kind, name)]}))
      expect(updated).toHaveLength(1)
      expect(images(templateOf(kind, name).containers)).toEqual(['nginx=nginx:1.25'])
    },
  )

  it('changes containers and init containers of a pod', () => {
    const {api, podSpec, request} = setup()
    setImages(api, request(['side=busybox:1.36', 'init=alpine:3'], {resources: [named('Pod', 'solo')]}))
    expect(images(podSpec().containers)).toEqual(['nginx=nginx:1.24', 'side=busybox:1.36'])
    expect(images(podSpec().initContainers)).toEqual(['init=alpine:3'])
  })

  it('changes every container with *', () => {
    const {api, podSpec, request} = setup()
    setImages(api, request(['*=busybox:1.36'], {resources: [named('Pod', 'solo')]}))
    expect(images([...(podSpec().initContainers ?? []), ...podSpec().containers])).toEqual([
      'init=busybox:1.36',
      'nginx=busybox:1.36',
      'side=busybox:1.36',
    ])
  })

  it('leaves out objects whose images already match', () => {
    const {api, request} = setup()
    expect(setImages(api, request(['nginx=nginx:1.24']))).toEqual([])
  })

  it('names every missing container and writes nothing', () => {
    const {api, templateOf, request} = setup()
    expect(() => setImages(api, request(['x=a', 'nginx=nginx:1.25', 'y=b']))).toThrow(
      'unable to find container named "x"\nerror: unable to find container named "y"',
    )
    expect(images(templateOf('Deployment', 'web').containers)).toEqual(['nginx=nginx:1.24'])
  })

  it('refuses objects without a pod template', () => {
    const {api, request} = setup()
    expect(() =>
      setImages(api, request(['nginx=nginx:1.25'], {resources: [named('Service', 'svc')]})),
    ).toThrow('services/svc the object is not a pod or does not have a pod template: *v1.Service')
  })

  it.each(['client', 'server'] as const)('stores nothing in a %s dry run', (dryRun) => {
    const {api, templateOf, request} = setup()
    const [updated] = setImages(api, request(['nginx=nginx:1.25'], {dryRun}))
    expect(images((updated?.object.spec as {template: {spec: PodSpec}}).template.spec.containers)).toEqual([
      'nginx=nginx:1.25',
    ])
    expect(images(templateOf('Deployment', 'web').containers)).toEqual(['nginx=nginx:1.24'])
  })

  it('works on every deployment with --all', () => {
    const {api, request} = setup()
    seed(api, workload('Deployment', 'api'))
    const updated = setImages(
      api,
      request(['nginx=nginx:1.25'], {resources: [named('Deployment')], all: true}),
    )
    expect(updated.map(({object}) => object.metadata.name)).toEqual(['api', 'web'])
  })

  it.each([
    [
      'no resources',
      {resources: []},
      'one or more resources must be specified as <resource> <name> or <resource>/<name>',
    ],
    ['a missing object', {resources: [named('Deployment', 'ghost')]}, 'deployments.apps "ghost" not found'],
    [
      '--all with a selector',
      {resources: [named('Deployment')], all: true, selector: 'a=b'},
      'cannot set --all and --selector at the same time',
    ],
  ])('refuses %s', (_case, extra, message) => {
    const {api, request} = setup()
    expect(() => setImages(api, request(['nginx=nginx:1.25'], extra))).toThrow(message)
  })
})
