import {describe, expect, it} from 'vitest'
import {qualifiedSingular, resolveResourceType} from '../../../../src/core/api/resources.js'
import type {Endpoints} from '../../../../src/core/api/types.js'
import {testApiServer} from '../../../support/api.js'

const manifest = (extra: Record<string, unknown> = {}): Endpoints => ({
  apiVersion: 'v1',
  kind: 'Endpoints',
  metadata: {name: 'web'},
  subsets: [{addresses: [{ip: '10.88.0.5'}], ports: [{port: 8080, ...extra}]}],
})

describe('the Endpoints kind', () => {
  it.each(['endpoints', 'ep', 'Endpoints', 'endpoints.v1'])('resolves %s', (name) => {
    expect(resolveResourceType(name).kind).toBe('Endpoints')
  })

  it('names objects endpoints/NAME, as kubectl does', () => {
    expect(qualifiedSingular(resolveResourceType('ep'))).toBe('endpoints')
  })

  it('is stored with TCP as the default protocol and no status', () => {
    const {api} = testApiServer()
    const stored = api.create(manifest()) as Endpoints
    expect(stored.subsets).toEqual([{addresses: [{ip: '10.88.0.5'}], ports: [{port: 8080, protocol: 'TCP'}]}])
    expect(stored.status).toBeUndefined()
    expect(stored.metadata.namespace).toBe('default')
  })

  it('refuses fields v1 Endpoints does not have', () => {
    const {api} = testApiServer()
    expect(() => api.create(manifest({hostPort: 32768}))).toThrow(
      'Endpoints in version "v1" cannot be handled as a Endpoints: strict decoding error: unknown field "subsets[0].ports[0].hostPort"',
    )
  })

  it('refuses invalid subsets with every cause', () => {
    const {api} = testApiServer()
    expect(() => api.create({...manifest(), subsets: [{ports: [{port: 80}]}]})).toThrow(
      'The Endpoints "web" is invalid: subsets[0]: Required value: must specify `addresses` or `notReadyAddresses`',
    )
  })
})
