import {describe, expect, it} from 'vitest'
import type {Endpoints, Service, ServicePort} from '../../../../src/core/api/types.js'
import {ENDPOINT_HOST_PORTS_ANNOTATION} from '../../../../src/core/controllers/endpoints/endpoint-host-ports.js'
import {nodePortRules} from '../../../../src/core/proxy/node-port-rules.js'
import {endpointCount} from '../../../../src/core/proxy/service-proxy.js'

function service(type: Service['spec']['type'], ports: ServicePort[]): Service {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {name: 'web', namespace: 'default'},
    spec: {type, ports},
  }
}

/** Endpoints with ready 10.88.0.5 and .6 and not-ready .7 on http:8080 and metrics:9090. */
function endpoints(published: {ip: string; port: number; hostIP?: string; hostPort: number}[]): Endpoints {
  return {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: {
      name: 'web',
      namespace: 'default',
      annotations: {
        [ENDPOINT_HOST_PORTS_ANNOTATION]: JSON.stringify(
          published.map((entry) => ({protocol: 'TCP', hostIP: '127.0.0.1', ...entry})),
        ),
      },
    },
    subsets: [
      {
        addresses: [{ip: '10.88.0.5'}, {ip: '10.88.0.6'}],
        notReadyAddresses: [{ip: '10.88.0.7'}],
        ports: [
          {name: 'http', port: 8080, protocol: 'TCP'},
          {name: 'metrics', port: 9090, protocol: 'TCP'},
        ],
      },
    ],
  }
}

const ALL_PUBLISHED = [
  {ip: '10.88.0.5', port: 8080, hostPort: 32768},
  {ip: '10.88.0.6', port: 8080, hostPort: 32769},
  {ip: '10.88.0.7', port: 8080, hostPort: 32770},
  {ip: '10.88.0.5', port: 9090, hostPort: 32771},
]

describe('nodePortRules', () => {
  it('forwards each node port to the ready addresses of the Endpoints port of the same name', () => {
    const web = service('NodePort', [
      {name: 'http', port: 80, targetPort: 'http', nodePort: 30080, protocol: 'TCP'},
      {name: 'metrics', port: 9090, nodePort: 30090, protocol: 'TCP'},
    ])
    expect(nodePortRules(web, endpoints(ALL_PUBLISHED))).toEqual({
      rules: [
        {
          name: 'default/web:http',
          nodePort: 30080,
          targets: [
            {endpoint: '10.88.0.5:8080', host: '127.0.0.1', port: 32768},
            {endpoint: '10.88.0.6:8080', host: '127.0.0.1', port: 32769},
          ],
          unpublished: 0,
        },
        {
          name: 'default/web:metrics',
          nodePort: 30090,
          targets: [{endpoint: '10.88.0.5:9090', host: '127.0.0.1', port: 32771}],
          unpublished: 1,
        },
      ],
      skipped: [],
    })
  })

  it.each<[string, Service['spec']['type'], number]>([
    ['ClusterIP', 'ClusterIP', 0],
    ['ExternalName', 'ExternalName', 0],
    ['NodePort', 'NodePort', 1],
    ['LoadBalancer (node ports too)', 'LoadBalancer', 1],
  ])('gives a %s Service %i rules', (_, type, count) => {
    const ports = [{name: 'http', port: 80, nodePort: type === 'ClusterIP' ? undefined : 30080}]
    expect(nodePortRules(service(type, ports), undefined).rules).toHaveLength(count)
  })

  it('has no targets before the Endpoints exist', () => {
    const rules = nodePortRules(service('NodePort', [{port: 80, nodePort: 30080}]), undefined).rules
    expect(rules).toEqual([{name: 'default/web', nodePort: 30080, targets: [], unpublished: 0}])
  })

  it('reaches a port published on every address through 127.0.0.1', () => {
    const web = service('NodePort', [{name: 'http', port: 80, nodePort: 30080, protocol: 'TCP'}])
    const [rule] = nodePortRules(
      web,
      endpoints([{ip: '10.88.0.5', port: 8080, hostIP: '0.0.0.0', hostPort: 40000}]),
    ).rules
    expect(rule?.targets).toEqual([{endpoint: '10.88.0.5:8080', host: '127.0.0.1', port: 40000}])
    expect(rule?.unpublished).toBe(1)
  })

  it('leaves UDP node ports alone and says why', () => {
    const dns = service('NodePort', [{name: 'dns', port: 53, nodePort: 30053, protocol: 'UDP'}])
    expect(nodePortRules(dns, undefined)).toEqual({
      rules: [],
      skipped: [{name: 'default/web:dns', reason: 'UDP node ports are not proxied, only TCP'}],
    })
  })
})

describe('endpointCount', () => {
  it.each([
    [0, 0, 'no ready endpoints'],
    [1, 0, '1 ready endpoint'],
    [3, 0, '3 ready endpoints'],
    [
      1,
      2,
      "1 ready endpoint; 2 more ready without a host port (is the target port among the containers' ports?)",
    ],
  ])('says %i reachable and %i unpublished as %j', (reachable, unpublished, text) => {
    const targets = Array.from({length: reachable}, (_, i) => ({
      endpoint: `e${i}`,
      host: '127.0.0.1',
      port: i,
    }))
    expect(endpointCount({name: 'default/web', nodePort: 30080, targets, unpublished})).toBe(text)
  })
})
