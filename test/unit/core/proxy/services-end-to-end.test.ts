/**
 * The endpoints controller and the service proxy together, on one informer, as `tug up` runs them: fake pods
 * (echo servers on 127.0.0.1) stand in for containers, and their status is written as a kubelet would.
 */
import {afterEach, describe, expect, it} from 'vitest'
import {mustTypeForKind} from '../../../../src/core/api/resources.js'
import type {Pod} from '../../../../src/core/api/types.js'
import {runController} from '../../../../src/core/controllers/controller.js'
import {endpointsController} from '../../../../src/core/controllers/endpoints/endpoints-controller.js'
import {formatHostPorts, HOST_PORTS_ANNOTATION} from '../../../../src/core/kubelet/host-ports.js'
import {systemClock} from '../../../../src/core/loop/clock.js'
import {SharedInformer} from '../../../../src/core/loop/informer.js'
import {runServiceProxy} from '../../../../src/core/proxy/service-proxy.js'
import {testApiServer} from '../../../support/api.js'
import {waitFor} from '../../../support/wait-for.js'
import type {FakePod} from './support/sockets.js'
import {exchange, freeNodePort, startFakePod} from './support/sockets.js'

const POD = mustTypeForKind('Pod')
const SERVICE = mustTypeForKind('Service')
const ENDPOINTS = mustTypeForKind('Endpoints')

const stops: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop()
})

/** The API server, both components running on one informer, and what they said. */
function startComponents() {
  const {api} = testApiServer()
  const informer = new SharedInformer(api.store, [], 10)
  const logs: string[] = []
  const log = (component: string) => (message: string) => logs.push(`${component}: ${message}`)
  const abort = new AbortController()
  const controller = endpointsController({api, informer, clock: systemClock, log: log('endpoint-controller')})
  // Both subscribe synchronously, before the informer's first list.
  const running = [
    runController(controller, {
      informer,
      clock: systemClock,
      signal: abort.signal,
      log: log('endpoint-controller'),
    }),
    runServiceProxy({informer, log: log('service-proxy'), signal: abort.signal}),
    informer.run(abort.signal),
  ]
  stops.push(async () => {
    abort.abort()
    await Promise.all(running)
  })
  const said = (text: string) =>
    waitFor(() => logs.find((line) => line.endsWith(text)), 3000, {what: `log "${text}"`, last: () => logs})
  return {api, logs, said}
}

/** A pod of `web` on a fake pod's port, Ready, as its kubelet would have reported it. */
function runPod(api: ReturnType<typeof testApiServer>['api'], fake: FakePod, ip: string): void {
  const published = [
    {containerPort: 8080, protocol: 'TCP' as const, hostIP: '127.0.0.1', hostPort: fake.port},
  ]
  const pod = api.create({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `web-${fake.name}`,
      labels: {app: 'web'},
      annotations: {[HOST_PORTS_ANNOTATION]: formatHostPorts(published)},
    },
    spec: {
      nodeName: 'node01',
      containers: [{name: 'app', image: 'tugboat/demo:v1', ports: [{containerPort: 8080}]}],
    },
  })
  setReady(api, pod.metadata.name, ip, true)
}

function setReady(
  api: ReturnType<typeof testApiServer>['api'],
  name: string,
  ip: string,
  ready: boolean,
): void {
  const pod = api.get(POD, 'default', name) as Pod
  const status = {
    phase: 'Running' as const,
    podIP: ip,
    podIPs: [{ip}],
    conditions: [{type: 'Ready', status: ready ? ('True' as const) : ('False' as const)}],
  }
  api.update({...pod, status}, {subresource: 'status'})
}

async function answers(port: number, count: number): Promise<string[]> {
  const names: string[] = []
  for (let i = 0; i < count; i++) {
    const result = await exchange(port)
    names.push('data' in result ? result.data.split(':')[0]! : `error ${result.error}`)
  }
  return names
}

describe('Services end to end: endpoints controller and service proxy', () => {
  it('balances a NodePort across ready pods and follows readiness, termination and deletion', async () => {
    const fakes = await Promise.all(['a', 'b', 'c'].map(startFakePod))
    stops.push(async () => void (await Promise.all(fakes.map((fake) => fake.close()))))
    const {api, logs, said} = startComponents()
    fakes.forEach((fake, i) => runPod(api, fake, `10.88.0.${5 + i}`))
    const nodePort = await freeNodePort()
    api.create({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: {name: 'web'},
      spec: {type: 'NodePort', selector: {app: 'web'}, ports: [{port: 80, targetPort: 8080, nodePort}]},
    })
    // The port may open before or after the Endpoints arrive: either way it ends up with all three.
    await said(`-> 3 ready endpoints`)
    expect(logs).toContainEqual(
      expect.stringMatching(`^service-proxy: service default/web: listening on 127.0.0.1:${nodePort} -> `),
    )
    expect(logs).toContain('endpoint-controller: endpoints/web: 3 ready, 0 not ready, creating')
    expect(await answers(nodePort, 6)).toEqual(['a', 'b', 'c', 'a', 'b', 'c'])

    // b fails its readiness probe: out of rotation, still listed as not ready.
    setReady(api, 'web-b', '10.88.0.6', false)
    await said(`service default/web: 127.0.0.1:${nodePort} -> 2 ready endpoints`)
    expect(await answers(nodePort, 4)).toEqual(['a', 'c', 'a', 'c'])

    // c is deleted: Terminating pods get no traffic.
    api.delete(POD, 'default', 'web-c')
    await said(`service default/web: 127.0.0.1:${nodePort} -> 1 ready endpoint`)
    expect(await answers(nodePort, 2)).toEqual(['a', 'a'])

    api.delete(SERVICE, 'default', 'web')
    await said(`service default/web: stopped listening on 127.0.0.1:${nodePort}`)
    await waitFor(() => (api.find(ENDPOINTS, 'default', 'web') ? undefined : true), 3000, {
      what: 'endpoints gone',
    })
    expect(await exchange(nodePort)).toEqual({error: 'ECONNREFUSED'})
  })
})
