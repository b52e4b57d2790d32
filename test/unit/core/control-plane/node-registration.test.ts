import {describe, expect, it} from 'vitest'
import {heartbeat, registerNode} from '../../../../src/core/control-plane/node-registration.js'
import type {NodeFacts} from '../../../../src/core/control-plane/node-registration.js'
import {mustTypeForKind} from '../../../../src/core/api/resources.js'
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

describe('heartbeats and registration taints', () => {
  it('registers with its taints once, and a heartbeat writes only status', () => {
    const {api, clock} = testApiServer()
    const taint = {key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' as const}
    const first = registerNode(api, {...facts, taints: [taint]})
    expect(first.spec?.taints).toEqual([taint])
    api.update({...first, spec: {taints: []}})
    clock.advance(1000)
    const before = api.store.latestResourceVersion()
    const beat = heartbeat(api, {...facts, taints: [taint]})
    expect(api.store.latestResourceVersion()).toBe(before + 1)
    expect(beat.spec?.taints).toEqual([])
    expect(beat.status?.conditions?.[0]?.lastHeartbeatTime).toBe('2024-05-14T11:54:51Z')
  })

  it('registers the node again when a heartbeat finds it deleted', () => {
    const {api} = testApiServer()
    const node = heartbeat(api, facts)
    api.delete(mustTypeForKind('Node'), '', node.metadata.name ?? '')
    expect(heartbeat(api, facts).metadata.uid).not.toBe(node.metadata.uid)
  })
})
