import http from 'node:http'
import net from 'node:net'
import type {AddressInfo} from 'node:net'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {execProbe, httpProbe, tcpProbe} from '../../../../src/core/kubelet/probes.js'
import {FakeRuntime} from '../../../../src/runtime/fake-runtime.js'

let server: http.Server
let port = 0
let closedPort = 0

beforeAll(async () => {
  server = http.createServer((request, response) => {
    const code = {'/healthz': 200, '/moved': 301, '/broken': 500}[request.url ?? ''] ?? 404
    if (request.url === '/slow') return void setTimeout(() => response.end('late'), 1_500)
    response.writeHead(code).end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  port = (server.address() as AddressInfo).port
  // A port that was just free: nothing listens there.
  const probe = net.createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  closedPort = (probe.address() as AddressInfo).port
  await new Promise((resolve) => probe.close(resolve))
})

afterAll(() => {
  server.closeAllConnections()
  server.close()
})

describe('httpProbe', () => {
  it.each([
    ['/healthz', 'success', ''],
    ['/moved', 'success', ''],
    ['/broken', 'failure', 'HTTP probe failed with statuscode: 500'],
    ['/missing', 'failure', 'HTTP probe failed with statuscode: 404'],
  ])('GET %s: %s', async (path, result, output) => {
    expect(await httpProbe({path, port: 8080}, port, 1_000)).toEqual({result, output})
  })

  it('fails like the kubelet when nothing listens', async () => {
    expect(await httpProbe({path: '/healthz', port: 8080}, closedPort, 1_000)).toEqual({
      result: 'failure',
      output: `Get "http://127.0.0.1:${closedPort}/healthz": dial tcp 127.0.0.1:${closedPort}: connect: connection refused`,
    })
  })

  it('fails when the answer takes longer than the timeout', async () => {
    expect(await httpProbe({path: '/slow', port: 8080}, port, 200)).toEqual({
      result: 'failure',
      output: `Get "http://127.0.0.1:${port}/slow": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`,
    })
  })
})

describe('tcpProbe', () => {
  it('passes when the port accepts a connection', async () => {
    expect(await tcpProbe(port, 1_000)).toEqual({result: 'success', output: ''})
  })

  it('fails when nothing listens', async () => {
    expect(await tcpProbe(closedPort, 1_000)).toEqual({
      result: 'failure',
      output: `dial tcp 127.0.0.1:${closedPort}: connect: connection refused`,
    })
  })
})

describe('execProbe', () => {
  it.each([
    [0, 'success'],
    [1, 'failure'],
  ])('exit code %i: %s, with the command output', async (exitCode, result) => {
    const runtime = new FakeRuntime({images: ['x']})
    const id = await runtime.runContainer({name: 'c', image: 'x', labels: {}})
    runtime.execHandler = (_container, command) => ({exitCode, output: `ran ${command.join(' ')}`})
    expect(await execProbe(runtime, id, ['cat', '/tmp/ok'], 1_000)).toEqual({
      result,
      output: 'ran cat /tmp/ok',
    })
  })

  it('fails when the exec itself fails', async () => {
    const runtime = new FakeRuntime()
    expect((await execProbe(runtime, 'missing', ['true'], 1_000)).result).toBe('failure')
  })
})
