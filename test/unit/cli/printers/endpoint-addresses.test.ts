import {describe, expect, it} from 'vitest'
import {formatEndpointAddresses} from '../../../../src/cli/printers/endpoint-addresses.js'
import type {EndpointSubset} from '../../../../src/core/api/types.js'
import {endpoints} from './fixtures.js'

const addresses = (...ips: string[]) => ips.map((ip) => ({ip}))
const http = {name: 'http', port: 8080, protocol: 'TCP' as const}
const metrics = {name: 'metrics', port: 9090, protocol: 'TCP' as const}

describe('formatEndpointAddresses (kubectl formatEndpoints)', () => {
  it.each<[string, EndpointSubset[] | undefined, string]>([
    ['no subsets', undefined, '<none>'],
    ['one ready address', [{addresses: addresses('10.88.0.5'), ports: [http]}], '10.88.0.5:8080'],
    ['only not-ready addresses', [{notReadyAddresses: addresses('10.88.0.5'), ports: [http]}], ''],
    [
      'not-ready addresses left out',
      [{addresses: addresses('10.88.0.5'), notReadyAddresses: addresses('10.88.0.6'), ports: [http]}],
      '10.88.0.5:8080',
    ],
    [
      'three addresses',
      [{addresses: addresses('10.88.0.5', '10.88.0.6', '10.88.0.7'), ports: [http]}],
      '10.88.0.5:8080,10.88.0.6:8080,10.88.0.7:8080',
    ],
    [
      'five addresses: three, then the rest counted',
      [
        {
          addresses: addresses('10.88.0.1', '10.88.0.2', '10.88.0.3', '10.88.0.4', '10.88.0.5'),
          ports: [http],
        },
      ],
      '10.88.0.1:8080,10.88.0.2:8080,10.88.0.3:8080 + 2 more...',
    ],
    [
      'two ports count each address twice',
      [{addresses: addresses('10.88.0.5', '10.88.0.6'), ports: [http, metrics]}],
      '10.88.0.5:8080,10.88.0.6:8080,10.88.0.5:9090 + 1 more...',
    ],
    ['a headless Service without ports', [{addresses: addresses('10.88.0.5')}], '10.88.0.5'],
    ['an IPv6 address', [{addresses: addresses('fd00::5'), ports: [http]}], '[fd00::5]:8080'],
  ])('%s', (_, subsets, expected) => {
    expect(formatEndpointAddresses(endpoints(subsets))).toBe(expected)
  })

  it('keeps only the ports of the given names (describe service)', () => {
    const object = endpoints([{addresses: addresses('10.88.0.5'), ports: [http, metrics]}])
    expect(formatEndpointAddresses(object, new Set(['metrics']))).toBe('10.88.0.5:9090')
    expect(formatEndpointAddresses(object, new Set(['']))).toBe('')
  })
})
