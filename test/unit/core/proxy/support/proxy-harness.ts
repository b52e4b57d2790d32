/** A service proxy over an in-memory API server, with Services and Endpoints written by hand. */
import {mustTypeForKind} from '../../../../../src/core/api/resources.js'
import type {EndpointSubset, Endpoints, Service, StoredObject} from '../../../../../src/core/api/types.js'
import type {EndpointHostPort} from '../../../../../src/core/controllers/endpoints/endpoint-host-ports.js'
import {
  ENDPOINT_HOST_PORTS_ANNOTATION,
  formatEndpointHostPorts,
} from '../../../../../src/core/controllers/endpoints/endpoint-host-ports.js'
import type {Clock} from '../../../../../src/core/loop/clock.js'
import {SharedInformer} from '../../../../../src/core/loop/informer.js'
import {ServiceProxy} from '../../../../../src/core/proxy/service-proxy.js'
import {testApiServer} from '../../../../support/api.js'
import {waitFor} from '../../../../support/wait-for.js'
import type {FakePod} from './sockets.js'

export const SERVICE = mustTypeForKind('Service')
export const ENDPOINTS = mustTypeForKind('Endpoints')

/** A fake pod as an endpoint: its pod IP, and whether it is ready. */
export interface Backend {
  pod: FakePod
  ip: string
  ready?: boolean
}

/** The proxy on a fresh API server; call `stop` when done. */
export function proxyHarness(options: {clock?: Clock; retryMs?: number} = {}) {
  const {api} = testApiServer()
  const informer = new SharedInformer(api.store, [])
  const logs: string[] = []
  const proxy = new ServiceProxy({informer, log: (message) => logs.push(message), ...options})
  proxy.start()
  informer.pump()
  return {
    api,
    informer,
    logs,
    proxy,
    /** Creates or replaces the NodePort Service `web` on `nodePort`. */
    service(nodePort: number, spec: Partial<Service['spec']> = {}): StoredObject {
      const live = api.find(SERVICE, 'default', 'web')
      const manifest: Service = {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: {name: 'web'},
        spec: {
          type: 'NodePort',
          selector: {app: 'web'},
          ports: [{port: 80, targetPort: 8080, nodePort}],
          ...spec,
        },
      }
      const written = live
        ? api.update({
            ...manifest,
            metadata: live.metadata,
            spec: {...manifest.spec, clusterIP: (live as Service).spec.clusterIP},
          })
        : api.create(manifest)
      informer.pump()
      return written
    },
    /** Writes the Endpoints of `web` as the endpoints controller would, for these fake pods. */
    endpoints(backends: readonly Backend[]): void {
      const address = (backend: Backend) => ({ip: backend.ip})
      const ready = backends.filter((backend) => backend.ready !== false)
      const notReady = backends.filter((backend) => backend.ready === false)
      const subsets: EndpointSubset[] = backends.length
        ? [
            {
              ...(ready.length ? {addresses: ready.map(address)} : {}),
              ...(notReady.length ? {notReadyAddresses: notReady.map(address)} : {}),
              ports: [{port: 8080, protocol: 'TCP'}],
            },
          ]
        : []
      // Every backend's port is recorded, not-ready ones too: the proxy must skip them all the same.
      const published: EndpointHostPort[] = backends.map((backend) => ({
        ip: backend.ip,
        port: 8080,
        protocol: 'TCP',
        hostIP: '127.0.0.1',
        hostPort: backend.pod.port,
      }))
      const live = api.find(ENDPOINTS, 'default', 'web')
      const object: Endpoints = {
        apiVersion: 'v1',
        kind: 'Endpoints',
        metadata: {
          ...(live?.metadata ?? {name: 'web'}),
          annotations: {[ENDPOINT_HOST_PORTS_ANNOTATION]: formatEndpointHostPorts(published)},
        },
        ...(subsets.length ? {subsets} : {}),
      }
      if (live) api.update(object)
      else api.create(object)
      informer.pump()
    },
    /** Waits until the proxy has said `text` (a line ending with it). */
    said(text: string): Promise<string> {
      return waitFor(() => logs.find((line) => line.endsWith(text)), 2000, {
        what: `log "${text}"`,
        last: () => logs,
      })
    },
    stop: () => proxy.stop(),
  }
}
