// kubectl prints times in the local zone; pin it so the expected text is the same on every machine.
process.env.TZ = 'UTC'

import {describe, expect, it} from 'vitest'
import {describeObject} from '../../../../../src/cli/printers/describe/index.js'
import type {Namespace, Node, StoredObject} from '../../../../../src/core/api/types.js'
import {ago, event, NOW, pod} from '../fixtures.js'

const lines = (...rows: string[]): string => `${rows.join('\n')}\n`

const node = {
  apiVersion: 'v1',
  kind: 'Node',
  metadata: {
    name: 'node-1',
    uid: 'n1',
    resourceVersion: '1',
    creationTimestamp: ago(7200),
    labels: {'kubernetes.io/hostname': 'node-1', 'node-role.kubernetes.io/worker': ''},
    annotations: {'tugboat.dev/runtime': 'docker'},
  },
  spec: {
    taints: [
      {key: 'node.kubernetes.io/unreachable', effect: 'NoExecute'},
      {key: 'dedicated', value: 'gpu', effect: 'NoSchedule'},
    ],
    podCIDR: '10.244.1.0/24',
  },
  status: {
    capacity: {cpu: '2', memory: '4Gi', pods: '110', 'ephemeral-storage': '20Gi'},
    allocatable: {cpu: '2', memory: '4Gi', pods: '110', 'ephemeral-storage': '20Gi'},
    conditions: [
      {
        type: 'Ready',
        status: 'True',
        reason: 'KubeletReady',
        message: 'kubelet is posting ready status',
        lastHeartbeatTime: ago(5),
        lastTransitionTime: ago(7000),
      },
    ],
    addresses: [
      {type: 'InternalIP', address: '172.18.0.3'},
      {type: 'Hostname', address: 'node-1'},
    ],
    nodeInfo: {
      kubeletVersion: 'v1.28.0-tugboat',
      containerRuntimeVersion: 'docker://24.0.7',
      osImage: 'Debian GNU/Linux 12',
      kernelVersion: '6.1.0',
      operatingSystem: 'linux',
      architecture: 'amd64',
    },
  },
} as Node & StoredObject

describe('describe node', () => {
  it('prints its status, system info and the resources its pods request', () => {
    const limited = pod('web-1')
    limited.spec.containers[0]!.resources = {
      requests: {cpu: '100m', memory: '64Mi'},
      limits: {cpu: '500m', memory: '128Mi'},
    }
    const requesting = pod('web-2')
    requesting.spec.containers[0]!.resources = {requests: {cpu: '250m'}}
    const elsewhere = pod('other')
    elsewhere.spec.nodeName = 'node-2'
    const finished = pod('done', {phase: 'Succeeded'})
    const ready = event('Node', 'node-1', 'NodeReady', 'Node node-1 status is now: NodeReady', {first: 7000})
    expect(describeObject(node, [ready], {pods: [limited, requesting, elsewhere, finished]}, NOW)).toBe(
      lines(
        'Name:               node-1',
        'Roles:              worker',
        'Labels:             kubernetes.io/hostname=node-1',
        '                    node-role.kubernetes.io/worker=',
        'Annotations:        tugboat.dev/runtime: docker',
        'CreationTimestamp:  Tue, 14 May 2024 10:00:00 +0000',
        'Taints:             node.kubernetes.io/unreachable:NoExecute',
        '                    dedicated=gpu:NoSchedule',
        'Unschedulable:      false',
        'Lease:',
        '  HolderIdentity:  node-1',
        '  AcquireTime:     <unset>',
        '  RenewTime:       Tue, 14 May 2024 11:59:55 +0000',
        'Conditions:',
        '  Type    Status  LastHeartbeatTime                 LastTransitionTime                Reason         Message',
        '  ----    ------  -----------------                 ------------------                ------         -------',
        '  Ready   True    Tue, 14 May 2024 11:59:55 +0000   Tue, 14 May 2024 10:03:20 +0000   KubeletReady   kubelet is posting ready status',
        'Addresses:',
        '  InternalIP:  172.18.0.3',
        '  Hostname:    node-1',
        'Capacity:',
        '  cpu:                2',
        '  ephemeral-storage:  20Gi',
        '  memory:             4Gi',
        '  pods:               110',
        'Allocatable:',
        '  cpu:                2',
        '  ephemeral-storage:  20Gi',
        '  memory:             4Gi',
        '  pods:               110',
        'System Info:',
        '  Machine ID:                 ',
        '  System UUID:                ',
        '  Boot ID:                    ',
        '  Kernel Version:             6.1.0',
        '  OS Image:                   Debian GNU/Linux 12',
        '  Operating System:           linux',
        '  Architecture:               amd64',
        '  Container Runtime Version:  docker://24.0.7',
        '  Kubelet Version:            v1.28.0-tugboat',
        '  Kube-Proxy Version:         ',
        'PodCIDR:                      10.244.1.0/24',
        'Non-terminated Pods:          (2 in total)',
        '  Namespace                   Name     CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age',
        '  ---------                   ----     ------------  ----------  ---------------  -------------  ---',
        '  default                     web-1    100m (5%)     500m (25%)  64Mi (1%)        128Mi (3%)     5m',
        '  default                     web-2    250m (12%)    0 (0%)      0 (0%)           0 (0%)         5m',
        'Allocated resources:',
        '  (Total limits may be over 100 percent, i.e., overcommitted.)',
        '  Resource           Requests    Limits',
        '  --------           --------    ------',
        '  cpu                350m (17%)  500m (25%)',
        '  memory             64Mi (1%)   128Mi (3%)',
        '  ephemeral-storage  0 (0%)      0 (0%)',
        'Events:',
        '  Type    Reason     Age   From     Message',
        '  ----    ------     ----  ----     -------',
        '  Normal  NodeReady  116m  kubelet  Node node-1 status is now: NodeReady',
      ),
    )
  })
})

describe('describe namespace', () => {
  it("prints its status and kubectl's notes on quotas and limit ranges, without events", () => {
    const namespace = {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name: 'default',
        uid: 'x',
        resourceVersion: '1',
        creationTimestamp: ago(100),
        labels: {'kubernetes.io/metadata.name': 'default'},
      },
      status: {phase: 'Active'},
    } as Namespace & StoredObject
    expect(describeObject(namespace, [], {}, NOW)).toBe(
      lines(
        'Name:         default',
        'Labels:       kubernetes.io/metadata.name=default',
        'Annotations:  <none>',
        'Status:       Active',
        '',
        'No resource quota.',
        '',
        'No LimitRange resource.',
      ),
    )
  })
})

describe('describeObject', () => {
  it('refuses a kind it has no describer for', () => {
    const object = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: {name: 'x', uid: 'x', resourceVersion: '1', creationTimestamp: ago(1)},
    } as StoredObject
    expect(() => describeObject(object, [], {}, NOW)).toThrow('no describer for kind Event')
  })
})
