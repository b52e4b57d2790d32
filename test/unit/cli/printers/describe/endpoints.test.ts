// kubectl prints times in the local zone; pin it so the expected text is the same on every machine.
process.env.TZ = 'UTC'

import {describe, expect, it} from 'vitest'
import {describeObject} from '../../../../../src/cli/printers/describe/index.js'
import {endpoints, NOW} from '../fixtures.js'

const lines = (...rows: string[]): string => `${rows.join('\n')}\n`

describe('describe endpoints', () => {
  it('prints each subset: ready and not-ready IPs, then its ports', () => {
    const object = endpoints([
      {
        addresses: [{ip: '10.88.0.5'}, {ip: '10.88.0.6'}],
        notReadyAddresses: [{ip: '10.88.0.7'}],
        ports: [{name: 'http', port: 8080, protocol: 'TCP'}],
      },
      {notReadyAddresses: [{ip: '10.88.0.8'}], ports: [{port: 9090, protocol: 'TCP'}]},
    ])
    expect(describeObject(object, [], {}, NOW)).toBe(
      lines(
        'Name:         web',
        'Namespace:    default',
        'Labels:       app=web',
        'Annotations:  <none>',
        'Subsets:',
        '  Addresses:          10.88.0.5,10.88.0.6',
        '  NotReadyAddresses:  10.88.0.7',
        '  Ports:',
        '    Name  Port  Protocol',
        '    ----  ----  --------',
        '    http  8080  TCP',
        '',
        '  Addresses:          <none>',
        '  NotReadyAddresses:  10.88.0.8',
        '  Ports:',
        '    Name     Port  Protocol',
        '    ----     ----  --------',
        '    <unset>  9090  TCP',
        '',
        'Events:  <none>',
      ),
    )
  })
})
