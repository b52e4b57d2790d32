// kubectl prints times in the local zone; pin it so the expected text is the same on every machine.
process.env.TZ = 'UTC'

import {describe, expect, it} from 'vitest'
import {describeObject} from '../../../../../src/cli/printers/describe/index.js'
import {endpoints, event, NOW, pod, service} from '../fixtures.js'

const lines = (...rows: string[]): string => `${rows.join('\n')}\n`

const unready = (name: string, ip: string) =>
  pod(name, {podIP: ip, podIPs: [{ip}], conditions: [{type: 'Ready', status: 'False'}]})
const ready = (name: string, ip: string) => pod(name, {podIP: ip, podIPs: [{ip}]})

describe('describe service', () => {
  it('prints addresses, each port with its node port and endpoints, and events', () => {
    const pods = [ready('web-1', '10.244.1.5'), ready('web-2', '10.244.2.7'), unready('web-3', '10.244.1.9')]
    const failed = event('Service', 'web', 'Synced', 'proxy listening on 127.0.0.1:30080', {
      component: 'service-proxy',
      first: 590,
    })
    expect(describeObject(service(), [failed], {pods}, NOW)).toBe(
      lines(
        'Name:                     web',
        'Namespace:                default',
        'Labels:                   app=web',
        'Annotations:              <none>',
        'Selector:                 app=web',
        'Type:                     NodePort',
        'IP Family Policy:         SingleStack',
        'IP Families:              IPv4',
        'IP:                       10.96.12.34',
        'IPs:                      10.96.12.34',
        'Port:                     <unset>  80/TCP',
        'TargetPort:               80/TCP',
        'NodePort:                 <unset>  30080/TCP',
        'Endpoints:                10.244.1.5:80,10.244.2.7:80',
        'Session Affinity:         None',
        'External Traffic Policy:  Cluster',
        'Events:',
        '  Type    Reason  Age    From           Message',
        '  ----    ------  ----   ----           -------',
        '  Normal  Synced  9m50s  service-proxy  proxy listening on 127.0.0.1:30080',
      ),
    )
  })

  it('resolves named target ports and lists at most three endpoints', () => {
    const named = service({
      type: 'ClusterIP',
      ports: [{name: 'http', port: 80, targetPort: 'web', protocol: 'TCP'}],
    })
    const pods = ['10.0.0.4', '10.0.0.1', '10.0.0.3', '10.0.0.2'].map((ip, index) => {
      const subject = ready(`web-${index}`, ip)
      subject.spec.containers[0]!.ports = [{name: 'web', containerPort: 8080, protocol: 'TCP'}]
      return subject
    })
    const text = describeObject(named, [], {pods}, NOW)
    expect(text).toContain(
      [
        'Port:                     http  80/TCP',
        'TargetPort:               web/TCP',
        'Endpoints:                10.0.0.1:8080,10.0.0.2:8080,10.0.0.3:8080 + 1 more...',
        '',
      ].join('\n'),
    )
  })

  it.each([
    ['no pod is selected', [], '<none>'],
    ['selected pods are not ready', [unready('web-1', '10.244.1.5')], ''],
    [
      'the only pod is being deleted',
      [Object.assign(ready('web-1', '10.244.1.5'), {})].map((subject) => ({
        ...subject,
        metadata: {...subject.metadata, deletionTimestamp: '2024-05-14T12:00:30Z'},
      })),
      '<none>',
    ],
  ])('prints the endpoints kubectl would show when %s', (_case, pods, expected) => {
    expect(describeObject(service(), [], {pods}, NOW)).toContain(`\nEndpoints:                ${expected}\n`)
  })

  it("reads its Endpoints lines from the service's Endpoints object, port by port, once there is one", () => {
    const named = service({
      ports: [
        {name: 'http', port: 80, targetPort: 8080, protocol: 'TCP', nodePort: 30080},
        {name: 'metrics', port: 9090, protocol: 'TCP', nodePort: 30090},
      ],
    })
    const object = endpoints([
      {
        addresses: [{ip: '10.88.0.5'}, {ip: '10.88.0.6'}],
        notReadyAddresses: [{ip: '10.88.0.7'}],
        ports: [
          {name: 'http', port: 8080, protocol: 'TCP'},
          {name: 'metrics', port: 9090, protocol: 'TCP'},
        ],
      },
    ])
    // The pods would say otherwise: the Endpoints object wins, as in kubectl.
    const pods = [ready('web-1', '10.244.1.5')]
    const text = describeObject(named, [], {pods, endpoints: object}, NOW)
    expect(text).toContain('Endpoints:                10.88.0.5:8080,10.88.0.6:8080\n')
    expect(text).toContain('Endpoints:                10.88.0.5:9090,10.88.0.6:9090\n')
    expect(describeObject(named, [], {pods, endpoints: endpoints()}, NOW)).toContain(
      'Endpoints:                <none>\n',
    )
  })
})
