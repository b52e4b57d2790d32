/** Real sockets on 127.0.0.1 for the proxy's tests: fake pods that answer with their name, and a client. */
import {connect, createServer} from 'node:net'
import type {AddressInfo, Server, Socket} from 'node:net'

/** A fake pod: a TCP server on an ephemeral port that says its name, then echoes until the client is done. */
export interface FakePod {
  name: string
  port: number
  close(): Promise<void>
}

/** Starts a fake pod on 127.0.0.1. */
export async function startFakePod(name: string): Promise<FakePod> {
  const sockets = new Set<Socket>()
  const server = createServer({allowHalfOpen: true}, (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    socket.on('error', () => undefined)
    socket.write(`${name}:`)
    socket.pipe(socket)
  })
  const port = await listen(server, 0)
  return {
    name,
    port,
    close: () => {
      for (const socket of sockets) socket.destroy()
      return closeServer(server)
    },
  }
}

/** What one client connection got: the bytes until the server closed, or the error that ended it. */
export type Exchange = {data: string} | {error: string}

/** Connects, sends `message`, half-closes and reads until the end; resolves (never rejects) within 3 s. */
export function exchange(port: number, message = 'hi'): Promise<Exchange> {
  return new Promise((resolve) => {
    const socket = connect({host: '127.0.0.1', port, allowHalfOpen: true})
    let data = ''
    const timer = setTimeout(() => {
      socket.destroy()
      resolve({error: 'timeout'})
    }, 3000)
    const finish = (result: Exchange): void => {
      clearTimeout(timer)
      resolve(result)
    }
    socket.setEncoding('utf8')
    socket.on('connect', () => socket.end(message))
    socket.on('data', (chunk: string) => (data += chunk))
    socket.on('end', () => finish({data}))
    socket.on('error', (error: NodeJS.ErrnoException) => finish({error: error.code ?? error.message}))
  })
}

/**
 * A node port (30000-32767) nobody listens on now. The range lies below Linux's ephemeral ports, so only a
 * real service proxy could take it in the meantime.
 */
export async function freeNodePort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = 30000 + Math.floor(Math.random() * 2768)
    const probe = createServer()
    try {
      await listen(probe, port)
      await closeServer(probe)
      return port
    } catch {
      // Taken: try another.
    }
  }
  throw new Error('no free node port found')
}

/** Occupies a port, as another program might. */
export async function occupy(port: number): Promise<{close(): Promise<void>}> {
  const server = createServer((socket) => socket.destroy())
  await listen(server, port)
  return {close: () => closeServer(server)}
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen({host: '127.0.0.1', port}, () => resolve((server.address() as AddressInfo).port))
  })
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()))
}
