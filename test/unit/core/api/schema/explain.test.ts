import {describe, expect, it} from 'vitest'
import {UserError} from '../../../../../src/core/api/errors.js'
import {explain} from '../../../../../src/core/api/schema/explain.js'

// kubectl 1.28's plaintext template: header, blank line, description indented 4 and wrapped at 76 (its last
// line is the template's indented newline), fields indented 2 with a tab before the type, and a final newline.
const DEPLOYMENT = `GROUP:      apps
KIND:       Deployment
VERSION:    v1

DESCRIPTION:
    Deployment enables declarative updates for Pods and ReplicaSets.
    
FIELDS:
  apiVersion\t<string>
    APIVersion defines the versioned schema of this representation of an object.
    Servers should convert recognized schemas to the latest internal value, and
    may reject unrecognized values. More info:
    https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources

  kind\t<string>
    Kind is a string value representing the REST resource this object
    represents. Servers may infer this from the endpoint the client submits
    requests to. Cannot be updated. In CamelCase. More info:
    https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds

  metadata\t<ObjectMeta>
    Standard object's metadata. More info:
    https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata

  spec\t<DeploymentSpec>
    Specification of the desired behavior of the Deployment.

  status\t<DeploymentStatus>
    Most recently observed status of the Deployment.


`

const REPLICAS = `GROUP:      apps
KIND:       Deployment
VERSION:    v1

FIELD: replicas <integer>

DESCRIPTION:
    Number of desired pods. This is a pointer to distinguish between explicit
    zero and not specified. Defaults to 1.
    

`

const CONTAINERS_HEAD = `KIND:       Pod
VERSION:    v1

FIELD: containers <[]Container>

DESCRIPTION:
    List of containers belonging to the pod. Containers cannot currently be
    added or removed. There must be at least one container in a Pod. Cannot be
    updated.
    A single application container that you want to run within a pod.
    
FIELDS:
  args\t<[]string>
    Arguments to the entrypoint. The container image's CMD is used if this is
    not provided.`

const STRATEGY_RECURSIVE = `GROUP:      apps
KIND:       Deployment
VERSION:    v1

FIELD: strategy <DeploymentStrategy>

DESCRIPTION:
    The deployment strategy to use to replace existing pods with new ones.
    DeploymentStrategy describes how to replace existing pods with new ones.
    
FIELDS:
  rollingUpdate\t<RollingUpdateDeployment>
    maxSurge\t<IntOrString>
    maxUnavailable\t<IntOrString>
  type\t<string>

`

function thrownBy(action: () => unknown): Error {
  try {
    action()
  } catch (error) {
    return error as Error
  }
  throw new Error('expected an error')
}

