import {beforeEach, describe, expect, it} from 'vitest'
import type {ApiServer} from '../../../../src/core/api/api-server.js'
import type {KubeObject} from '../../../../src/core/api/types.js'
import {evaluateCheck} from '../../../../src/core/lessons/evaluate-check.js'
import type {CheckKind, Condition, ConditionFields} from '../../../../src/core/lessons/types.js'
import {testApiServer} from '../../../support/api.js'

const container = (name: string, image: string, mount?: string): object => ({
  name,
  image,
  ...(mount ? {volumeMounts: [{name: mount, mountPath: `/${mount}`}]} : {}),
})
const runningReady = {
  phase: 'Running',
  conditions: [{type: 'Ready', status: 'True'}],
}
const template = (image: string): object => ({
  metadata: {labels: {app: 'web'}},
  spec: {containers: [container('web', image)]},
})

/** Creates `object`, then writes `status` through the status subresource as the controllers do. */
function put(api: ApiServer, object: KubeObject, status?: object): void {
  const created = api.create(object)
  if (status) api.update({...created, status}, {subresource: 'status'})
}

function seed(api: ApiServer): void {
  for (const [name, status] of [
    ['web-1', runningReady],
    ['web-2', runningReady],
    ['web-3', {phase: 'Pending'}],
  ] as const)
    put(
      api,
      {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {name, labels: {app: 'web'}},
        spec: {containers: [container('web', 'tugboat/demo:v1')]},
      },
      status,
    )
  put(api, {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {name: 'shared'},
    spec: {
      volumes: [{name: 'scratch', emptyDir: {}}],
      containers: [
        container('a', 'tugboat/demo:v1', 'scratch'),
        container('b', 'tugboat/pause:3.9', 'scratch'),
      ],
    },
  })
  put(
    api,
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: {name: 'web', annotations: {'deployment.kubernetes.io/revision': '2'}},
      spec: {replicas: 3, selector: {matchLabels: {app: 'web'}}, template: template('tugboat/demo:v2')},
    },
    {availableReplicas: 2},
  )
  put(
    api,
    {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {name: 'frontend'},
      spec: {replicas: 3, selector: {matchLabels: {app: 'web'}}, template: template('tugboat/demo:v1')},
    },
    {replicas: 3, readyReplicas: 3},
  )
  put(
    api,
    {
      apiVersion: 'v1',
      kind: 'ReplicationController',
      metadata: {name: 'old'},
      spec: {replicas: 2, template: template('tugboat/demo:v1')},
    },
    {replicas: 2, readyReplicas: 1},
  )
  put(api, {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {name: 'web'},
    spec: {type: 'NodePort', selector: {app: 'web'}, ports: [{port: 80, targetPort: 8080}]},
  })
  put(api, {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: {name: 'web'},
    subsets: [
      {
        addresses: [{ip: '10.0.0.1'}, {ip: '10.0.0.2'}],
        notReadyAddresses: [{ip: '10.0.0.3'}],
        ports: [{port: 8080}],
      },
    ],
  })
  put(
    api,
    {apiVersion: 'v1', kind: 'Node', metadata: {name: 'node01'}, spec: {unschedulable: true}},
    {
      conditions: [{type: 'Ready', status: 'Unknown'}],
    },
  )
}

