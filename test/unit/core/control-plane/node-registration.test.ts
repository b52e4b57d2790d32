import {describe, expect, it} from 'vitest'
import {bindAllUnbound} from '../../../../src/core/control-plane/direct-binder.js'
import {registerNode} from '../../../../src/core/control-plane/node-registration.js'
import type {NodeFacts} from '../../../../src/core/control-plane/node-registration.js'
import {mustTypeForKind} from '../../../../src/core/api/resources.js'
import type {Pod} from '../../../../src/core/api/types.js'
import {testApiServer} from '../../../support/api.js'

const facts: NodeFacts = {
  name: 'node01',
  cpus: 2,
  memoryBytes: 8 * 1024 ** 3,
  maxPods: 110,
  kernelVersion: '6.1.0',
  osImage: 'Debian GNU/Linux 12 (bookworm)',
  architecture: 'amd64',
  runtime: {engine: 'docker', version: '20.10.24', runtimeVersion: 'docker://20.10.24'},
}

describe('node registration', () => {
  it('registers a Ready node with capacity and the runtime, and renews its heartbeat', () => {
    const {api, clock} = testApiServer()
    const first = registerNode(api, facts)
    expect(first.status?.capacity).toEqual({cpu: '2', memory: '8388608Ki', pods: '110'})
    expect(first.status?.nodeInfo?.containerRuntimeVersion).toBe('docker://20.10.24')
    expect(first.status?.conditions).toEqual([
      {
        type: 'Ready',
        status: 'True',
        reason: 'KubeletReady',
        message: 'kubelet is posting ready status',
        lastHeartbeatTime: '2024-05-14T11:54:50Z',
        lastTransitionTime: '2024-05-14T11:54:50Z',
      },
    ])
    clock.advance(10_000)
    const renewed = registerNode(api, facts)
    const ready = renewed.status?.conditions?.[0]
    expect([ready?.lastHeartbeatTime, ready?.lastTransitionTime]).toEqual([
      '2024-05-14T11:55:00Z',
      '2024-05-14T11:54:50Z',
    ])
    expect(renewed.metadata.uid).toBe(first.metadata.uid)
  })

  it('keeps labels and cordoning set by others', () => {
    const {api} = testApiServer()
    const node = registerNode(api, facts)
    api.update({
      ...node,
      metadata: {...node.metadata, labels: {...node.metadata.labels, disk: 'ssd'}},
      spec: {unschedulable: true},
    })
    const again = registerNode(api, facts)
    expect(again.metadata.labels?.disk).toBe('ssd')
    expect(again.spec?.unschedulable).toBe(true)
  })
})

describe('the direct binder', () => {
  it('binds unbound pods to the node with a Scheduled event, and leaves bound ones alone', () => {
    const {api} = testApiServer()
    const spec = {containers: [{name: 'c', image: 'busybox'}]}
    api.create({apiVersion: 'v1', kind: 'Pod', metadata: {name: 'a'}, spec})
    api.create({apiVersion: 'v1', kind: 'Pod', metadata: {name: 'b'}, spec: {...spec, nodeName: 'elsewhere'}})
    expect(bindAllUnbound(api, 'node01')).toBe(1)
    const pods = api.list(mustTypeForKind('Pod')) as Pod[]
    expect(pods.map((pod) => [pod.metadata.name, pod.spec.nodeName])).toEqual([
      ['a', 'node01'],
      ['b', 'elsewhere'],
    ])
    expect(
      api.store
        .listEvents({involvedName: 'a'})
        .map((event) => [event.reason, event.message, event.source.component]),
    ).toEqual([['Scheduled', 'Successfully assigned default/a to node01', 'default-scheduler']])
    expect(bindAllUnbound(api, 'node01')).toBe(0)
  })
})
