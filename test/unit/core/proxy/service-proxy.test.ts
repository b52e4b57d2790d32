import {connect} from 'node:net'
import {afterEach, describe, expect, it} from 'vitest'
import {FakeClock} from '../../../support/fake-clock.js'
import type {Backend} from './support/proxy-harness.js'
import {proxyHarness, SERVICE} from './support/proxy-harness.js'
import type {Exchange} from './support/sockets.js'
import {exchange, freeNodePort, occupy, startFakePod} from './support/sockets.js'

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()))
})

/** A proxy harness and fake pods a, b, c (pod IPs 10.88.0.5-7), all stopped after the test. */
async function setup(options: Parameters<typeof proxyHarness>[0] = {}) {
  const h = proxyHarness(options)
  const pods = await Promise.all(['a', 'b', 'c'].map(startFakePod))
  cleanups.push(() => h.stop(), ...pods.map((pod) => () => pod.close()))
  const backends = pods.map((pod, i): Backend => ({pod, ip: `10.88.0.${5 + i}`}))
  return {h, pods, backends, nodePort: await freeNodePort()}
}

/** Who answered each of `count` connections in turn. */
async function answers(port: number, count: number): Promise<string[]> {
  const names: string[] = []
  for (let i = 0; i < count; i++) names.push(nameOf(await exchange(port)))
  return names
}

function nameOf(result: Exchange): string {
  return 'data' in result ? result.data.split(':')[0]! : `error ${result.error}`
}

describe('service proxy', () => {
  it('listens on the node port and hands connections to the ready endpoints in turn', async () => {
    const {h, backends, nodePort} = await setup()
    h.service(nodePort)
    h.endpoints(backends)
    await h.said(`service default/web: listening on 127.0.0.1:${nodePort} -> 3 ready endpoints`)
    expect(await exchange(nodePort, 'hello')).toEqual({data: 'a:hello'})
    expect(await answers(nodePort, 5)).toEqual(['b', 'c', 'a', 'b', 'c'])
    expect(h.proxy.ports()).toEqual([{name: 'default/web', nodePort, endpoints: 3}])
  })

  it('sends nothing to not-ready endpoints and follows readiness at once', async () => {
    const {h, backends, nodePort} = await setup()
    h.service(nodePort)
    h.endpoints([backends[0]!, {...backends[1]!, ready: false}, backends[2]!])
    await h.said(`listening on 127.0.0.1:${nodePort} -> 2 ready endpoints`)
    expect(await answers(nodePort, 4)).toEqual(['a', 'c', 'a', 'c'])
    // b becomes ready: the very next connections include it (the turn starts over).
    h.endpoints(backends)
    expect(h.logs.at(-1)).toBe(`service default/web: 127.0.0.1:${nodePort} -> 3 ready endpoints`)
    expect(await answers(nodePort, 3)).toEqual(['a', 'b', 'c'])
  })

  it('resets connections while no endpoint is ready, and serves again once one is', async () => {
    const {h, backends, nodePort} = await setup()
    h.service(nodePort)
    h.endpoints(backends.map((backend) => ({...backend, ready: false})))
    await h.said(`listening on 127.0.0.1:${nodePort} -> no ready endpoints`)
    expect(await exchange(nodePort)).toEqual({error: 'ECONNRESET'})
    expect(await exchange(nodePort)).toEqual({error: 'ECONNRESET'})
    // Said once, not per connection.
    expect(h.logs.filter((line) => line.includes('rejecting'))).toEqual([
      `service default/web: no ready endpoints, rejecting connections on 127.0.0.1:${nodePort}`,
    ])
    h.endpoints([backends[2]!])
    expect(await exchange(nodePort)).toEqual({data: 'c:hi'})
  })

  it('tries the next endpoint when one refuses', async () => {
    const {h, pods, backends, nodePort} = await setup()
    await pods[0]!.close()
    h.service(nodePort)
    h.endpoints([backends[0]!, backends[1]!])
    await h.said('-> 2 ready endpoints')
    expect(await answers(nodePort, 2)).toEqual(['b', 'b'])
    expect(h.logs).toContainEqual(
      expect.stringMatching(
        /^service default\/web: endpoint 10\.88\.0\.5:8080 \(127\.0\.0\.1:\d+\): connect ECONNREFUSED/,
      ),
    )
  })

  it('opens and closes its listener as the Service comes, changes type or port, and goes', async () => {
    const {h, backends, nodePort} = await setup()
    h.endpoints(backends)
    h.service(nodePort, {type: 'ClusterIP', ports: [{port: 80, targetPort: 8080}]})
    expect(await exchange(nodePort)).toEqual({error: 'ECONNREFUSED'})
    h.service(nodePort)
    await h.said(`listening on 127.0.0.1:${nodePort} -> 3 ready endpoints`)
    expect(nameOf(await exchange(nodePort))).toBe('a')

    const moved = await freeNodePort()
    h.service(moved)
    await h.said(`stopped listening on 127.0.0.1:${nodePort}`)
    await h.said(`listening on 127.0.0.1:${moved} -> 3 ready endpoints`)
    expect(await exchange(nodePort)).toEqual({error: 'ECONNREFUSED'})
    expect(nameOf(await exchange(moved))).toBe('a')

    h.api.delete(SERVICE, 'default', 'web')
    h.informer.pump()
    await h.said(`service default/web: stopped listening on 127.0.0.1:${moved}`)
    expect(await exchange(moved)).toEqual({error: 'ECONNREFUSED'})
    expect(h.proxy.ports()).toEqual([])
  })

  it('says so when the node port is taken, and tries again later', async () => {
    const clock = new FakeClock()
    const {h, backends, nodePort} = await setup({clock, retryMs: 5000})
    const squatter = await occupy(nodePort)
    h.endpoints(backends)
    h.service(nodePort)
    await h.said(`trying 127.0.0.1:${nodePort} again in 5s`)
    expect(h.logs).toContain(
      `service default/web: cannot listen on 127.0.0.1:${nodePort}: listen EADDRINUSE: address already in use 127.0.0.1:${nodePort}`,
    )
    await squatter.close()
    await clock.advance(5000)
    await h.said(`listening on 127.0.0.1:${nodePort} -> 3 ready endpoints`)
    expect(nameOf(await exchange(nodePort))).toBe('a')
  })

  it('cuts forwarded connections and frees the port when stopped', async () => {
    const {h, backends, nodePort} = await setup()
    h.service(nodePort)
    h.endpoints(backends)
    await h.said('-> 3 ready endpoints')
    // A client that keeps its connection open after the pod greeted it.
    const client = connect({host: '127.0.0.1', port: nodePort})
    client.on('error', () => undefined)
    const closed = new Promise<boolean>((resolve) => client.on('close', () => resolve(true)))
    await new Promise<void>((resolve) => client.once('data', () => resolve()))
    await h.stop()
    expect(await closed).toBe(true)
    expect(await exchange(nodePort)).toEqual({error: 'ECONNREFUSED'})
  })
})