describe('explain', () => {
  it('describes a kind and lists its fields', () => {
    expect(explain('deployment', {})).toBe(DEPLOYMENT)
  })

  it('describes one field', () => {
    expect(explain('deployment.spec.replicas', {})).toBe(REPLICAS)
  })

  it.each(['deploy', 'deployments', 'Deployment', 'deployment.'])('resolves %s like kubectl', (name) => {
    expect(explain(name, {})).toBe(DEPLOYMENT)
  })

  it('walks through a list to its items, describing the field and then the item type', () => {
    expect(explain('po.spec.containers', {}).startsWith(CONTAINERS_HEAD)).toBe(true)
  })

  it('lists the fields of a list item in sorted order, marking the required ones', () => {
    const fieldLines = explain('po.spec.containers', {})
      .split('\n')
      .filter((line) => /^ {2}\S/.test(line))
    expect(fieldLines).toEqual([
      '  args\t<[]string>',
      '  command\t<[]string>',
      '  env\t<[]EnvVar>',
      '  envFrom\t<[]EnvFromSource>',
      '  image\t<string>',
      '  imagePullPolicy\t<string>',
      '  lifecycle\t<Lifecycle>',
      '  livenessProbe\t<Probe>',
      '  name\t<string> -required-',
      '  ports\t<[]ContainerPort>',
      '  readinessProbe\t<Probe>',
      '  resizePolicy\t<[]ContainerResizePolicy>',
      '  resources\t<ResourceRequirements>',
      '  restartPolicy\t<string>',
      '  securityContext\t<SecurityContext>',
      '  startupProbe\t<Probe>',
      '  stdin\t<boolean>',
      '  stdinOnce\t<boolean>',
      '  terminationMessagePath\t<string>',
      '  terminationMessagePolicy\t<string>',
      '  tty\t<boolean>',
      '  volumeDevices\t<[]VolumeDevice>',
      '  volumeMounts\t<[]VolumeMount>',
      '  workingDir\t<string>',
    ])
  })

  it('follows a path through list items to a nested field', () => {
    expect(explain('pods.spec.containers.ports.containerPort', {})).toContain(
      'FIELD: containerPort <integer>\n\nDESCRIPTION:\n',
    )
  })

  it.each([
    {path: 'deploy.spec.template.metadata.labels', type: 'map[string]string'},
    {path: 'pod.spec.containers.resources.limits', type: 'map[string]Quantity'},
    {path: 'deploy.spec.strategy.rollingUpdate.maxSurge', type: 'IntOrString'},
    {path: 'pod.metadata.creationTimestamp', type: 'string'},
    {path: 'svc.spec.ports', type: '[]ServicePort'},
    {path: 'no.spec.taints', type: '[]Taint'},
    {path: 'ev.involvedObject', type: 'ObjectReference'},
    {path: 'ns.spec.finalizers', type: '[]string'},
  ])('names the type of $path as $type', ({path, type}) => {
    expect(explain(path, {})).toContain(`\nFIELD: ${path.split('.').at(-1)} <${type}>\n`)
  })

  it("adds the description of a referenced type after the field's own", () => {
    expect(explain('pod.metadata.creationTimestamp', {})).toContain(
      '    https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata\n    Time is a wrapper around time.Time',
    )
  })

  it('prints no GROUP line for core kinds', () => {
    expect(explain('ev', {}).startsWith('KIND:       Event\nVERSION:    v1\n\nDESCRIPTION:\n')).toBe(true)
  })

  it('lists nested fields without descriptions when recursive', () => {
    expect(explain('deploy.spec.strategy', {recursive: true})).toBe(STRATEGY_RECURSIVE)
  })

  it('indents each level of a recursive listing by two more spaces', () => {
    const text = explain('deployment', {recursive: true})
    expect(text).toContain('\n  spec\t<DeploymentSpec>\n    minReadySeconds\t<integer>\n')
    expect(text).toContain(
      '\n    selector\t<LabelSelector> -required-\n      matchExpressions\t<[]LabelSelectorRequirement>\n',
    )
    expect(text).toContain('\n        containers\t<[]Container> -required-\n          args\t<[]string>\n')
  })

  it('keeps description lines within 80 columns unless a single word is longer', () => {
    const long = explain('pod.spec', {})
      .split('\n')
      .filter((line) => line.length > 80 && line.trim().includes(' '))
    expect(long).toEqual([])
  })

  it.each([
    {path: 'deployment.spec.replicaz', field: 'replicaz'},
    {path: 'deployment.spek.replicas', field: 'replicas'},
    {path: 'pod.spec.containers.imagee', field: 'imagee'},
    {path: 'deployment.apps', field: 'apps'},
  ])('refuses $path naming the last segment, as kubectl does', ({path, field}) => {
    const error = thrownBy(() => explain(path, {}))
    expect(error).toBeInstanceOf(UserError)
    expect(error.message).toBe(`field "${field}" does not exist`)
  })

  it('refuses an unknown resource type', () => {
    expect(() => explain('widgets.spec', {})).toThrow(`the server doesn't have a resource type "widgets"`)
  })
})
