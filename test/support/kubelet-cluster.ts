/**
 * Real kubelets in the test process, for the integration tests: one temporary state directory per engine
 * (the store `tug` itself opens), a CliRuntime on the real engine, and one Kubelet per test node with the
 * classroom back-off profile. Node names carry the run's id, so neither other test runs nor other tests see
 * a node's containers; cleanup() stops every kubelet and removes every container and volume of every node,
 * and Tugboat's runtime refuses to touch anything it did not create.
 */
import {execFile} from 'node:child_process'
import {randomBytes} from 'node:crypto'
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {promisify} from 'node:util'
import {onTestFailed} from 'vitest'
import {openApiServer} from '../../src/cli/context.js'
import {summarizePod} from '../../src/cli/printers/columns/pod-status.js'
import type {ApiServer} from '../../src/core/api/api-server.js'
import {mustTypeForKind} from '../../src/core/api/resources.js'
import type {Container, KubeEvent, Pod, PodSpec, StoredObject} from '../../src/core/api/types.js'
import {Kubelet} from '../../src/core/kubelet/kubelet.js'
import type {ContainerEvent, ContainerInfo} from '../../src/core/runtime/container-runtime.js'
import {LABELS} from '../../src/core/runtime/container-runtime.js'
import {CliRuntime} from '../../src/runtime/cli-runtime.js'
import type {EngineName} from '../../src/runtime/dialect.js'

/** The Pod resource type. */
export const POD = mustTypeForKind('Pod')

/** A pod as the store holds it. */
export type StoredPod = Pod & StoredObject

/** Runs the engine's own CLI, as a person would behind Tugboat's back: an argument array, no shell. */
export const runEngine = promisify(execFile)

/** One node and the kubelet currently running it. */
export class TestNode {
  /** What the kubelets of this node narrated, oldest first, with the time since the node started. */
  readonly logs: string[] = []
  private current: Kubelet | undefined
  private readonly born = Date.now()

  constructor(
    readonly name: string,
    private readonly cluster: KubeletCluster,
  ) {}

  /** The running kubelet. */
  get kubelet(): Kubelet {
    if (!this.current) throw new Error(`node ${this.name} has no kubelet running`)
    return this.current
  }

  /** Starts a new kubelet for this node, over `api` (a store opened anew, to restart as `tug up` would). */
  start(api: ApiServer = this.cluster.api): Kubelet {
    if (this.current) throw new Error(`node ${this.name} already has a kubelet`)
    const kubelet = new Kubelet({
      node: this.name,
      api,
      runtime: this.cluster.runtime,
      backoff: 'classroom',
      watchIntervalMs: 100,
      relistIntervalMs: 2_000,
      log: (component, message) =>
        this.logs.push(`${((Date.now() - this.born) / 1000).toFixed(2)}s ${component}: ${message}`),
    })
    this.current = kubelet
    kubelet.start().catch((error: unknown) => this.logs.push(`kubelet ended with ${String(error)}`))
    return kubelet
  }

  /** Stops the kubelet; its containers keep running, as a real kubelet's do when it restarts. */
  async stop(): Promise<void> {
    const kubelet = this.current
    this.current = undefined
    await kubelet?.stop()
  }

  /** Creates a pod bound to this node. */
  create(name: string, spec: Omit<PodSpec, 'nodeName'>): StoredPod {
    const pod: Pod = {apiVersion: 'v1', kind: 'Pod', metadata: {name}, spec: {...spec, nodeName: this.name}}
    return this.cluster.api.create(pod) as StoredPod
  }

  /** The pod's current object, if it exists. */
  pod(name: string): StoredPod | undefined {
    return this.cluster.api.find(POD, 'default', name) as StoredPod | undefined
  }

  /** The pod's kubectl READY, STATUS and RESTARTS cells, e.g. `0/1 CrashLoopBackOff 2` (`gone` without it). */
  summary(name: string): string {
    return summaryOf(this.pod(name))
  }

  /** The status of one of the pod's containers. */
  containerStatus(pod: string, container: string) {
    return this.pod(pod)?.status?.containerStatuses?.find((status) => status.name === container)
  }

  /** The runtime id of a container's current run, from its status (`docker://<id>`). */
  containerId(pod: string, container: string): string | undefined {
    return this.containerStatus(pod, container)?.containerID?.replace(/^[a-z]+:\/\//, '')
  }

  /** `Reason message` of the events recorded about a pod, oldest first. */
  events(pod: string): string[] {
    return this.eventList(pod).map((event) => `${event.reason} ${event.message}`)
  }

  /** How often an event starting with `prefix` (`Reason message...`) was recorded, repeats counted. */
  eventCount(pod: string, prefix: string): number {
    return this.eventList(pod)
      .filter((event) => `${event.reason} ${event.message}`.startsWith(prefix))
      .reduce((sum, event) => sum + event.count, 0)
  }

  /** Records every READY/STATUS/RESTARTS the pod goes through from now on. */
  follow(pod: string): PodHistory {
    return new PodHistory(this.cluster.api, pod)
  }

  private eventList(pod: string): KubeEvent[] {
    return this.cluster.api.store.listEvents({namespace: 'default', involvedName: pod})
  }

  /** Every container the engine holds for this node (or for one of its pods). */
  containers(pod?: string): Promise<ContainerInfo[]> {
    return this.cluster.runtime.listContainers({
      [LABELS.node]: this.name,
      ...(pod ? {[LABELS.podName]: pod} : {}),
    })
  }

  /** Starts collecting the engine's events about this node's containers; stop() ends the stream. */
  watchEngine(): {events: ContainerEvent[]; stop: () => Promise<void>} {
    const events: ContainerEvent[] = []
    const controller = new AbortController()
    const following = (async () => {
      for await (const event of this.cluster.runtime.events(controller.signal))
        if (event.labels[LABELS.node] === this.name) events.push(event)
    })()
    return {
      events,
      stop: async () => {
        controller.abort()
        await following
      },
    }
  }

  /** Every volume the engine holds for this node. */
  volumes(): Promise<string[]> {
    return this.cluster.runtime.listVolumes({[LABELS.node]: this.name})
  }

  /** Removes everything of this node: app containers first (podman keeps an infra container others joined). */
  async removeAll(): Promise<void> {
    const {runtime} = this.cluster
    const containers = await this.containers()
    const infraLast = (c: ContainerInfo): number => Number(c.labels[LABELS.role] === 'infra')
    for (const container of containers.sort((a, b) => infraLast(a) - infraLast(b)))
      await runtime.removeContainer(container.id)
    for (const volume of await this.volumes()) await runtime.removeVolume(volume)
  }
}

/**
 * Every distinct READY/STATUS/RESTARTS one pod went through, read from the store's change log, so no state is
 * missed however briefly it lasted.
 */
export class PodHistory {
  /** The summaries in order, consecutive repeats dropped. */
  readonly summaries: string[] = []
  private after: number

