/**
 * A whole control plane in the test process, for the integration tests: a temporary state directory (the
 * store `tug` itself opens), a CliRuntime on the real engine, and runControlPlane as `tug up` runs it, with
 * classroom timings and back-off. Node names carry the run's id (`tt-<id>-cp`, `tt-<id>-w1`, ...) so other
 * test runs never see these containers; cleanup() stops the control plane and removes every container and
 * volume of every node.
 */
import {randomBytes} from 'node:crypto'
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, afterEach, beforeAll} from 'vitest'
import {openApiServer} from '../../src/cli/context.js'
import {hostNodeFacts} from '../../src/cli/node-facts.js'
import type {ApiServer} from '../../src/core/api/api-server.js'
import {mustTypeForKind} from '../../src/core/api/resources.js'
import {matchesSelector, parseSelector} from '../../src/core/api/selectors.js'
import type {KubeObject, Pod, StoredObject} from '../../src/core/api/types.js'
import {runControlPlane} from '../../src/core/control-plane/control-plane.js'
import {CLUSTER_TIMINGS} from '../../src/core/control-plane/timings.js'
import type {ContainerInfo} from '../../src/core/runtime/container-runtime.js'
import {LABELS} from '../../src/core/runtime/container-runtime.js'
import {CliRuntime} from '../../src/runtime/cli-runtime.js'
import type {EngineName} from '../../src/runtime/dialect.js'
import {ensureImages} from './engines.js'

/** The Pod resource type. */
export const POD = mustTypeForKind('Pod')

/** A pod as the store holds it. */
export type StoredPod = Pod & StoredObject

/** A control plane and its nodes on one engine. */
export class ControlPlaneCluster {
  readonly runtime: CliRuntime
  api: ApiServer
  /** Short and unique to this run: node names carry it. */
  readonly runId = randomBytes(3).toString('hex')
  /** What the components narrated, oldest first, with the time since the cluster was made. */
  readonly logs: string[] = []
  readonly controlPlaneNode: string
  readonly workers: string[]
  private readonly home = mkdtempSync(join(tmpdir(), 'tug-cp-'))
  private readonly born = Date.now()
  private running: {controller: AbortController; done: Promise<void>} | undefined
  private readonly stores: ApiServer[] = []

  constructor(
    readonly engine: EngineName,
    workers = 2,
  ) {
    this.runtime = new CliRuntime(engine)
    this.api = this.open()
    this.controlPlaneNode = `tt-${this.runId}-cp`
    this.workers = Array.from({length: workers}, (_, i) => `tt-${this.runId}-w${i + 1}`)
  }

  /** The state directory, for running `tug` commands against this cluster with runTug. */
  get stateDir(): string {
    return this.home
  }

  /** The last lines of the components' narration, for a failed test's report. */
  logTail(lines = 200): string {
    return `control plane log (${this.engine}):\n${this.logs.slice(-lines).join('\n')}`
  }

  /** Every node's name, control plane first. */
  get nodes(): string[] {
    return [this.controlPlaneNode, ...this.workers]
  }

  /** Starts the control plane (again: over a freshly opened store, as a restarted `tug up` would). */
  start(): void {
    if (this.running) throw new Error('the control plane is already running')
    const controller = new AbortController()
    const log = (component: string, message: string): void => {
      this.logs.push(`${((Date.now() - this.born) / 1000).toFixed(2)}s ${component}: ${message}`)
    }
    const done = runControlPlane(
      {
        api: this.api,
        runtime: this.runtime,
        hostFacts: hostNodeFacts,
        workers: this.workers,
        controlPlaneNode: this.controlPlaneNode,
        log,
        backoff: 'classroom',
        timings: CLUSTER_TIMINGS.classroom,
      },
      controller.signal,
    ).catch((error: unknown) => log('test', `control plane ended with ${String(error)}`))
    this.running = {controller, done}
  }

  /** Stops the control plane; containers keep running. */
  async stop(): Promise<void> {
    const running = this.running
    this.running = undefined
    running?.controller.abort()
    await running?.done
  }

  /** Stops the control plane and starts it again over a reopened store. */
  async restart(): Promise<void> {
    await this.stop()
    this.api = this.open()
    this.start()
  }

  /** Creates an object in the default namespace. */
  create(object: KubeObject): StoredObject {
    return this.api.create(object, {namespace: 'default'})
  }

  /** The pods matching a selector string (`app=web`), terminating ones included. */
  pods(selector: string): StoredPod[] {
    const parsed = parseSelector(selector)
    return (this.api.list(POD, {namespace: 'default'}) as StoredPod[]).filter((pod) =>
      matchesSelector(parsed, pod.metadata.labels ?? {}),
    )
  }

  /** Names of the pods matching `selector` that are Running and Ready and not terminating, sorted. */
  readyPods(selector: string): StoredPod[] {
    return this.pods(selector).filter(
      (pod) =>
        !pod.metadata.deletionTimestamp &&
        pod.status?.phase === 'Running' &&
        pod.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'),
    )
  }

  /** Every container the engine holds for the cluster's nodes (or for one pod). */
  async containers(pod?: string): Promise<ContainerInfo[]> {
    const lists = await Promise.all(
      this.nodes.map((node) =>
        this.runtime.listContainers({[LABELS.node]: node, ...(pod ? {[LABELS.podName]: pod} : {})}),
      ),
    )
    return lists.flat()
  }

  /** Stops the control plane, removes every container and volume of its nodes, removes the state. */
  async cleanup(): Promise<void> {
    try {
      await this.stop()
      const containers = await this.containers()
      const infraLast = (c: ContainerInfo): number => Number(c.labels[LABELS.role] === 'infra')
      for (const container of containers.sort((a, b) => infraLast(a) - infraLast(b)))
        await this.runtime.removeContainer(container.id).catch(() => undefined)
      for (const node of this.nodes)
        for (const volume of await this.runtime.listVolumes({[LABELS.node]: node}))
          await this.runtime.removeVolume(volume).catch(() => undefined)
    } finally {
      for (const api of this.stores) api.store.close()
      rmSync(this.home, {recursive: true, force: true})
    }
  }

  private open(): ApiServer {
    const api = openApiServer(this.home)
    this.stores.push(api)
    return api
  }
}

/**
 * A running cluster for one describe block on `engine`: made (images built if missing) and started before
 * its tests, its log printed after a failed test, everything removed after the block. `use` receives it.
 */
export function useControlPlaneCluster(
  engine: EngineName,
  use: (cluster: ControlPlaneCluster) => void,
): void {
  let cluster: ControlPlaneCluster | undefined
  beforeAll(async () => {
    cluster = new ControlPlaneCluster(engine)
    use(cluster)
    await ensureImages(cluster.runtime)
    cluster.start()
  }, 200_000)
  afterEach(({task}) => {
    if (task.result?.state === 'fail' && cluster) console.info(cluster.logTail())
  })
  afterAll(() => cluster?.cleanup(), 120_000)
}
