import {describe, expect, it} from 'vitest'
import type {Pod} from '../../../../src/core/api/types.js'
import {
  formatHostPorts,
  HOST_PORTS_ANNOTATION,
  hostPortFor,
  hostPortsOf,
} from '../../../../src/core/kubelet/host-ports.js'
import {run} from './support/runs.js'

const infra = run('POD', 0, 'running', {
  ports: [
    {containerPort: 8080, protocol: 'tcp', hostIp: '127.0.0.1', hostPort: 32801},
    {containerPort: 53, protocol: 'udp', hostIp: '127.0.0.1', hostPort: 32802},
  ],
})

const pod: Pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {name: 'web', annotations: {[HOST_PORTS_ANNOTATION]: formatHostPorts(hostPortsOf(infra))}},
  spec: {containers: [{name: 'app', ports: [{name: 'http', containerPort: 8080}]}]},
}

describe('host ports', () => {
  it('records the published ports as JSON in port order', () => {
    expect(JSON.parse(pod.metadata.annotations?.[HOST_PORTS_ANNOTATION] ?? '')).toEqual([
      {containerPort: 53, protocol: 'UDP', hostIP: '127.0.0.1', hostPort: 32802},
      {containerPort: 8080, protocol: 'TCP', hostIP: '127.0.0.1', hostPort: 32801},
    ])
  })

  it.each([
    [8080, 'TCP', 32801],
    ['8080', 'TCP', 32801],
    ['http', 'TCP', 32801],
    [53, 'UDP', 32802],
    [53, 'TCP', undefined],
    ['metrics', 'TCP', undefined],
  ] as const)('finds the host port of %s/%s: %s', (port, protocol, hostPort) => {
    expect(hostPortFor(pod, port, protocol)).toBe(hostPort)
  })

  it('reads nothing from a pod without the annotation or with a broken one', () => {
    expect(hostPortFor({...pod, metadata: {name: 'x'}}, 8080)).toBeUndefined()
    expect(
      hostPortFor({...pod, metadata: {name: 'x', annotations: {[HOST_PORTS_ANNOTATION]: '{'}}}, 8080),
    ).toBeUndefined()
  })
})
