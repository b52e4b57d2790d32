import {describe, expect, it} from 'vitest'
import {unknownFields} from '../../../../../src/core/api/schema/unknown-fields.js'
import type {KubeObject} from '../../../../../src/core/api/types.js'

const podSpec = {
  containers: [
    {
      name: 'web',
      image: 'nginx:1.25',
      imagePullPolicy: 'IfNotPresent',
      command: ['nginx'],
      args: ['-g', 'daemon off;'],
      ports: [{name: 'http', containerPort: 80, protocol: 'TCP'}],
      env: [
        {name: 'MODE', value: 'prod'},
        {name: 'POD_NAME', valueFrom: {fieldRef: {fieldPath: 'metadata.name'}}},
      ],
      resources: {limits: {cpu: '500m', memory: '128Mi'}, requests: {cpu: 0.25, memory: 64}},
      livenessProbe: {httpGet: {path: '/healthz', port: 'http'}, initialDelaySeconds: 3, periodSeconds: 5},
      readinessProbe: {tcpSocket: {port: 80}, failureThreshold: 3},
      volumeMounts: [{name: 'cache', mountPath: '/cache', readOnly: false}],
    },
  ],
  initContainers: [{name: 'init', image: 'busybox', command: ['true']}],
  volumes: [{name: 'cache', emptyDir: {medium: 'Memory', sizeLimit: '1Gi'}}],
  restartPolicy: 'Always',
  terminationGracePeriodSeconds: 30,
  nodeSelector: {'kubernetes.io/os': 'linux'},
  tolerations: [
    {key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300},
  ],
}

const template = {metadata: {labels: {app: 'web'}, creationTimestamp: null}, spec: podSpec}

const valid: Record<string, KubeObject> = {
  Pod: {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'web',
      namespace: 'default',
      labels: {app: 'web', 'app.kubernetes.io/part-of': 'shop'},
      annotations: {'kubectl.kubernetes.io/last-applied-configuration': '{}'},
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'ReplicaSet',
          name: 'web-1',
          uid: 'u',
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: podSpec,
    status: {phase: 'Running', podIP: '10.0.0.1'},
  },
  ReplicationController: {
    apiVersion: 'v1',
    kind: 'ReplicationController',
    metadata: {name: 'web'},
    spec: {replicas: 2, minReadySeconds: 1, selector: {app: 'web'}, template},
  },
  ReplicaSet: {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {name: 'web'},
    spec: {
      replicas: 3,
      selector: {
        matchLabels: {app: 'web'},
        matchExpressions: [{key: 'tier', operator: 'In', values: ['front']}],
      },
      template,
    },
  },
  Deployment: {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {name: 'web', generation: 2, creationTimestamp: '2024-05-14T11:54:50Z'},
    spec: {
      replicas: 3,
      selector: {matchLabels: {app: 'web'}},
      strategy: {type: 'RollingUpdate', rollingUpdate: {maxSurge: '25%', maxUnavailable: 0}},
      minReadySeconds: 0,
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
      paused: false,
      template,
    },
    status: {replicas: 3, updatedReplicas: 3, conditions: [{type: 'Available', status: 'True'}]},
  },
  Service: {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {name: 'web'},
    spec: {
      type: 'NodePort',
      selector: {app: 'web'},
      ports: [{name: 'http', port: 80, targetPort: 'http', nodePort: 30080, protocol: 'TCP'}],
      sessionAffinity: 'None',
      clusterIP: '10.96.0.10',
      clusterIPs: ['10.96.0.10'],
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
    },
  },
  Node: {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {name: 'worker-1', labels: {'kubernetes.io/hostname': 'worker-1'}},
    spec: {
      unschedulable: true,
      taints: [
        {key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: '2024-05-14T11:54:50Z'},
      ],
    },
    status: {capacity: {cpu: '4', pods: '110'}, conditions: [{type: 'Ready', status: 'True'}]},
  },
  Event: {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: {name: 'web.17c9', namespace: 'default'},
    involvedObject: {
      kind: 'Pod',
      name: 'web',
      namespace: 'default',
      uid: 'u',
      apiVersion: 'v1',
      fieldPath: 'spec.containers{web}',
    },
    reason: 'Started',
    message: 'Started container web',
    type: 'Normal',
    source: {component: 'kubelet', host: 'worker-1'},
    count: 1,
    firstTimestamp: '2024-05-14T11:54:50Z',
    lastTimestamp: '2024-05-14T11:54:50Z',
    reportingComponent: 'kubelet',
    reportingInstance: 'worker-1',
  },
  Namespace: {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {name: 'shop'},
    spec: {finalizers: ['kubernetes']},
    status: {phase: 'Active'},
  },
}

/** The Deployment above with one change made at `path` (dots, numeric segments index lists). */
function deploymentWith(path: string, value: unknown): KubeObject {
  const object = structuredClone(valid.Deployment!)
  const keys = path.split('.')
  let cursor = object as Record<string, unknown>
  for (const key of keys.slice(0, -1)) cursor = cursor[key] as Record<string, unknown>
  cursor[keys.at(-1)!] = value
  return object
}

