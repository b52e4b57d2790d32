/**
 * One proxied connection (kube-proxy's userspace proxySocket, pkg/proxy/userspace/proxysocket.go): dial the
 * next endpoint in turn, and if it refuses or does not answer in time, the one after it, each try allowed a
 * little longer (TryConnectEndpoints' dial timeouts 250 ms, 500 ms, 1 s, 2 s). Once connected, bytes flow
 * both ways and each half closes when its sender is done. With no endpoint to try, the client is reset, as
 * kube-proxy rejects connections to a Service without ready endpoints.
 */
import {connect} from 'node:net'
import type {Socket} from 'node:net'
import type {ProxyTarget} from './node-port-rules.js'

/** kube-proxy's endpointDialTimeouts: one try per entry. */
export const DIAL_TIMEOUTS_MS = [250, 500, 1000, 2000] as const

/** What a forwarded connection needs from its listener. */
export interface ForwardOptions {
  /** The next endpoint in turn, or undefined when there is none. */
  next: () => ProxyTarget | undefined
  /** How many endpoints there are: more tries than that would only dial the same ones again. */
  size: number
  /** Keeps the upstream socket so that closing the listener closes it too. */
  track: (socket: Socket) => void
  /** Says why a connection could not be forwarded. */
  report: (message: string) => void
}

/** Forwards `client` to an endpoint, or resets it. */
export function forwardConnection(client: Socket, options: ForwardOptions): void {
  let upstream: Socket | undefined
  client.on('error', () => upstream?.destroy())
  client.on('close', () => upstream?.destroy())
  const tries = Math.min(options.size, DIAL_TIMEOUTS_MS.length)
  const attempt = (index: number): void => {
    const target = index < tries ? options.next() : undefined
    if (!target) {
      if (index > 0) options.report(`no endpoint answered after ${index} tries, resetting the connection`)
      reset(client)
      return
    }
    const socket = connect({host: target.host, port: target.port, allowHalfOpen: true})
    upstream = socket
    options.track(socket)
    let connected = false
    socket.setTimeout(DIAL_TIMEOUTS_MS[index] ?? 2000, () => {
      if (!connected) socket.destroy(new Error('dial timed out'))
    })
    socket.once('connect', () => {
      connected = true
      socket.setTimeout(0)
      if (client.destroyed) return void socket.destroy()
      client.pipe(socket)
      socket.pipe(client)
    })
    socket.on('error', (error) => {
      if (connected) return void client.destroy()
      if (client.destroyed) return
      options.report(`endpoint ${target.endpoint} (${target.host}:${target.port}): ${error.message}`)
      attempt(index + 1)
    })
  }
  attempt(0)
}

/** Closes with a TCP reset, the nearest a userspace proxy gets to refusing a connection it has accepted. */
function reset(client: Socket): void {
  if (!client.destroyed) client.resetAndDestroy()
}
