import {describe, expect, it} from 'vitest'
import type {KubeObject} from '../../../../../src/core/api/types.js'
import {
  problems,
  validDeployment,
  validNamespace,
  validNode,
  validPod,
  validReplicaSet,
  validReplicationController,
  validService,
} from './fixtures.js'

const SUBDOMAIN =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"
const LABEL =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"
const DNS1035 =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')"

const objects: [string, () => KubeObject][] = [
  ['Pod', validPod],
  ['ReplicationController', validReplicationController],
  ['ReplicaSet', validReplicaSet],
  ['Deployment', validDeployment],
  ['Service', validService],
  ['Node', validNode],
  ['Namespace', validNamespace],
]

describe('metadata validation', () => {
  it.each(objects)('accepts a valid %s', (_, make) => {
    expect(problems(make())).toEqual([])
  })

  it.each(objects)('requires a name for a %s', (_, make) => {
    expect(problems(make(), (o) => delete o.metadata.name)).toContain(
      'metadata.name: Required value: name or generateName is required',
    )
  })

  it.each([
    ['Pod', validPod, 'Web_1', SUBDOMAIN],
    ['Deployment', validDeployment, 'web.v1_', SUBDOMAIN],
    ['Node', validNode, '-node', SUBDOMAIN],
    ['Service', validService, '1web', DNS1035],
    ['Service', validService, 'web.v1', DNS1035],
    ['Namespace', validNamespace, 'team.a', LABEL],
  ] as [string, () => KubeObject, string, string][])(
    'checks a %s name against its DNS rule (case %#)',
    (_, make, name, rule) => {
      expect(problems(make(), (o) => (o.metadata.name = name))).toEqual([
        `metadata.name: Invalid value: ${JSON.stringify(name)}: ${rule}`,
      ])
    },
  )

  it('accepts dotted names for subdomain kinds', () => {
    expect(problems(validPod(), (p) => (p.metadata.name = 'web.v1'))).toEqual([])
  })

  it('checks generateName as a prefix, allowing a trailing dash', () => {
    expect(problems(validPod(), (p) => (p.metadata.generateName = 'web-'))).toEqual([])
    expect(problems(validPod(), (p) => (p.metadata.generateName = 'Web-'))).toEqual([
      `metadata.generateName: Invalid value: "Web-": ${SUBDOMAIN}`,
    ])
  })

  it.each([
    [
      'a namespaced kind without namespace',
      validPod,
      (o: KubeObject) => delete o.metadata.namespace,
      'metadata.namespace: Required value',
    ],
    [
      'a cluster-scoped kind with a namespace',
      validNode,
      (o: KubeObject) => (o.metadata.namespace = 'default'),
      'metadata.namespace: Forbidden: not allowed on this type',
    ],
    [
      'a negative generation',
      validPod,
      (o: KubeObject) => (o.metadata.generation = -1),
      'metadata.generation: Invalid value: -1: must be greater than or equal to 0',
    ],
  ] as [string, () => KubeObject, (o: KubeObject) => void, string][])(
    'reports %s',
    (_, make, patch, message) => {
      expect(problems(make(), patch)).toEqual([message])
    },
  )

  it('reports bad label keys and values at metadata.labels', () => {
    const messages = problems(validPod(), (p) => (p.metadata.labels = {'bad key': 'ok', app: 'bad value'}))
    expect(messages).toHaveLength(2)
    expect(messages[0]).toMatch(
      /^metadata\.labels: Invalid value: "bad key": name part must consist of alphanumeric characters/,
    )
    expect(messages[1]).toMatch(
      /^metadata\.labels: Invalid value: "bad value": a valid label must be an empty string/,
    )
  })

  it('reports bad annotation keys at metadata.annotations', () => {
    expect(problems(validPod(), (p) => (p.metadata.annotations = {'a/b/c': 'x'}))[0]).toMatch(
      /^metadata\.annotations: Invalid value: "a\/b\/c": a qualified name/,
    )
  })

  it.each([
    ['apiVersion', 'metadata.ownerReferences.apiVersion: Invalid value: "": version must not be empty'],
    ['kind', 'metadata.ownerReferences.kind: Invalid value: "": must not be empty'],
    ['name', 'metadata.ownerReferences.name: Invalid value: "": must not be empty'],
    ['uid', 'metadata.ownerReferences.uid: Invalid value: "": must not be empty'],
  ] as const)('requires ownerReferences[].%s', (field, message) => {
    const owner = {apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-1', uid: 'u1', controller: true}
    expect(problems(validPod(), (p) => (p.metadata.ownerReferences = [{...owner, [field]: ''}]))).toEqual([
      message,
    ])
  })

  it('allows only one controller owner', () => {
    const owner = {apiVersion: 'apps/v1', kind: 'ReplicaSet', uid: 'u1', controller: true}
    const messages = problems(
      validPod(),
      (p) =>
        (p.metadata.ownerReferences = [
          {...owner, name: 'a'},
          {...owner, name: 'b'},
        ]),
    )
    expect(messages).toHaveLength(1)
    expect(messages[0]).toMatch(
      /^metadata\.ownerReferences: Invalid value: .*: Only one reference can have Controller set to true\. Found "true" in references for ReplicaSet\/a and ReplicaSet\/b$/,
    )
  })

  it.each([
    [['orphan'], []],
    [['foregroundDeletion'], []],
    [['example.com/cleanup'], []],
    [
      ['cleanup'],
      [
        'metadata.finalizers[0]: Invalid value: "cleanup": name is neither a standard finalizer name nor is it fully qualified',
      ],
    ],
    [
      ['orphan', 'foregroundDeletion'],
      [
        'metadata.finalizers: Invalid value: []string{"orphan", "foregroundDeletion"}: finalizer orphan and foregroundDeletion cannot be both set',
      ],
    ],
  ])('checks finalizers %j', (finalizers, expected) => {
    expect(problems(validPod(), (p) => (p.metadata.finalizers = finalizers))).toEqual(expected)
  })

  it('reports every problem at once', () => {
    const messages = problems(validDeployment(), (d) => {
      d.metadata.name = 'Web'
      d.spec.replicas = -1
    })
    expect(messages).toEqual([
      `metadata.name: Invalid value: "Web": ${SUBDOMAIN}`,
      'spec.replicas: Invalid value: -1: must be greater than or equal to 0',
    ])
  })
})
