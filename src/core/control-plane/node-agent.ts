/**
 * One simulated machine of the cluster: its kubelet and its heartbeat. A learner can "stop" the machine
 * (`tug node stop`): the heartbeat stops, the kubelet stops, and the node's containers are killed, as when a
 * real machine loses power; the node-lifecycle controller then notices the silence and the pods are replaced
 * elsewhere. Starting it again (`tug node start`) brings a fresh kubelet, which adopts what is left, finishes
 * pods deleted meanwhile and removes the containers of pods that now live on other nodes.
 */
import type {ApiServer} from '../api/api-server.js'
import type {BackoffProfileName} from '../kubelet/backoff.js'
import {Kubelet} from '../kubelet/kubelet.js'
import type {SharedInformer} from '../loop/informer.js'
import type {ContainerRuntime} from '../runtime/container-runtime.js'
import {LABELS} from '../runtime/container-runtime.js'
import type {NodeFacts} from './node-registration.js'
import {heartbeat, registerNode} from './node-registration.js'

/** The narration sink: a component name and what it says. */
export type AgentLog = (component: string, message: string) => void

/** How to run one node. */
export interface NodeAgentOptions {
  facts: NodeFacts
  api: ApiServer
  runtime: ContainerRuntime
  log: AgentLog
  backoff: BackoffProfileName
  heartbeatMs: number
  /** The control plane's shared informer, which tells the kubelet about its pods. */
  informer?: SharedInformer
}

/** A node's kubelet and heartbeat, which can be stopped and started as a machine can. */
export class NodeAgent {
  private wantStopped = false
  private wake: (() => void) | undefined

  constructor(private readonly options: NodeAgentOptions) {}

  /** The node's name. */
  get name(): string {
    return this.options.facts.name
  }

  /** Asks the machine to fail (true) or come back (false); takes effect at once. */
  setStopped(stopped: boolean): void {
    if (stopped === this.wantStopped) return
    this.wantStopped = stopped
    this.wake?.()
  }

  /** Runs the node (or keeps it down while it is stopped) until the signal aborts. */
  async run(signal: AbortSignal): Promise<void> {
    const onAbort = (): void => this.wake?.()
    signal.addEventListener('abort', onAbort, {once: true})
    try {
      while (!signal.aborted) {
        if (this.wantStopped) await this.until(() => !this.wantStopped || signal.aborted)
        else await this.runUp(signal)
      }
    } finally {
      signal.removeEventListener('abort', onAbort)
    }
  }

  /** Runs the kubelet and heartbeat until the node is stopped or the signal aborts. */
  private async runUp(signal: AbortSignal): Promise<void> {
    const {api, runtime, facts, backoff, heartbeatMs} = this.options
    const up = new AbortController()
    const kubelet = new Kubelet({
      node: facts.name,
      api,
      runtime,
      backoff,
      log: this.options.log,
      informer: this.options.informer,
    })
    registerNode(api, facts)
    const beat = setInterval(() => this.beat(), heartbeatMs)
    const done = kubelet.start(up.signal)
    await this.until(() => this.wantStopped || signal.aborted)
    clearInterval(beat)
    up.abort()
    await done
    if (this.wantStopped && !signal.aborted) await this.powerOff()
  }

  private beat(): void {
    try {
      heartbeat(this.options.api, this.options.facts)
    } catch (error) {
      this.say(`heartbeat failed: ${error instanceof Error ? error.message : String(error)}`)
    }
  }

  /** Kills every container of the node at once, as a machine losing power would. */
  private async powerOff(): Promise<void> {
    const {runtime, facts} = this.options
    const containers = await runtime.listContainers({[LABELS.node]: facts.name}).catch(() => [])
    const running = containers.filter((c) => c.state === 'running')
    this.say(
      `node stopped: no more heartbeats; killing its ${running.length} running container(s) as a power cut would`,
    )
    await Promise.all(running.map((c) => runtime.killContainer(c.id).catch(() => undefined)))
  }

  private until(condition: () => boolean): Promise<void> {
    return new Promise((resolve) => {
      const check = (): void => {
        if (!condition()) return
        this.wake = undefined
        resolve()
      }
      this.wake = check
      check()
    })
  }

  private say(message: string): void {
    this.options.log(`kubelet/${this.name}`, message)
  }
}
