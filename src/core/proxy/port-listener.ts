/**
 * One node port of the service proxy: a TCP server on 127.0.0.1:<nodePort> that hands each connection to
 * the next ready endpoint. Its endpoints can change at any time; connections already forwarded keep going,
 * as established connections do when kube-proxy's rules change.
 */
import {createServer} from 'node:net'
import type {Server, Socket} from 'node:net'
import {forwardConnection} from './forward-connection.js'
import type {ProxyTarget} from './node-port-rules.js'
import {RoundRobin} from './round-robin.js'

/** The address the proxy binds: only the host's loopback, never every interface. */
export const PROXY_HOST = '127.0.0.1'

/** A listener on one node port. */
export class PortListener {
  private readonly rotation = new RoundRobin()
  private readonly sockets = new Set<Socket>()
  private readonly server: Server
  private rejectedSinceChange = false

  constructor(
    /** The ServicePortName it serves (`default/web`). */
    readonly name: string,
    readonly nodePort: number,
    private readonly log: (message: string) => void,
  ) {
    this.server = createServer({allowHalfOpen: true, pauseOnConnect: true}, (client) =>
      this.onConnection(client),
    )
  }

  /** `127.0.0.1:30080`. */
  get address(): string {
    return `${PROXY_HOST}:${this.nodePort}`
  }

  /** How many endpoints get connections now. */
  get size(): number {
    return this.rotation.size
  }

  /** Starts listening; rejects with the system's error (EADDRINUSE) when the port is taken. */
  open(): Promise<void> {
    return new Promise((resolve, reject) => {
      const onError = (error: Error): void => reject(error)
      this.server.once('error', onError)
      this.server.listen({host: PROXY_HOST, port: this.nodePort, exclusive: true}, () => {
        this.server.off('error', onError)
        this.server.on('error', (error) => this.log(`${this.name}: ${this.address}: ${error.message}`))
        resolve()
      })
    })
  }

  /** Sets the endpoints that get new connections; returns whether they changed. */
  setTargets(targets: readonly ProxyTarget[]): boolean {
    const changed = this.rotation.update(targets)
    if (changed) this.rejectedSinceChange = false
    return changed
  }

  /** Stops listening and cuts the connections it forwards. */
  close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy()
    this.sockets.clear()
    return new Promise((resolve) => {
      if (!this.server.listening) return resolve()
      this.server.close(() => resolve())
    })
  }

  private onConnection(client: Socket): void {
    this.track(client)
    if (this.rotation.size === 0 && !this.rejectedSinceChange) {
      // Once per change of endpoints, so a client retrying in a loop does not flood the narration.
      this.rejectedSinceChange = true
      this.log(`service ${this.name}: no ready endpoints, rejecting connections on ${this.address}`)
    }
    forwardConnection(client, {
      next: () => this.rotation.next(),
      size: this.rotation.size,
      track: (socket) => this.track(socket),
      report: (message) => this.log(`service ${this.name}: ${message}`),
    })
  }

  private track(socket: Socket): void {
    this.sockets.add(socket)
    socket.once('close', () => this.sockets.delete(socket))
  }
}
