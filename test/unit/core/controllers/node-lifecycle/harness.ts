/** A node lifecycle controller over an in-memory API server whose clock moves with a FakeClock. */
import type {ApiServer} from '../../../../../src/core/api/api-server.js'
import {mustTypeForKind} from '../../../../../src/core/api/resources.js'
import type {Node, Pod, Toleration} from '../../../../../src/core/api/types.js'
import type {NodeFacts} from '../../../../../src/core/control-plane/node-registration.js'
import {registerNode} from '../../../../../src/core/control-plane/node-registration.js'
import type {Controller, SyncOutcome} from '../../../../../src/core/controllers/controller.js'
import type {NodeLifecycleTimings} from '../../../../../src/core/controllers/node-lifecycle/node-lifecycle-controller.js'
import {
  CLASSROOM_TIMINGS,
  nodeLifecycleController,
} from '../../../../../src/core/controllers/node-lifecycle/node-lifecycle-controller.js'
import {SharedInformer} from '../../../../../src/core/loop/informer.js'
import {testApiServer} from '../../../../support/api.js'
import {FakeClock} from '../../../../support/fake-clock.js'

const POD = mustTypeForKind('Pod')
const NODE = mustTypeForKind('Node')

/** The facts of worker node02. */
export const NODE02: NodeFacts = {
  name: 'node02',
  cpus: 2,
  memoryBytes: 4 * 1024 ** 3,
  maxPods: 110,
  kernelVersion: '6.1.0',
  osImage: 'Debian GNU/Linux 12 (bookworm)',
  architecture: 'amd64',
  runtime: {engine: 'fake', version: '1.0', runtimeVersion: 'fake://1.0'},
}

/** The controller, its clock and queue, and what it said. */
export interface NodeHarness {
  api: ApiServer
  informer: SharedInformer
  controller: Controller
  clock: FakeClock
  log: string[]
  /** Keys the informer's handlers queued since the last look. */
  queued: Set<string>
  /** Moves the controller's clock and the API server's together. */
  advance(ms: number): Promise<void>
  /** Pumps the informer and syncs node02. */
  check(node?: string): Promise<SyncOutcome | void>
}

/** Starts at 2024-05-14T12:00:00Z with node02 registered (heartbeat now) and the controller watching. */
export function nodeHarness(timings: NodeLifecycleTimings = CLASSROOM_TIMINGS): NodeHarness {
  const clock = new FakeClock()
  const {api, clock: apiClock} = testApiServer(new Date(clock.now()))
  registerNode(api, NODE02)
  const informer = new SharedInformer(api.store, ['Node', 'Pod'])
  const log: string[] = []
  const controller = nodeLifecycleController({api, informer, clock, log: (m) => log.push(m)}, timings)
  const queued = new Set<string>()
  controller.watch(informer, (key) => queued.add(key))
  informer.pump()
  return {
    api,
    informer,
    controller,
    clock,
    log,
    queued,
    async advance(ms) {
      apiClock.advance(ms)
      await clock.advance(ms)
    },
    async check(node = 'node02') {
      informer.pump()
      return controller.sync(node)
    },
  }
}

/** A Running, Ready pod on node02 (the API server adds the default 300 s node tolerations). */
export function runningPod(api: ApiServer, name: string, tolerations?: Toleration[]): Pod {
  const created = api.create({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {name, labels: {app: 'web'}},
    spec: {
      containers: [{name: 'web', image: 'nginx:1.25'}],
      nodeName: 'node02',
      ...(tolerations ? {tolerations} : {}),
    },
  })
  const at = '2024-05-14T12:00:00Z'
  const conditions = ['Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map((type) => ({
    type,
    status: 'True' as const,
    lastProbeTime: null,
    lastTransitionTime: at,
  }))
  return api.update({...created, status: {phase: 'Running', conditions}}, {subresource: 'status'}) as Pod
}

/** The node as stored. */
export function node02(api: ApiServer): Node {
  return api.get(NODE, '', 'node02') as Node
}

/** A pod as stored. */
export function podNamed(api: ApiServer, name: string): Pod {
  return api.get(POD, 'default', name) as Pod
}

/** `Type Reason (source): message` of the events about an object, oldest first. */
export function eventsOf(api: ApiServer, kind: string, name: string): string[] {
  return api.store
    .listEvents({involvedKind: kind, involvedName: name})
    .map((e) => `${e.type} ${e.reason} (${e.source.component}): ${e.message}`)
}
