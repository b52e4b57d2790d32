import {describe, expect, it} from 'vitest'
import type {EndpointSubset, Endpoints} from '../../../../../src/core/api/types.js'
import {nonSpecialIPErrors} from '../../../../../src/core/api/validation/endpoints.js'
import {problems} from './fixtures.js'

const endpoints = (subsets: EndpointSubset[]): Endpoints => ({
  apiVersion: 'v1',
  kind: 'Endpoints',
  metadata: {name: 'web', namespace: 'default'},
  subsets,
})

const LABEL_RULE =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"

describe('Endpoints validation', () => {
  it.each<[string, EndpointSubset[]]>([
    ['no subsets', []],
    [
      'ready and not-ready addresses on named ports',
      [
        {
          addresses: [{ip: '10.88.0.5', nodeName: 'node01', targetRef: {kind: 'Pod', name: 'web-a'}}],
          notReadyAddresses: [{ip: 'fd00::6'}],
          ports: [
            {name: 'http', port: 8080},
            {name: 'metrics', port: 9090, protocol: 'TCP'},
          ],
        },
      ],
    ],
    ['a headless subset without ports', [{addresses: [{ip: '10.88.0.5'}]}]],
  ])('accepts %s', (_, subsets) => {
    expect(problems(endpoints(subsets))).toEqual([])
  })

  it('reports every problem with its path', () => {
    expect(
      problems(
        endpoints([
          {ports: [{port: 80}]},
          {
            addresses: [{ip: '10.88.0.999'}, {ip: '127.0.0.1', hostname: 'Web'}],
            ports: [
              {port: 0, name: 'http'},
              {port: 81, protocol: 'ICMP' as 'TCP'},
            ],
          },
        ]),
      ),
    ).toEqual([
      'subsets[0]: Required value: must specify `addresses` or `notReadyAddresses`',
      'subsets[1].addresses[0].ip: Invalid value: "10.88.0.999": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
      'subsets[1].addresses[0].ip: Invalid value: "10.88.0.999": must be a valid IP address',
      `subsets[1].addresses[1].hostname: Invalid value: "Web": ${LABEL_RULE}`,
      'subsets[1].addresses[1].ip: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)',
      'subsets[1].ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive',
      'subsets[1].ports[1].name: Required value',
      'subsets[1].ports[1].protocol: Unsupported value: "ICMP": supported values: "SCTP", "TCP", "UDP"',
    ])
  })

  it.each([
    ['10.88.0.5', []],
    ['0.0.0.0', ['may not be unspecified (0.0.0.0)']],
    ['127.0.0.1', ['may not be in the loopback range (127.0.0.0/8, ::1/128)']],
    ['169.254.1.1', ['may not be in the link-local range (169.254.0.0/16, fe80::/10)']],
    ['224.0.0.5', ['may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)']],
    ['::', ['may not be unspecified (::)']],
    ['0:0:0:0:0:0:0:1', ['may not be in the loopback range (127.0.0.0/8, ::1/128)']],
    ['fe80::1', ['may not be in the link-local range (169.254.0.0/16, fe80::/10)']],
    ['ff02::1', ['may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)']],
    ['fd00::1', []],
  ])('says what is special about %s', (ip, expected) => {
    expect(nonSpecialIPErrors(ip)).toEqual(expected)
  })
})