describe('unknownFields', () => {
  it.each(Object.entries(valid))('accepts a valid %s', (_kind, object) => {
    expect(unknownFields(object)).toEqual([])
  })

  it.each([
    {where: 'at the top level', object: deploymentWith('specs', {}), paths: ['specs']},
    {
      where: 'in metadata',
      object: deploymentWith('metadata.lables', {app: 'web'}),
      paths: ['metadata.lables'],
    },
    {where: 'in the spec', object: deploymentWith('spec.replicass', 3), paths: ['spec.replicass']},
    {
      where: 'two levels down',
      object: deploymentWith('spec.strategy.rollingUpdate.maxSurg', 1),
      paths: ['spec.strategy.rollingUpdate.maxSurg'],
    },
    {
      where: 'in a list item',
      object: deploymentWith('spec.template.spec.containers.0.imagee', 'nginx'),
      paths: ['spec.template.spec.containers[0].imagee'],
    },
    {
      where: 'in a list in a list',
      object: deploymentWith('spec.template.spec.containers.0.ports.0.containerport', 80),
      paths: ['spec.template.spec.containers[0].ports[0].containerport'],
    },
    {
      where: 'in the pod template metadata',
      object: deploymentWith('spec.template.metadata.containers', []),
      paths: ['spec.template.metadata.containers'],
    },
    {
      where: 'in a selector requirement',
      object: deploymentWith('spec.selector.matchExpressions', [
        {key: 'a', operator: 'Exists'},
        {key: 'b', operator: 'Exists', valuez: []},
      ]),
      paths: ['spec.selector.matchExpressions[1].valuez'],
    },
  ])('names an unknown field $where', ({object, paths}) => {
    expect(unknownFields(object)).toEqual(paths)
  })

  it('reports every unknown field, in document order', () => {
    const object = deploymentWith('spec.template.spec.containers', [
      {name: 'a', imagee: 'x'},
      {name: 'b', port: 80},
    ])
    object.spec = {replicass: 1, ...(object.spec as object)}
    expect(unknownFields(object)).toEqual([
      'spec.replicass',
      'spec.template.spec.containers[0].imagee',
      'spec.template.spec.containers[1].port',
    ])
  })

  it.each([
    {
      kind: 'Service',
      object: {...valid.Service!, spec: {ports: [{port: 80, targetport: 8080}]}},
      paths: ['spec.ports[0].targetport'],
    },
    {
      kind: 'Event',
      object: {...valid.Event!, involvedObject: {kind: 'Pod', nam: 'web'}},
      paths: ['involvedObject.nam'],
    },
    {kind: 'Event', object: {...valid.Event!, spec: {}}, paths: ['spec']},
    {
      kind: 'Node',
      object: {...valid.Node!, spec: {taints: [{key: 'k', effect: 'NoSchedule', efect: 'x'}]}},
      paths: ['spec.taints[0].efect'],
    },
    {kind: 'Namespace', object: {...valid.Namespace!, spec: {finalizer: []}}, paths: ['spec.finalizer']},
    {
      kind: 'Pod',
      object: {
        ...valid.Pod!,
        metadata: {
          name: 'p',
          ownerReferences: [{apiVersion: 'v1', kind: 'K', name: 'n', uid: 'u', controler: true}],
        },
      },
      paths: ['metadata.ownerReferences[0].controler'],
    },
  ])('checks $kind fields against its own schema', ({object, paths}) => {
    expect(unknownFields(object as KubeObject)).toEqual(paths)
  })

  it.each([
    {
      what: 'any key in a map such as labels',
      object: deploymentWith('spec.template.metadata.labels', {'any.domain/key': 'v', 'odd key': ''}),
    },
    {
      what: 'maxSurge as a number',
      object: deploymentWith('spec.strategy.rollingUpdate', {maxSurge: 1, maxUnavailable: 1}),
    },
    {
      what: 'maxSurge as a percentage',
      object: deploymentWith('spec.strategy.rollingUpdate', {maxSurge: '50%', maxUnavailable: '0%'}),
    },
    {
      what: 'a named or numbered targetPort',
      object: {
        ...valid.Service!,
        spec: {
          ports: [
            {port: 80, targetPort: 8080},
            {port: 81, targetPort: 'web'},
          ],
        },
      },
    },
    {
      what: 'quantities as strings or numbers',
      object: deploymentWith('spec.template.spec.containers.0.resources', {limits: {cpu: 1, memory: '1Gi'}}),
    },
    {what: 'anything inside status', object: deploymentWith('status', {madeUp: {deeper: true}})},
    {
      what: 'free-form managed fields',
      object: deploymentWith('metadata.managedFields', [
        {manager: 'kubectl', fieldsV1: {'f:spec': {'f:replicas': {}}}},
      ]),
    },
    {what: 'null for a known field', object: deploymentWith('spec.strategy', null)},
    {
      what: 'a value of the wrong type, which validation reports',
      object: deploymentWith('spec.replicas', {notAField: 1}),
    },
  ])('accepts $what', ({object}) => {
    expect(unknownFields(object)).toEqual([])
  })

  it('has nothing to say about kinds without a schema', () => {
    expect(
      unknownFields({apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: 'c'}, data: {a: 'b'}, madeUp: 1}),
    ).toEqual([])
  })
})
