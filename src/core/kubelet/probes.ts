/**
 * Running one probe (k8s@1.28 pkg/probe/{exec,http,tcp}). exec runs in the container through the runtime;
 * httpGet and tcpSocket connect to 127.0.0.1:<host port of the probed port>, the address every pod is reached
 * at from the host, with the probe's timeout. Failure outputs read like the kubelet's, since they become the
 * `Unhealthy` events' messages (`HTTP probe failed with statuscode: 500`).
 */
import http from 'node:http'
import https from 'node:https'
import net from 'node:net'
import type {Probe} from '../api/types.js'
import type {ContainerRuntime} from '../runtime/container-runtime.js'

/** Which probe: liveness restarts, readiness gates `ready`, startup holds the other two back. */
export type ProbeKind = 'liveness' | 'readiness' | 'startup'

/** The outcome of one probe run, with the output shown in an Unhealthy event. */
export interface ProbeOutcome {
  result: 'success' | 'failure'
  output: string
}

/** What a probe is run against. */
export interface ProbeTarget {
  containerId: string
  /** The host port published for a container port (number or name), if any. */
  hostPort(port: number | string): number | undefined
}

/** Runs one probe once. */
export type ProbeRunner = (probe: Probe, target: ProbeTarget) => Promise<ProbeOutcome>

/** The loopback address probes connect to. */
const PROBE_HOST = '127.0.0.1'

/** A runner over a runtime (for exec) and the host's network (for httpGet and tcpSocket). */
export function createProbeRunner(runtime: Pick<ContainerRuntime, 'exec'>): ProbeRunner {
  return async (probe, target) => {
    const timeoutMs = (probe.timeoutSeconds || 1) * 1000
    if (probe.exec) return execProbe(runtime, target.containerId, probe.exec.command ?? [], timeoutMs)
    const port = probe.httpGet?.port ?? probe.tcpSocket?.port
    if (port === undefined) return {result: 'success', output: ''} // grpc: not run by Tugboat, never fails
    const hostPort = target.hostPort(port)
    if (hostPort === undefined)
      return {result: 'failure', output: `no host port is published for port ${port}`}
    if (probe.httpGet) return httpProbe(probe.httpGet, hostPort, timeoutMs)
    return tcpProbe(hostPort, timeoutMs)
  }
}

/** exec: exit code 0 passes; the command's output is the message either way. */
export async function execProbe(
  runtime: Pick<ContainerRuntime, 'exec'>,
  containerId: string,
  command: string[],
  timeoutMs: number,
): Promise<ProbeOutcome> {
  try {
    const {exitCode, output} = await runtime.exec(containerId, command, timeoutMs / 1000)
    return {result: exitCode === 0 ? 'success' : 'failure', output}
  } catch (error) {
    return {result: 'failure', output: error instanceof Error ? error.message : String(error)}
  }
}

/** httpGet: a status from 200 to 399 passes (redirects are not followed). */
export function httpProbe(
  action: NonNullable<Probe['httpGet']>,
  port: number,
  timeoutMs: number,
): Promise<ProbeOutcome> {
  const scheme = (action.scheme ?? 'HTTP').toLowerCase() === 'https' ? 'https' : 'http'
  const path = action.path || '/'
  const url = `${scheme}://${PROBE_HOST}:${port}${path.startsWith('/') ? path : `/${path}`}`
  const headers: Record<string, string> = {'User-Agent': 'kube-probe/1.28', Accept: '*/*'}
  for (const header of action.httpHeaders ?? []) headers[header.name] = header.value
  const client = scheme === 'https' ? https : http
  return new Promise((resolve) => {
    const request = client.get(url, {headers, timeout: timeoutMs, rejectUnauthorized: false}, (response) => {
      response.resume()
      const code = response.statusCode ?? 0
      resolve(
        code >= 200 && code < 400
          ? {result: 'success', output: ''}
          : {result: 'failure', output: `HTTP probe failed with statuscode: ${code}`},
      )
    })
    request.on('timeout', () => {
      request.destroy()
      resolve({
        result: 'failure',
        output: `Get "${url}": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`,
      })
    })
    request.on('error', (error) =>
      resolve({result: 'failure', output: `Get "${url}": ${dialError(error, port)}`}),
    )
  })
}

/** tcpSocket: a completed connection passes. */
export function tcpProbe(port: number, timeoutMs: number): Promise<ProbeOutcome> {
  return new Promise((resolve) => {
    const socket = net.connect({host: PROBE_HOST, port})
    const done = (outcome: ProbeOutcome): void => {
      socket.destroy()
      resolve(outcome)
    }
    socket.setTimeout(timeoutMs, () =>
      done({result: 'failure', output: `dial tcp ${PROBE_HOST}:${port}: i/o timeout`}),
    )
    socket.on('connect', () => done({result: 'success', output: ''}))
    socket.on('error', (error) => done({result: 'failure', output: dialError(error, port)}))
  })
}

/** Go's net error text for the common cases. */
function dialError(error: Error & {code?: string}, port: number): string {
  const dial = `dial tcp ${PROBE_HOST}:${port}`
  if (error.code === 'ECONNREFUSED') return `${dial}: connect: connection refused`
  if (error.code === 'ECONNRESET') return `read tcp ${PROBE_HOST}:${port}: read: connection reset by peer`
  return `${dial}: ${error.message}`
}
