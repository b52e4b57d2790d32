/** Objects for printer tests: small builders over the stored shapes, with fixed timestamps. */
import type {
  ContainerStatus,
  Deployment,
  EndpointSubset,
  Endpoints,
  KubeEvent,
  Pod,
  ReplicaSet,
  Service,
  StoredObject,
} from '../../../../src/core/api/types.js'

/** The moment every test prints at. */
export const NOW = new Date('2024-05-14T12:00:00Z')

/** An ISO timestamp `seconds` before NOW. */
export function ago(seconds: number): string {
  return new Date(NOW.getTime() - seconds * 1000).toISOString().replace('.000Z', 'Z')
}

function meta(
  name: string,
  created: number,
  extra: Partial<StoredObject['metadata']> = {},
): StoredObject['metadata'] {
  return {
    name,
    namespace: 'default',
    uid: `uid-${name}`,
    resourceVersion: '1',
    creationTimestamp: ago(created),
    ...extra,
  }
}

/** A running, ready container status. */
export function running(name: string, extra: Partial<ContainerStatus> = {}): ContainerStatus {
  return {
    name,
    ready: true,
    started: true,
    restartCount: 0,
    image: 'nginx:1.25',
    imageID: 'docker.io/library/nginx@sha256:abc',
    containerID: `docker://${name}123`,
    state: {running: {startedAt: ago(290)}},
    ...extra,
  }
}

/** A pod of one `web` container, running and ready unless `status` says otherwise. */
export function pod(
  name: string,
  status: Partial<NonNullable<Pod['status']>> = {},
  extra: Partial<Pod> = {},
): Pod & StoredObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: meta(name, 300, {labels: {app: 'web', 'pod-template-hash': '7d4b9c'}}),
    spec: {containers: [{name: 'web', image: 'nginx:1.25'}], nodeName: 'node-1'},
    status: {
      phase: 'Running',
      conditions: [{type: 'Ready', status: 'True'}],
      podIP: '10.244.1.5',
      podIPs: [{ip: '10.244.1.5'}],
      hostIP: '172.18.0.3',
      containerStatuses: [running('web')],
      ...status,
    },
    ...extra,
  } as Pod & StoredObject
}

/** A deployment `web` of 3 replicas, selecting app=web. */
export function deployment(extra: Partial<Deployment['status']> = {}): Deployment & StoredObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: meta('web', 3600, {
      labels: {app: 'web'},
      annotations: {'deployment.kubernetes.io/revision': '1'},
      generation: 1,
    }),
    spec: {
      replicas: 3,
      selector: {matchLabels: {app: 'web'}},
      template: {
        metadata: {labels: {app: 'web'}},
        spec: {
          containers: [{name: 'nginx', image: 'nginx:1.25', ports: [{containerPort: 80, protocol: 'TCP'}]}],
        },
      },
      strategy: {type: 'RollingUpdate', rollingUpdate: {maxSurge: '25%', maxUnavailable: '25%'}},
      minReadySeconds: 0,
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
    },
    status: {
      replicas: 3,
      updatedReplicas: 3,
      readyReplicas: 3,
      availableReplicas: 3,
      observedGeneration: 1,
      ...extra,
    },
  }
}

/** The replica set `web-7d4b9c` a deployment made, owned by it. */
export function replicaSet(
  name = 'web-7d4b9c',
  hash = '7d4b9c',
  extra: Partial<ReplicaSet> = {},
): ReplicaSet & StoredObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: meta(name, 3600, {
      labels: {app: 'web', 'pod-template-hash': hash},
      annotations: {
        'deployment.kubernetes.io/desired-replicas': '3',
        'deployment.kubernetes.io/max-replicas': '4',
        'deployment.kubernetes.io/revision': '1',
      },
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          name: 'web',
          uid: 'uid-web',
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    }),
    spec: {
      replicas: 3,
      selector: {matchLabels: {app: 'web', 'pod-template-hash': hash}},
      template: {
        metadata: {labels: {app: 'web', 'pod-template-hash': hash}},
        spec: {
          containers: [{name: 'nginx', image: 'nginx:1.25', ports: [{containerPort: 80, protocol: 'TCP'}]}],
        },
      },
    },
    status: {
      replicas: 3,
      fullyLabeledReplicas: 3,
      readyReplicas: 3,
      availableReplicas: 3,
      observedGeneration: 1,
    },
    ...extra,
  } as ReplicaSet & StoredObject
}

/** A NodePort service `web` on port 80. */
export function service(extra: Partial<Service['spec']> = {}): Service & StoredObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: meta('web', 600, {labels: {app: 'web'}}),
    spec: {
      type: 'NodePort',
      selector: {app: 'web'},
      ports: [{port: 80, targetPort: 80, protocol: 'TCP', nodePort: 30080}],
      clusterIP: '10.96.12.34',
      clusterIPs: ['10.96.12.34'],
      sessionAffinity: 'None',
      externalTrafficPolicy: 'Cluster',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      ...extra,
    },
    status: {loadBalancer: {}},
  }
}

/** The Endpoints of `web`, made 10 minutes ago, with these subsets. */
export function endpoints(subsets?: EndpointSubset[]): Endpoints & StoredObject {
  return {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: meta('web', 600, {labels: {app: 'web'}}),
    ...(subsets ? {subsets} : {}),
  }
}

/** An event about `kind/name`, first seen `first` seconds ago, last seen `last` seconds ago. */
export function event(
  kind: string,
  name: string,
  reason: string,
  message: string,
  options: {
    type?: 'Normal' | 'Warning'
    component?: string
    host?: string
    count?: number
    first?: number
    last?: number
    fieldPath?: string
  } = {},
): KubeEvent {
  const first = options.first ?? 60
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: {name: `${name}.17cf0a${reason.length}`, namespace: 'default', creationTimestamp: ago(first)},
    involvedObject: {
      kind,
      name,
      namespace: 'default',
      uid: `uid-${name}`,
      ...(options.fieldPath ? {fieldPath: options.fieldPath} : {}),
    },
    reason,
    message,
    type: options.type ?? 'Normal',
    source: {component: options.component ?? 'kubelet', ...(options.host ? {host: options.host} : {})},
    count: options.count ?? 1,
    firstTimestamp: ago(first),
    lastTimestamp: ago(options.last ?? first),
  }
}
