import {describe, expect, it} from 'vitest'
import type {NodeInfo} from '../../../../src/core/scheduler/node-info.js'
import type {Pod} from '../../../../src/core/api/types.js'
import {runFilters} from '../../../../src/core/scheduler/filter.js'
import {CONTROL_PLANE_TAINT, info, node, pod} from './fixtures.js'

type Row = [string, Pod, NodeInfo, string | undefined]

/** `<plugin>: <reasons>` of the first failing filter, or undefined when the node fits. */
function verdict(p: Pod, n: NodeInfo): string | undefined {
  const failure = runFilters(p, n)
  return failure && `${failure.plugin}/${failure.code}: ${failure.reasons.join(' | ')}`
}

const TOLERATE_UNSCHEDULABLE = {
  key: 'node.kubernetes.io/unschedulable',
  operator: 'Exists',
  effect: 'NoSchedule',
} as const

describe('NodeUnschedulable', () => {
  it.each<Row>([
    ['a schedulable node takes the pod', pod('web'), info(node('n1')), undefined],
    [
      'a cordoned node refuses it',
      pod('web'),
      info(node('n1', {unschedulable: true})),
      'NodeUnschedulable/UnschedulableAndUnresolvable: node(s) were unschedulable',
    ],
    [
      'a pod tolerating the unschedulable taint may go there',
      pod('web', {spec: {tolerations: [TOLERATE_UNSCHEDULABLE]}}),
      info(node('n1', {unschedulable: true})),
      undefined,
    ],
    [
      'cordoning is reported before the taint that comes with it',
      pod('web'),
      info(
        node('n1', {
          unschedulable: true,
          taints: [{key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule'}],
        }),
      ),
      'NodeUnschedulable/UnschedulableAndUnresolvable: node(s) were unschedulable',
    ],
  ])('%s', (_, p, n, expected) => expect(verdict(p, n)).toBe(expected))
})

describe('NodeName', () => {
  it.each<Row>([
    ['a pod naming this node fits', pod('web', {nodeName: 'n1'}), info(node('n1')), undefined],
    [
      'a pod naming another node does not',
      pod('web', {nodeName: 'n2'}),
      info(node('n1')),
      "NodeName/UnschedulableAndUnresolvable: node(s) didn't match the requested node name",
    ],
  ])('%s', (_, p, n, expected) => expect(verdict(p, n)).toBe(expected))
})

describe('TaintToleration', () => {
  const tainted = info(node('cp', {taints: [CONTROL_PLANE_TAINT]}))
  it.each<Row>([
    [
      'an untolerated NoSchedule taint is printed as {key: value}',
      pod('web'),
      tainted,
      'TaintToleration/UnschedulableAndUnresolvable: node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }',
    ],
    [
      'a taint value is printed after the colon',
      pod('web'),
      info(node('n1', {taints: [{key: 'gpu', value: 'a100', effect: 'NoExecute'}]})),
      'TaintToleration/UnschedulableAndUnresolvable: node(s) had untolerated taint {gpu: a100}',
    ],
    [
      'Exists tolerates any value',
      pod('web', {spec: {tolerations: [{key: 'node-role.kubernetes.io/control-plane', operator: 'Exists'}]}}),
      tainted,
      undefined,
    ],
    [
      'an empty key with Exists tolerates everything',
      pod('web', {spec: {tolerations: [{operator: 'Exists'}]}}),
      tainted,
      undefined,
    ],
    [
      'Equal needs the same value',
      pod('web', {spec: {tolerations: [{key: 'gpu', operator: 'Equal', value: 'h100'}]}}),
      info(node('n1', {taints: [{key: 'gpu', value: 'a100', effect: 'NoSchedule'}]})),
      'TaintToleration/UnschedulableAndUnresolvable: node(s) had untolerated taint {gpu: a100}',
    ],
    [
      'a toleration for another effect does not count',
      pod('web', {
        spec: {
          tolerations: [
            {key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoExecute'},
          ],
        },
      }),
      tainted,
      'TaintToleration/UnschedulableAndUnresolvable: node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }',
    ],
    [
      'PreferNoSchedule never filters',
      pod('web'),
      info(node('n1', {taints: [{key: 'spare', effect: 'PreferNoSchedule'}]})),
      undefined,
    ],
    [
      'a node whose Ready is False counts as tainted not-ready even before the taint appears',
      pod('web'),
      info(node('n1', {ready: 'False'})),
      'TaintToleration/UnschedulableAndUnresolvable: node(s) had untolerated taint {node.kubernetes.io/not-ready: }',
    ],
    [
      'a node whose Ready is Unknown counts as unreachable',
      pod('web'),
      info(node('n1', {ready: 'Unknown'})),
      'TaintToleration/UnschedulableAndUnresolvable: node(s) had untolerated taint {node.kubernetes.io/unreachable: }',
    ],
    [
      'a node with no Ready condition yet counts as not-ready',
      pod('web'),
      info(node('n1', {ready: 'missing'})),
      'TaintToleration/UnschedulableAndUnresolvable: node(s) had untolerated taint {node.kubernetes.io/not-ready: }',
    ],
    [
      'the default NoExecute tolerations do not cover the not-ready NoSchedule taint',
      pod('web', {
        spec: {
          tolerations: [
            {
              key: 'node.kubernetes.io/not-ready',
              operator: 'Exists',
              effect: 'NoExecute',
              tolerationSeconds: 300,
            },
          ],
        },
      }),
      info(
        node('n1', {ready: 'False', taints: [{key: 'node.kubernetes.io/not-ready', effect: 'NoExecute'}]}),
      ),
      'TaintToleration/UnschedulableAndUnresolvable: node(s) had untolerated taint {node.kubernetes.io/not-ready: }',
    ],
  ])('%s', (_, p, n, expected) => expect(verdict(p, n)).toBe(expected))
})

describe('NodeAffinity', () => {
  const labelled = info(node('n1', {labels: {disk: 'ssd', cores: '8'}}))
  const MISMATCH =
    "NodeAffinity/UnschedulableAndUnresolvable: node(s) didn't match Pod's node affinity/selector"
  const required = (key: string, operator: string, values?: string[]) =>
    ({
      spec: {
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [{matchExpressions: [{key, operator, ...(values ? {values} : {})}]}],
            },
          },
        },
      },
    }) as never
  it.each<Row>([
    ['a matching nodeSelector fits', pod('web', {spec: {nodeSelector: {disk: 'ssd'}}}), labelled, undefined],
    [
      'every nodeSelector label must match',
      pod('web', {spec: {nodeSelector: {disk: 'ssd', gpu: 'yes'}}}),
      labelled,
      MISMATCH,
    ],
    [
      'a different value does not match',
      pod('web', {spec: {nodeSelector: {disk: 'hdd'}}}),
      labelled,
      MISMATCH,
    ],
    ['In matches a listed value', pod('web', required('disk', 'In', ['hdd', 'ssd'])), labelled, undefined],
    ['NotIn matches an absent label', pod('web', required('zone', 'NotIn', ['a'])), labelled, undefined],
    ['Exists needs the label', pod('web', required('gpu', 'Exists')), labelled, MISMATCH],
    ['DoesNotExist needs it absent', pod('web', required('gpu', 'DoesNotExist')), labelled, undefined],
    ['Gt compares integers', pod('web', required('cores', 'Gt', ['4'])), labelled, undefined],
    ['Lt compares integers', pod('web', required('cores', 'Lt', ['4'])), labelled, MISMATCH],
    [
      'Gt with a non-integer value matches nothing',
      pod('web', required('cores', 'Gt', ['four'])),
      labelled,
      MISMATCH,
    ],
  ])('%s', (_, p, n, expected) => expect(verdict(p, n)).toBe(expected))

  it('ORs the terms and matches metadata.name fields', () => {
    const terms = [
      {matchExpressions: [{key: 'disk', operator: 'In' as const, values: ['hdd']}]},
      {matchFields: [{key: 'metadata.name', operator: 'In' as const, values: ['n1']}]},
    ]
    const p = pod('web', {
      spec: {
        affinity: {
          nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: terms}},
        },
      },
    })
    expect(verdict(p, labelled)).toBeUndefined()
    expect(verdict(p, info(node('n2')))).toBe(MISMATCH)
  })
})