/** [kind, fields, reasons]: an empty list of reasons is a condition that holds. */
const CASES: [CheckKind, ConditionFields, string[]][] = [
  ['pods', {selector: 'app=web', count: 3}, []],
  ['pods', {selector: 'app=web', count: 2, phase: 'Running', ready: true}, []],
  [
    'pods',
    {selector: 'app=web', count: 3, phase: 'Running', ready: true},
    ['found 2 Running and Ready pods with app=web, want 3'],
  ],
  ['pods', {selector: 'app=web', count: 0, ready: false}, ['found 1 not Ready pod with app=web, want 0']],
  ['pods', {selector: 'app=api', count: 1}, ['found 0 pods with app=api, want 1']],
  ['pod', {name: 'shared', containers: 2, sharedEmptyDir: true}, []],
  ['pod', {name: 'web-1', image: 'tugboat/demo:v1', phase: 'Running', ready: true}, []],
  [
    'pod',
    {
      name: 'web-3',
      phase: 'Running',
      ready: true,
      containers: 2,
      sharedEmptyDir: true,
      image: 'tugboat/demo:v2',
    },
    [
      'pod "web-3" is Pending, want Running',
      'pod "web-3" is not Ready, want Ready',
      'pod "web-3" has 1 container, want 2',
      'pod "web-3" runs tugboat/demo:v1, want tugboat/demo:v2',
      'pod "web-3" has no emptyDir volume mounted by all of its 1 container',
    ],
  ],
  ['pod', {name: 'ghost'}, ['pod "ghost" not found']],
  ['deployment', {name: 'web', replicas: 3, revision: 2, image: 'tugboat/demo:v2', available: 2}, []],
  [
    'deployment',
    {name: 'web', replicas: 6, revision: 3, image: 'tugboat/demo:v1', available: 3},
    [
      'deployment "web" has spec.replicas 3, want 6',
      'deployment "web" runs tugboat/demo:v2, want tugboat/demo:v1',
      'deployment "web" is at revision 2, want 3',
      'deployment "web" has 2 available replicas, want 3',
    ],
  ],
  ['deployment', {name: 'api'}, ['deployment "api" not found']],
  ['replicaset', {name: 'frontend', replicas: 3, ready: 3, image: 'tugboat/demo:v1'}, []],
  [
    'replicaset',
    {name: 'frontend', replicas: 6, ready: 6},
    [
      'replicaset "frontend" has spec.replicas 3, want 6',
      'replicaset "frontend" has 3 ready replicas, want 6',
    ],
  ],
  [
    'replicaset',
    {name: 'frontend', created: 4},
    ['replicaset "frontend" has created 0 pods so far, want at least 4'],
  ],
  ['replicationcontroller', {name: 'old', replicas: 2}, []],
  [
    'replicationcontroller',
    {name: 'old', ready: 2},
    ['replicationcontroller "old" has 1 ready replicas, want 2'],
  ],
  ['service', {name: 'web', type: 'NodePort', endpoints: 2}, []],
  [
    'service',
    {name: 'web', type: 'ClusterIP', endpoints: 3},
    ['service "web" is of type NodePort, want ClusterIP', 'service "web" has 2 ready endpoints, want 3'],
  ],
  ['service', {name: 'api'}, ['service "api" not found']],
  ['node', {name: 'node01', ready: false, unschedulable: true}, []],
  [
    'node',
    {name: 'node01', ready: true, unschedulable: false},
    [
      'node "node01" is NotReady (Ready is Unknown), want Ready',
      'node "node01" is cordoned, want schedulable',
    ],
  ],
  ['object', {kind: 'Pod', name: 'web-1', exists: true}, []],
  ['object', {kind: 'Pod', name: 'hello', exists: false}, []],
  [
    'object',
    {kind: 'Deployment', name: 'web', exists: false},
    ['deployment "web" still exists, want it gone'],
  ],
  ['object', {kind: 'Node', name: 'node09', exists: true}, ['node "node09" not found, want it to exist']],
]

describe('lesson checks', () => {
  let api: ApiServer
  beforeEach(() => {
    api = testApiServer().api
    seed(api)
  })

  it.each(CASES)('%s %j', (kind, fields, reasons) => {
    expect(evaluateCheck(api, [{kind, fields}])).toEqual(reasons)
  })

  it('does not count pods that are being deleted', () => {
    put(api, {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {name: 'going', labels: {app: 'old'}, finalizers: ['tugboat.dev/test']},
      spec: {nodeName: 'node01', containers: [container('web', 'tugboat/demo:v1')]},
    })
    api.delete(
      {
        kind: 'Pod',
        group: '',
        version: 'v1',
        plural: 'pods',
        singular: 'pod',
        shortNames: [],
        namespaced: true,
      },
      'default',
      'going',
    )
    expect(evaluateCheck(api, [{kind: 'pods', fields: {selector: 'app=old', count: 0}}])).toEqual([])
    expect(
      evaluateCheck(api, [{kind: 'object', fields: {kind: 'Pod', name: 'going', exists: true}}]),
    ).toEqual([])
  })

  it('joins the reasons of every failing condition in order', () => {
    const conditions: Condition[] = [
      {kind: 'pod', fields: {name: 'ghost'}},
      {kind: 'pods', fields: {selector: 'app=web', count: 3}},
      {kind: 'service', fields: {name: 'api'}},
    ]
    expect(evaluateCheck(api, conditions)).toEqual(['pod "ghost" not found', 'service "api" not found'])
  })
})
