import {describe, expect, it} from 'vitest'
import type {ContainerPort} from '../../../../../src/core/api/types.js'
import {portNameErrors} from '../../../../../src/core/api/validation/ports.js'
import {problems, validPod} from './fixtures.js'

const withPorts = (ports: ContainerPort[]) =>
  problems(validPod(), (p) => (p.spec.containers[0]!.ports = ports))

describe('container ports', () => {
  it.each([
    [
      [
        {containerPort: 80, name: 'http'},
        {containerPort: 443, name: 'https', protocol: 'TCP' as const},
      ],
    ],
    [[{containerPort: 1}, {containerPort: 65535, hostPort: 65535}]],
    [
      [
        {containerPort: 53, protocol: 'UDP' as const},
        {containerPort: 9000, protocol: 'SCTP' as const},
      ],
    ],
  ])('accepts %j', (ports) => {
    expect(withPorts(ports)).toEqual([])
  })

  it.each([
    [{containerPort: 0}, 'spec.containers[0].ports[0].containerPort: Required value'],
    [{} as ContainerPort, 'spec.containers[0].ports[0].containerPort: Required value'],
    [
      {containerPort: 70000},
      'spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
    ],
    [
      {containerPort: -1},
      'spec.containers[0].ports[0].containerPort: Invalid value: -1: must be between 1 and 65535, inclusive',
    ],
    [
      {containerPort: 80, hostPort: 70000},
      'spec.containers[0].ports[0].hostPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
    ],
    [
      {containerPort: 80, protocol: 'HTTP' as 'TCP'},
      'spec.containers[0].ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
    ],
    [
      {containerPort: 80, name: 'web_ui'},
      'spec.containers[0].ports[0].name: Invalid value: "web_ui": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
    ],
  ])('reports %j', (port, message) => {
    expect(withPorts([port])).toEqual([message])
  })

  it('reports a repeated port name', () => {
    expect(
      withPorts([
        {containerPort: 80, name: 'web'},
        {containerPort: 81, name: 'web'},
      ]),
    ).toEqual(['spec.containers[0].ports[1].name: Duplicate value: "web"'])
  })
})

describe('portNameErrors', () => {
  it.each([
    ['http', []],
    ['metrics-1', []],
    ['a-very-long-port-name', ['must be no more than 15 characters']],
    ['8080', ['must contain at least one letter (a-z)']],
    ['web--ui', ['must not contain consecutive hyphens']],
    ['-web', ['must not begin or end with a hyphen']],
    ['Web_ui', ['must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)']],
  ])('checks %j', (name, expected) => {
    expect(portNameErrors(name)).toEqual(expected)
  })
})