  constructor(
    private readonly api: ApiServer,
    private readonly name: string,
  ) {
    this.after = api.store.latestResourceVersion()
  }

  /** Reads the changes since the last read; returns every summary so far. */
  read(): string[] {
    for (const change of this.api.store.changesSince(this.after)) {
      this.after = change.resourceVersion
      const {kind, metadata} = change.object
      if (kind !== 'Pod' || metadata.name !== this.name || metadata.namespace !== 'default') continue
      const summary = change.type === 'DELETED' ? 'gone' : summaryOf(change.object as StoredPod)
      if (this.summaries.at(-1) !== summary) this.summaries.push(summary)
    }
    return this.summaries
  }

  /** The STATUS cells so far, consecutive repeats dropped. */
  statuses(): string[] {
    return this.read()
      .map((summary) => (summary === 'gone' ? summary : (summary.split(' ')[1] ?? '')))
      .filter((status, i, all) => status !== all[i - 1])
  }
}

/** The pods, kubelets and store of one engine's suite. */
export class KubeletCluster {
  readonly runtime: CliRuntime
  readonly api: ApiServer
  /** Short and unique to this run: names of nodes and foreign containers carry it. */
  readonly runId = randomBytes(3).toString('hex')
  private readonly home = mkdtempSync(join(tmpdir(), 'tug-kubelet-'))
  private readonly nodes: TestNode[] = []
  private readonly reopened: ApiServer[] = []

  constructor(readonly engine: EngineName) {
    this.runtime = new CliRuntime(engine)
    this.api = openApiServer(this.home)
  }

  /**
   * A node with a running kubelet, named after the run and `suffix`. Called inside a test, the kubelet's
   * narration is printed if the test fails.
   */
  startNode(suffix: string): TestNode {
    const node = new TestNode(`tt-${this.runId}-${suffix}`, this)
    this.nodes.push(node)
    onTestFailed(() => console.info(`kubelet log of ${node.name} (${this.engine}):\n${node.logs.join('\n')}`))
    node.start()
    return node
  }

  /** The same state directory opened again, as a restarted `tug up` would open it. */
  reopen(): ApiServer {
    const api = openApiServer(this.home)
    this.reopened.push(api)
    return api
  }

  /** A container name unique to the run, for containers the test starts itself. */
  foreignName(suffix: string): string {
    return `tugtest-${this.runId}-${suffix}`
  }

  /** Stops every kubelet, then removes every container and volume of every node; safe to call twice. */
  async stopNodes(): Promise<void> {
    await Promise.all(this.nodes.map((node) => node.stop()))
    const failures: unknown[] = []
    for (const node of this.nodes) await node.removeAll().catch((error: unknown) => failures.push(error))
    if (failures.length) throw new AggregateError(failures, 'could not remove every test container')
  }

  /** stopNodes(), then closes the stores and removes the state directory. */
  async cleanup(): Promise<void> {
    try {
      await this.stopNodes()
    } finally {
      for (const api of [this.api, ...this.reopened]) api.store.close()
      rmSync(this.home, {recursive: true, force: true})
    }
  }
}

/** READY, STATUS and the RESTARTS count of a pod, as `kubectl get pods` shows them. */
function summaryOf(pod: StoredPod | undefined): string {
  if (!pod) return 'gone'
  const {ready, status, restarts} = summarizePod(pod, new Date())
  return `${ready} ${status} ${restarts.split(' ')[0] ?? ''}`
}

/** A container of the demo image; `extra` adds or overrides fields. */
export function demoContainer(name: string, extra: Partial<Container> = {}): Container {
  return {name, image: 'tugboat/demo:v1', imagePullPolicy: 'Never', ...extra}
}

/** A shell loop that idles until SIGTERM: `sleep` in the background, so the shell's trap runs at once. */
export const IDLE = 'while :; do sleep 1 & wait $!; done'

/**
 * A busybox shell script as a container's process (the demo images hold busybox). The script runs under a
 * shell that exits on SIGTERM (once its foreground command ends: end long scripts with IDLE).
 */
export function shellContainer(name: string, script: string, extra: Partial<Container> = {}): Container {
  return demoContainer(name, {
    command: ['/bin/sh', '-c'],
    args: [`trap 'exit 0' TERM; ${script}`],
    ...extra,
  })
}
