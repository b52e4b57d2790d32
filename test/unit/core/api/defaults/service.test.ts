import {describe, expect, it} from 'vitest'
import type {Service} from '../../../../../src/core/api/types.js'
import {defaulted, validService} from '../validation/fixtures.js'

const serviceWith = (patch: (s: Service) => void): Service => {
  const service = validService()
  patch(service)
  return defaulted(service)
}

describe('Service defaults', () => {
  it('sets type ClusterIP, sessionAffinity None and internalTrafficPolicy Cluster', () => {
    expect(defaulted(validService()).spec).toMatchObject({
      type: 'ClusterIP',
      sessionAffinity: 'None',
      internalTrafficPolicy: 'Cluster',
    })
  })

  it('neither allocates a clusterIP nor a nodePort', () => {
    const service = serviceWith((s) => (s.spec.type = 'NodePort'))
    expect(service.spec).not.toHaveProperty('clusterIP')
    expect(service.spec.ports?.[0]).not.toHaveProperty('nodePort')
  })

  it.each([
    ['no targetPort', {port: 80}, {port: 80, protocol: 'TCP', targetPort: 80}],
    ['targetPort 0', {port: 80, targetPort: 0}, {port: 80, protocol: 'TCP', targetPort: 80}],
    ['an empty targetPort', {port: 80, targetPort: ''}, {port: 80, protocol: 'TCP', targetPort: 80}],
    ['a named targetPort', {port: 80, targetPort: 'http'}, {port: 80, protocol: 'TCP', targetPort: 'http'}],
    ['UDP', {port: 53, protocol: 'UDP' as const}, {port: 53, protocol: 'UDP', targetPort: 53}],
  ])('defaults a port with %s', (_, port, expected) => {
    expect(serviceWith((s) => (s.spec.ports = [port])).spec.ports).toEqual([expected])
  })

  it.each([
    ['ClusterIP', undefined],
    ['NodePort', 'Cluster'],
    ['LoadBalancer', 'Cluster'],
  ] as const)('gives a %s Service externalTrafficPolicy %s', (type, policy) => {
    expect(serviceWith((s) => (s.spec.type = type)).spec.externalTrafficPolicy).toBe(policy)
  })

  it('gives an ExternalName Service no traffic policies', () => {
    const spec = serviceWith((s) =>
      Object.assign(s.spec, {type: 'ExternalName', externalName: 'example.com'}),
    ).spec
    expect(spec).not.toHaveProperty('internalTrafficPolicy')
    expect(spec).not.toHaveProperty('externalTrafficPolicy')
  })

  it('gives ClientIP affinity a three-hour timeout and drops affinity config for None', () => {
    const sticky = serviceWith((s) => (s.spec.sessionAffinity = 'ClientIP')).spec as Record<string, unknown>
    expect(sticky.sessionAffinityConfig).toEqual({clientIP: {timeoutSeconds: 10800}})
    const plain = serviceWith((s) =>
      Object.assign(s.spec, {sessionAffinityConfig: {clientIP: {timeoutSeconds: 5}}}),
    ).spec
    expect(plain).not.toHaveProperty('sessionAffinityConfig')
  })
})