describe('NodePorts', () => {
  const withPort = (
    name: string,
    hostPort: number,
    extra: {hostIP?: string; protocol?: 'TCP' | 'UDP'} = {},
  ) => pod(name, {container: {ports: [{containerPort: 80, hostPort, ...extra}]}})
  const CLASH = "NodePorts/Unschedulable: node(s) didn't have free ports for the requested pod ports"
  it.each<Row>([
    ['a free host port fits', withPort('b', 8080), info(node('n1'), [withPort('a', 9090)]), undefined],
    ['a taken host port does not', withPort('b', 8080), info(node('n1'), [withPort('a', 8080)]), CLASH],
    [
      'another protocol is another port',
      withPort('b', 8080, {protocol: 'UDP'}),
      info(node('n1'), [withPort('a', 8080)]),
      undefined,
    ],
    [
      'different host IPs do not clash',
      withPort('b', 8080, {hostIP: '127.0.0.2'}),
      info(node('n1'), [withPort('a', 8080, {hostIP: '127.0.0.1'})]),
      undefined,
    ],
    [
      '0.0.0.0 clashes with any IP',
      withPort('b', 8080),
      info(node('n1'), [withPort('a', 8080, {hostIP: '127.0.0.1'})]),
      CLASH,
    ],
    [
      'container ports without a host port never clash',
      pod('b', {container: {ports: [{containerPort: 80}]}}),
      info(node('n1'), [withPort('a', 80)]),
      undefined,
    ],
  ])('%s', (_, p, n, expected) => expect(verdict(p, n)).toBe(expected))
})

