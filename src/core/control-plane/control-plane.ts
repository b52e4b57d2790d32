/**
 * `tug up`, as far as it goes today: one worker node whose kubelet runs the pods bound to it, the node's
 * registration and heartbeat, and a binder that puts every unbound pod on that node (the scheduler replaces it
 * when there are several nodes). Everything runs until the signal aborts; containers keep running after it,
 * as a real cluster's workloads outlive a control-plane restart.
 */
import type {ApiServer} from '../api/api-server.js'
import {mustTypeForKind} from '../api/resources.js'
import type {Pod} from '../api/types.js'
import {watchChanges} from '../api/watch.js'
import type {BackoffProfileName} from '../kubelet/backoff.js'
import {Kubelet} from '../kubelet/kubelet.js'
import type {ContainerRuntime} from '../runtime/container-runtime.js'
import {bindAllUnbound, bindToNode} from './direct-binder.js'
import type {NodeFacts} from './node-registration.js'
import {registerNode} from './node-registration.js'

/** The narration sink: a component name (`kubelet/node01`, `scheduler`) and what it says. */
export type ComponentLog = (component: string, message: string) => void

/** How to run the control plane. */
export interface ControlPlaneOptions {
  api: ApiServer
  runtime: ContainerRuntime
  node: Omit<NodeFacts, 'runtime'>
  log: ComponentLog
  backoff: BackoffProfileName
  /** How often the node posts its heartbeat (ms). */
  heartbeatMs?: number
}

const POD = mustTypeForKind('Pod')

/** Runs until `signal` aborts; resolves when every component has stopped. */
export async function runControlPlane(options: ControlPlaneOptions, signal: AbortSignal): Promise<void> {
  const {api, runtime, log} = options
  const info = await runtime.info()
  const facts: NodeFacts = {...options.node, runtime: info}
  registerNode(api, facts)
  log(`kubelet/${facts.name}`, `registered node ${facts.name} (${info.runtimeVersion})`)
  const heartbeat = setInterval(() => registerNode(api, facts), options.heartbeatMs ?? 10_000)
  const kubelet = new Kubelet({node: facts.name, api, runtime, backoff: options.backoff, log})
  try {
    await Promise.all([kubelet.start(signal), bindPods(api, facts.name, log, signal)])
  } finally {
    clearInterval(heartbeat)
  }
}

/** Binds what is unbound now, then every pod that arrives unbound. */
async function bindPods(api: ApiServer, node: string, log: ComponentLog, signal: AbortSignal): Promise<void> {
  const after = api.store.latestResourceVersion()
  const bound = bindAllUnbound(api, node)
  if (bound) log('scheduler', `bound ${bound} waiting pod(s) to ${node}`)
  const filter = ({object, type}: {object: {kind: string}; type: string}): boolean =>
    object.kind === 'Pod' && type !== 'DELETED'
  for await (const change of watchChanges(api.store, {after, filter, signal})) {
    const pod = change.object as Pod
    if (pod.spec.nodeName || pod.metadata.deletionTimestamp) continue
    const live = api.find(POD, pod.metadata.namespace ?? 'default', pod.metadata.name ?? '')
    if (live && bindToNode(api, live, node))
      log('scheduler', `pod ${live.metadata.namespace}/${live.metadata.name}: bound to ${node}`)
  }
}
