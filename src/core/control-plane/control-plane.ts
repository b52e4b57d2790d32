/**
 * `tug up`: the whole control plane in one foreground process, as the seeds draw it. One shared informer
 * follows the store's change log and feeds the controllers (deployment, replicaset, replicationcontroller,
 * garbage collector, node lifecycle, endpoints), the scheduler and the service proxy; every node of the
 * cluster (a tainted control-plane node and the workers) runs its own kubelet and heartbeat. Everything runs until the signal aborts; containers keep
 * running after it, as a real cluster's workloads outlive a control-plane restart.
 */
import type {ApiServer} from '../api/api-server.js'
import type {Controller, ControllerContext} from '../controllers/controller.js'
import {runController} from '../controllers/controller.js'
import {deploymentController} from '../controllers/deployment/deployment-controller.js'
import {endpointsController} from '../controllers/endpoints/endpoints-controller.js'
import {garbageCollector} from '../controllers/garbage-collector/garbage-collector.js'
import type {NodeLifecycleTimings} from '../controllers/node-lifecycle/node-lifecycle-controller.js'
import {nodeLifecycleController} from '../controllers/node-lifecycle/node-lifecycle-controller.js'
import {
  replicaSetController,
  replicationControllerController,
} from '../controllers/replicaset/replicaset-controller.js'
import type {BackoffProfileName} from '../kubelet/backoff.js'
import type {Clock} from '../loop/clock.js'
import {systemClock} from '../loop/clock.js'
import {SharedInformer} from '../loop/informer.js'
import type {ContainerRuntime} from '../runtime/container-runtime.js'
import {runServiceProxy} from '../proxy/service-proxy.js'
import {scheduler} from '../scheduler/scheduler.js'
import {HealthBoard} from './component-health.js'
import {reportHealTimes} from './heal-reporter.js'
import {NodeAgent} from './node-agent.js'
import type {NodeFacts} from './node-registration.js'
import {followSimulatedFailures} from './simulated-failures.js'
import type {ClusterTimings} from './timings.js'
import {controlPlaneNodeFacts} from './topology.js'

/** The narration sink: a component name (`kubelet/node01`, `scheduler`) and what it says. */
export type ComponentLog = (component: string, message: string) => void

/** How to run the control plane. */
export interface ControlPlaneOptions {
  api: ApiServer
  runtime: ContainerRuntime
  /** The facts of a node of this host, by name (the runtime is filled in here). */
  hostFacts: (name: string) => Omit<NodeFacts, 'runtime'>
  /** Worker node names, e.g. node01 and node02. */
  workers: string[]
  /** The control-plane node's name. */
  controlPlaneNode: string
  log: ComponentLog
  backoff: BackoffProfileName
  timings: ClusterTimings
  clock?: Clock
  /** Kept up to date with each component's health, for `tug cluster-info`. */
  health?: HealthBoard
}

/** The kinds the shared informer caches: everything a controller or the scheduler reads. */
export const INFORMER_KINDS = [
  'Pod',
  'ReplicaSet',
  'ReplicationController',
  'Deployment',
  'Node',
  'Service',
  'Endpoints',
] as const

/** How often the shared informer looks at an idle change log (ms). */
export const INFORMER_INTERVAL_MS = 10

/** Runs until `signal` aborts; resolves when every component has stopped. */
export async function runControlPlane(options: ControlPlaneOptions, signal: AbortSignal): Promise<void> {
  const {api, runtime, log, timings} = options
  const clock = options.clock ?? systemClock
  const info = await runtime.info()
  // One reader of the change log for every component; 10 ms keeps a new pod's start quick (an indexed read
  // finding nothing costs microseconds).
  const informer = new SharedInformer(api.store, INFORMER_KINDS, INFORMER_INTERVAL_MS)
  const context = (name: string): ControllerContext => ({
    api,
    informer,
    clock,
    log: (message) => log(name, message),
  })
  const controllers: Controller[] = [
    replicaSetController(context('replicaset-controller')),
    replicationControllerController(context('replication-controller')),
    deploymentController(context('deployment-controller')),
    endpointsController(context('endpoint-controller')),
    garbageCollector(context('garbage-collector')),
    nodeLifecycleController(context('node-controller'), timings.nodeLifecycle satisfies NodeLifecycleTimings),
    scheduler(context('scheduler')),
  ]
  // Subscribing happens synchronously inside runController, before the informer lists anything.
  const health = options.health ?? new HealthBoard()
  const loops = controllers.map((controller) => {
    health.register(controller.name)
    return runController(controller, {
      informer,
      clock,
      signal,
      log: (message) => log(controller.name, message),
      onSynced: (_key, error) => health.record(controller.name, new Date(clock.now()), error),
    })
  })
  const agents = [
    controlPlaneNodeFacts(options.hostFacts(options.controlPlaneNode)),
    ...options.workers.map(options.hostFacts),
  ].map(
    (facts) =>
      new NodeAgent({
        facts: {...facts, runtime: info},
        api,
        runtime,
        log,
        backoff: options.backoff,
        heartbeatMs: timings.heartbeatMs,
        informer,
      }),
  )
  // The proxy subscribes synchronously too, so it hears the informer's first list.
  const proxy = runServiceProxy({informer, log: (message) => log('service-proxy', message), signal})
  followSimulatedFailures(informer, agents)
  reportHealTimes(informer, clock, (message) => log('node-controller', message))
  log(
    'control-plane',
    `${info.engine} ${info.version}; nodes ${agents.map((a) => a.name).join(', ')}; ` +
      `timings: heartbeat ${timings.heartbeatMs / 1000}s, node grace ${timings.nodeLifecycle.gracePeriodMs / 1000}s, ` +
      `eviction after ${timings.nodeLifecycle.evictionDelayMs / 1000}s`,
  )
  await Promise.all([informer.run(signal), proxy, ...loops, ...agents.map((agent) => agent.run(signal))])
}