describe('NodeResourcesFit', () => {
  it.each<Row>([
    [
      'requests within allocatable fit',
      pod('web', {cpu: '1', memory: '1Gi'}),
      info(node('n1'), [pod('a', {cpu: '3'})]),
      undefined,
    ],
    [
      'exactly the free amount fits',
      pod('web', {cpu: '1'}),
      info(node('n1'), [pod('a', {cpu: '3'})]),
      undefined,
    ],
    [
      'more cpu than is free does not',
      pod('web', {cpu: '1500m'}),
      info(node('n1'), [pod('a', {cpu: '3'})]),
      'NodeResourcesFit/Unschedulable: Insufficient cpu',
    ],
    [
      'every short resource is a reason',
      pod('web', {cpu: '5', memory: '9Gi'}),
      info(node('n1')),
      'NodeResourcesFit/Unschedulable: Insufficient cpu | Insufficient memory',
    ],
    [
      'a node at its pod limit has no room',
      pod('web'),
      info(node('n1', {pods: '1'}), [pod('a')]),
      'NodeResourcesFit/Unschedulable: Too many pods',
    ],
    [
      'a pod requesting nothing fits an over-committed node',
      pod('web'),
      info(node('n1', {cpu: '1'}), [pod('a', {cpu: '2'})]),
      undefined,
    ],
    [
      'finished pods free their requests',
      pod('web', {cpu: '2'}),
      info(node('n1'), [pod('a', {cpu: '3', phase: 'Succeeded'})]),
      undefined,
    ],
    [
      'pods being deleted still hold theirs',
      pod('web', {cpu: '2'}),
      info(node('n1'), [pod('a', {cpu: '3', deleting: true})]),
      'NodeResourcesFit/Unschedulable: Insufficient cpu',
    ],
    [
      'limits alone are ignored (requests come from the API server)',
      pod('web', {container: {resources: {limits: {cpu: '8'}}}}),
      info(node('n1')),
      undefined,
    ],
    [
      'an init container counts by its own size, not added to the others',
      pod('web', {
        cpu: '1',
        spec: {initContainers: [{name: 'init', image: 'x', resources: {requests: {cpu: '4'}}}]},
      }),
      info(node('n1')),
      undefined,
    ],
  ])('%s', (_, p, n, expected) => expect(verdict(p, n)).toBe(expected))
})
