import {describe, expect, it} from 'vitest'
import type {Service, ServicePort} from '../../../../../src/core/api/types.js'
import {problems, updateProblems, validService} from './fixtures.js'

const LABEL_RULE =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"
const RANGE = 'provided port is not in the valid range. The range of valid ports is 30000-32767'

const withSpec = (fields: Partial<Service['spec']>) =>
  problems(validService(), (s) => Object.assign(s.spec, fields))
const withPorts = (ports: ServicePort[], type: Service['spec']['type'] = 'ClusterIP') =>
  withSpec({type, ports})

describe('Service validation', () => {
  it.each([
    [{ports: [{port: 80, targetPort: 'http'}]}],
    [
      {
        ports: [
          {port: 80, name: 'http'},
          {port: 443, name: 'https'},
        ],
      },
    ],
    [
      {
        ports: [
          {port: 53, name: 'dns'},
          {port: 53, name: 'dns-udp', protocol: 'UDP' as const},
        ],
      },
    ],
    [{type: 'NodePort' as const, ports: [{port: 80, nodePort: 30080}]}],
    [{type: 'LoadBalancer' as const, ports: [{port: 80, nodePort: 32767}]}],
    [{clusterIP: 'None'}],
    [{clusterIP: '10.96.0.20', clusterIPs: ['10.96.0.20']}],
    [{type: 'ExternalName' as const, externalName: 'db.example.com.', ports: []}],
  ])('accepts %j', (fields) => {
    expect(withSpec(fields)).toEqual([])
  })

  it.each([
    [[] as ServicePort[], ['spec.ports: Required value']],
    [
      [{port: 0}],
      [
        'spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive',
        'spec.ports[0].targetPort: Invalid value: 0: must be between 1 and 65535, inclusive',
      ],
    ],
    [
      [{port: 70000}],
      [
        'spec.ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive',
        'spec.ports[0].targetPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
      ],
    ],
    [
      [{port: 80, protocol: 'HTTP' as 'TCP'}],
      ['spec.ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"'],
    ],
    [
      [{port: 80, targetPort: 'Web_UI'}],
      [
        'spec.ports[0].targetPort: Invalid value: "Web_UI": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
      ],
    ],
    [
      [{port: 80, targetPort: 99999}],
      ['spec.ports[0].targetPort: Invalid value: 99999: must be between 1 and 65535, inclusive'],
    ],
    [
      [{port: 80}, {port: 443}],
      ['spec.ports[0].name: Required value', 'spec.ports[1].name: Required value'],
    ],
    [
      [
        {port: 80, name: 'web'},
        {port: 81, name: 'web'},
      ],
      ['spec.ports[1].name: Duplicate value: "web"'],
    ],
    [[{port: 80, name: 'Web'}], [`spec.ports[0].name: Invalid value: "Web": ${LABEL_RULE}`]],
    [
      [
        {port: 80, name: 'a'},
        {port: 80, name: 'b', targetPort: 8080},
      ],
      [
        'spec.ports[1]: Duplicate value: core.ServicePort{Name:"", Protocol:"TCP", AppProtocol:(*string)(nil), Port:80, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}',
      ],
    ],
    [
      [{port: 80, nodePort: 30080}],
      ["spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"],
    ],
  ])('reports ClusterIP ports %j', (ports, expected) => {
    expect(withPorts(ports)).toEqual(expected)
  })

  it.each([
    [[{port: 80, nodePort: 80}], [`spec.ports[0].nodePort: Invalid value: 80: ${RANGE}`]],
    [[{port: 80, nodePort: 32768}], [`spec.ports[0].nodePort: Invalid value: 32768: ${RANGE}`]],
    [
      [
        {port: 80, name: 'a', nodePort: 30080},
        {port: 81, name: 'b', nodePort: 30080},
      ],
      ['spec.ports[1].nodePort: Duplicate value: 30080'],
    ],
  ])('reports NodePort ports %j', (ports, expected) => {
    expect(withPorts(ports, 'NodePort')).toEqual(expected)
  })

  it.each([
    [
      {type: 'Ingress' as 'ClusterIP'},
      [
        'spec.type: Unsupported value: "Ingress": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"',
      ],
    ],
    [
      {sessionAffinity: 'Cookie'},
      ['spec.sessionAffinity: Unsupported value: "Cookie": supported values: "ClientIP", "None"'],
    ],
    [
      {clusterIP: '10.96.0.300'},
      [
        'spec.clusterIPs[0]: Invalid value: "10.96.0.300": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
      ],
    ],
    [
      {type: 'NodePort', clusterIP: 'None'},
      ['spec.clusterIPs[0]: Invalid value: "None": may not be set to \'None\' for NodePort services'],
    ],
    [{type: 'ExternalName', ports: []}, ['spec.externalName: Required value']],
    [
      {type: 'ExternalName', externalName: 'db.example.com', clusterIP: '10.96.0.9'},
      ['spec.clusterIPs: Forbidden: may not be set for ExternalName services'],
    ],
    [
      {externalTrafficPolicy: 'Local'},
      [
        'spec.externalTrafficPolicy: Invalid value: "Local": may only be set for externally-accessible services',
      ],
    ],
    [
      {type: 'NodePort', externalTrafficPolicy: 'Nearest'},
      ['spec.externalTrafficPolicy: Unsupported value: "Nearest": supported values: "Cluster", "Local"'],
    ],
    [
      {internalTrafficPolicy: 'Nearest'},
      ['spec.internalTrafficPolicy: Unsupported value: "Nearest": supported values: "Cluster", "Local"'],
    ],
    [
      {selector: {'bad key': 'x'}},
      [
        "spec.selector: Invalid value: \"bad key\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
      ],
    ],
  ] as [Partial<Service['spec']>, string[]][])('reports %j', (fields, expected) => {
    expect(withSpec(fields)).toEqual(expected)
  })

  it('checks the ClientIP affinity timeout', () => {
    const messages = problems(validService(), (s) =>
      Object.assign(s.spec, {
        sessionAffinity: 'ClientIP',
        sessionAffinityConfig: {clientIP: {timeoutSeconds: 0}},
      }),
    )
    expect(messages).toEqual([
      'spec.sessionAffinityConfig.clientIP.timeoutSeconds: Invalid value: 0: must be greater than 0 and less than 86400',
    ])
  })

  it('keeps an allocated cluster IP on update', () => {
    const allocated = validService()
    Object.assign(allocated.spec, {clusterIP: '10.96.0.10', clusterIPs: ['10.96.0.10']})
    expect(updateProblems(allocated, (s) => (s.spec.ports = [{port: 8080}]))).toEqual([])
    expect(
      updateProblems(allocated, (s) =>
        Object.assign(s.spec, {clusterIP: '10.96.0.11', clusterIPs: ['10.96.0.11']}),
      ),
    ).toEqual(['spec.clusterIPs[0]: Invalid value: []string{"10.96.0.11"}: may not change once set'])
  })
})
