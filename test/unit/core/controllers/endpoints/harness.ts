/** The endpoints controller over an in-memory API server and a shared informer, with pods shaped by hand. */
import {mustTypeForKind} from '../../../../../src/core/api/resources.js'
import type {
  Condition,
  ContainerPort,
  Endpoints,
  KubeEvent,
  Pod,
  Service,
  ServicePort,
  StoredObject,
} from '../../../../../src/core/api/types.js'
import type {ControllerContext} from '../../../../../src/core/controllers/controller.js'
import {endpointsController} from '../../../../../src/core/controllers/endpoints/endpoints-controller.js'
import {formatHostPorts, HOST_PORTS_ANNOTATION} from '../../../../../src/core/kubelet/host-ports.js'
import {SharedInformer} from '../../../../../src/core/loop/informer.js'
import {testApiServer} from '../../../../support/api.js'

export const POD = mustTypeForKind('Pod')
export const SERVICE = mustTypeForKind('Service')
export const ENDPOINTS = mustTypeForKind('Endpoints')

/** A Service selecting `app=web`. */
export function serviceManifest(
  name = 'web',
  options: {ports?: ServicePort[]; spec?: Partial<Service['spec']>; labels?: Record<string, string>} = {},
): Service {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {name, ...(options.labels ? {labels: options.labels} : {})},
    spec: {selector: {app: 'web'}, ports: options.ports ?? [{port: 80, targetPort: 8080}], ...options.spec},
  }
}

/** How a test pod looks to the controller. */
export interface PodShape {
  labels?: Record<string, string>
  ip?: string
  ready?: boolean
  phase?: 'Pending' | 'Running' | 'Succeeded' | 'Failed'
  node?: string
  ports?: ContainerPort[]
  /** containerPort -> host port on 127.0.0.1, as the kubelet records it. */
  published?: Record<number, number>
  namespace?: string
}

/** The parts of a test cluster. */
export type Harness = ReturnType<typeof endpointsHarness>

/** A fresh API server and the controller on a shared informer. */
export function endpointsHarness() {
  const {api} = testApiServer()
  const informer = new SharedInformer(api.store, ['Service', 'Endpoints', 'Pod'])
  const logs: string[] = []
  const ctx: ControllerContext = {
    api,
    informer,
    clock: {now: () => api.now().getTime(), setTimer: () => ({cancel: () => undefined})},
    log: (message) => logs.push(message),
  }
  const controller = endpointsController(ctx)
  const queued: string[] = []
  controller.watch(informer, (key) => queued.push(key))
  informer.pump()
  return {
    api,
    informer,
    logs,
    controller,
    queued,
    /** The cache catches up with the store, then the controller syncs the key. */
    sync(key = 'default/web') {
      informer.pump()
      controller.sync(key)
    },
    /** Creates a pod, binds it and writes the status and host ports the kubelet would. */
    pod(name: string, shape: PodShape = {}): Pod {
      const namespace = shape.namespace ?? 'default'
      api.create(
        {
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: {
            name,
            labels: shape.labels ?? {app: 'web'},
            ...(shape.published ? {annotations: {[HOST_PORTS_ANNOTATION]: published(shape.published)}} : {}),
          },
          spec: {
            nodeName: shape.node ?? 'node01',
            containers: [
              {name: 'app', image: 'tugboat/demo:v1', ports: shape.ports ?? [{containerPort: 8080}]},
            ],
          },
        },
        {namespace},
      )
      return this.setStatus(name, shape, namespace)
    },
    /** Writes a pod's status: IP, phase, Ready. */
    setStatus(name: string, shape: PodShape, namespace = 'default'): Pod {
      const pod = api.get(POD, namespace, name) as Pod
      const conditions: Condition[] = [{type: 'Ready', status: shape.ready === false ? 'False' : 'True'}]
      const status = {
        phase: shape.phase ?? 'Running',
        conditions,
        ...(shape.ip ? {podIP: shape.ip, podIPs: [{ip: shape.ip}]} : {}),
      }
      return api.update({...pod, status}, {subresource: 'status'}) as Pod
    },
    endpoints(name = 'web'): (Endpoints & StoredObject) | undefined {
      return api.find(ENDPOINTS, 'default', name)
    },
    /** Events about an object, as `Type Reason Message (source)`. */
    events(): string[] {
      return api.store
        .listEvents({})
        .map(
          (event: KubeEvent) => `${event.type} ${event.reason} ${event.message} (${event.source.component})`,
        )
    },
  }
}

function published(ports: Record<number, number>): string {
  return formatHostPorts(
    Object.entries(ports).map(([containerPort, hostPort]) => ({
      containerPort: Number(containerPort),
      protocol: 'TCP' as const,
      hostIP: '127.0.0.1',
      hostPort,
    })),
  )
}
