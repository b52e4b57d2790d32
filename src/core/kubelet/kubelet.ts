/**
 * The kubelet of one node: keeps the containers of the pods bound to the node in line with them. Handlers only
 * queue pod keys; the queue syncs one key at a time (pod-syncer.ts). Keys come from
 *   - the store's change log (a pod bound here was added, changed or deleted),
 *   - the runtime's event stream (a container died or was removed: noticed within a fraction of a second),
 *     which also keeps the node's container cache current (container-cache.ts), so a sync reads from the
 *     engine only what changed,
 *   - a relist of the node's containers, queueing pods whose containers changed since their last sync
 *     (Kubernetes' PLEG): every few seconds while the event stream is down, else with the periodic resync of
 *     every pod, in case an event was missed,
 *   - probe results that flip, and back-offs that run out.
 * After a restart it finds its containers by label and adopts them; containers without Tugboat's labels are
 * never listed, so never touched.
 */
import type {ApiServer} from '../api/api-server.js'
import {mustTypeForKind} from '../api/resources.js'
import type {Pod} from '../api/types.js'
import {watchChanges} from '../api/watch.js'
import type {SharedInformer} from '../loop/informer.js'
import type {ContainerEvent, ContainerRuntime} from '../runtime/container-runtime.js'
import {LABELS} from '../runtime/container-runtime.js'
import type {BackoffProfile, BackoffProfileName} from './backoff.js'
import {Backoff, BACKOFF_PROFILES} from './backoff.js'
import type {Clock} from '../loop/clock.js'
import {systemClock} from '../loop/clock.js'
import {ContainerCache} from './container-cache.js'
import {ImagePuller} from './image-puller.js'
import {apiEventRecorder, kubeletEvents} from './kubelet-events.js'
import {DEFAULT_INFRA_IMAGE, podKey, splitPodKey, volumeOwner} from './naming.js'
import type {StoredPod} from './pod-syncer.js'
import {fingerprint, podLabel, PodSyncer} from './pod-syncer.js'
import {ProbeManager} from './probe-manager.js'
import type {ProbeRunner} from './probes.js'
import {createProbeRunner} from './probes.js'
import {ReasonCache} from './reason-cache.js'
import {WorkQueue} from '../loop/work-queue.js'

/** The narration sink: `component` is `kubelet/<node>`, for the caller to prefix (and colour). */
export type KubeletLog = (component: string, message: string) => void

/** How to run one node's kubelet. */
export interface KubeletOptions {
  node: string
  api: ApiServer
  runtime: ContainerRuntime
  clock?: Clock
  log?: KubeletLog
  /** Crash-loop and image-pull back-off: `kubernetes` (10 s to 300 s, the default) or `classroom` (1 s to 20 s). */
  backoff?: BackoffProfileName | BackoffProfile
  /** How often the node's containers are relisted while the event stream is down (ms). */
  relistIntervalMs?: number
  /** Every n-th relist interval the kubelet relists anyway and queues every pod, changed or not. */
  resyncEveryRelists?: number
  /** How often the store's change log is read when idle (ms; 10 by default: a pod is picked up within that). */
  watchIntervalMs?: number
  /**
   * The control plane's shared informer: when given, pod changes come from it instead of this kubelet's own
   * reader of the change log, so several kubelets in one process cost one reader, not one each.
   */
  informer?: SharedInformer
  infraImage?: string
  maxConcurrentSyncs?: number
  /** Grace for containers whose pod is gone (s). */
  leftoverGraceSeconds?: number
  /** Retry delays of a pod whose sync failed. */
  retry?: {initialMs: number; maxMs: number}
  /** Runs probes (tests pass a scripted one). */
  runProbe?: ProbeRunner
}

const POD = mustTypeForKind('Pod')

/**
 * The kubelet looks at the change log more often than the other watchers (25 ms): each look is one indexed
 * read of tens of microseconds, and every pod start waits for it.
 */
const WATCH_INTERVAL_MS = 10

/** One node's kubelet. */
export class Kubelet {
  readonly node: string
  readonly queue: WorkQueue
  private readonly syncer: PodSyncer
  private readonly probes: ProbeManager
  private readonly containers: ContainerCache
  private readonly images: ImagePuller
  private readonly seen = new Map<string, string>()
  /**
   * Pod versions this kubelet wrote itself (status, host ports): the watch skips them, since the sync that
   * wrote them already acted on what it saw, and requeueing would cost another round of engine commands.
   */
  private readonly ownWrites = new Set<string>()
  private relists = 0
  private scheme: Promise<string> | undefined
  private running: {controller: AbortController; done: Promise<void>} | undefined

  constructor(private readonly options: KubeletOptions) {
    this.node = options.node
    const clock = options.clock ?? systemClock
    const profile =
      typeof options.backoff === 'object'
        ? options.backoff
        : BACKOFF_PROFILES[options.backoff ?? 'kubernetes']
    const record = apiEventRecorder(options.api, options.node, () => clock.now())
    const narrate = (message: string): void => this.log(message)
    this.queue = new WorkQueue({clock, concurrency: options.maxConcurrentSyncs ?? 8, retry: options.retry})
    this.probes = new ProbeManager({
      clock,
      runProbe: options.runProbe ?? createProbeRunner(options.runtime),
      onChange: (pod) => this.queue.add(keyOf(pod)),
      onFailure: (pod, container, kind, output) =>
        record(pod, kubeletEvents.unhealthy(kind, output), container),
    })
    const pullBackoff = new Backoff(profile, clock)
    this.containers = new ContainerCache(options.runtime, options.node)
    this.images = new ImagePuller({runtime: options.runtime, clock, backoff: pullBackoff, record, narrate})
    this.syncer = new PodSyncer({
      node: options.node,
      api: options.api,
      runtime: options.runtime,
      containers: this.containers,
      clock,
      infraImage: options.infraImage ?? DEFAULT_INFRA_IMAGE,
      leftoverGraceSeconds: options.leftoverGraceSeconds ?? 2,
      crashBackoff: new Backoff(profile, clock),
      pullBackoff,
      images: this.images,
      reasons: new ReasonCache(),
      probes: this.probes,
      record,
      runtimeScheme: () => this.runtimeScheme(),
      narrate,
      wrote: (resourceVersion) => {
        // Bounded: a write the watch never reports back (the pod was deleted first) must not pile up.
        if (this.ownWrites.size > 10_000) this.ownWrites.clear()
        this.ownWrites.add(resourceVersion)
      },
    })
  }

  /** Runs until `signal` aborts (or stop() is called); resolves once every loop has ended. */
  start(signal?: AbortSignal): Promise<void> {
    if (this.running) return this.running.done
    const controller = new AbortController()
    signal?.addEventListener('abort', () => controller.abort(), {once: true})
    const done = this.run(controller.signal).finally(() => (this.running = undefined))
    this.running = {controller, done}
    return done
  }

  /** Stops the loops (containers keep running, as when a real kubelet restarts) and waits for them. */
  async stop(): Promise<void> {
    if (!this.running) return
    this.running.controller.abort()
    await this.running.done
  }

  /** Syncs one pod key now and schedules what it asks for; throws when the sync failed. */
  async sync(key: string): Promise<void> {
    const outcome = await this.syncer.sync(key)
    this.seen.set(key, outcome.fingerprint)
    if (outcome.requeueAfterMs !== undefined) this.queue.addAfter(key, outcome.requeueAfterMs)
  }

  /** Lists the node's containers and queues the pods whose containers changed (all of them with `everything`). */
  async relist(everything = false): Promise<void> {
    const containers = await this.containers.relist()
    const byKey = new Map<string, typeof containers>()
    for (const c of containers) {
      const key = podKey(c.labels[LABELS.podNamespace] ?? '', c.labels[LABELS.podName] ?? '')
      byKey.set(key, [...(byKey.get(key) ?? []), c])
    }
    const pods = this.podsOnNode()
    const keys = new Set([...byKey.keys(), ...pods.map(keyOf)])
    for (const key of keys)
      if (everything || this.seen.get(key) !== fingerprint(byKey.get(key) ?? [])) this.queue.add(key)
    for (const key of this.seen.keys()) if (!keys.has(key)) this.seen.delete(key)
    // Pods remove their own volumes; the sweep is a safety net, so it rides on the full resyncs only.
    if (!everything) return
    const live = new Set([
      ...pods.map((p) => p.metadata.uid),
      ...containers.map((c) => c.labels[LABELS.podUid]),
    ])
    await this.sweepVolumes(live)
  }

  private async run(signal: AbortSignal): Promise<void> {
    const after = this.options.api.store.latestResourceVersion()
    // Subscribed before anything is awaited, so no pod bound meanwhile goes unheard.
    const informerWatch = this.options.informer
      ? this.followInformer(this.options.informer, signal)
      : undefined
    const info = await this.options.runtime.info().catch(() => undefined)
    this.log(`starting on node ${this.node}${info ? ` with ${info.engine} ${info.version}` : ''}`)
    for (const pod of this.podsOnNode()) this.queue.add(keyOf(pod))
    // Every pod needs the infra image: whether the engine has it is asked once, before the first pod waits.
    this.images.lookAhead([this.options.infraImage ?? DEFAULT_INFRA_IMAGE])
    // The event stream first, so the relist after it leaves the container cache complete and trusted.
    const events = this.followEvents(signal)
    await this.relist(true).catch((error: unknown) => this.log(`relist failed: ${messageOf(error)}`))
    await Promise.all([
      this.queue.run({
        signal,
        handler: (key) => this.sync(key),
        onError: (key, error, retryMs) => {
          const {namespace, name} = splitPodKey(key)
          this.log(
            `pod ${podLabel(namespace, name)}: sync failed: ${messageOf(error)}; retrying in ${retryMs / 1000}s`,
          )
        },
      }),
      informerWatch ?? this.watchPods(after, signal),
      events,
      this.relistLoop(signal),
    ])
    this.probes.stop()
    this.log('stopped')
  }

  /** Queues pods bound to this node as their objects change in the store. */
  private async watchPods(after: number, signal: AbortSignal): Promise<void> {
    const changes = watchChanges(this.options.api.store, {
      after,
      signal,
      intervalMs: this.options.watchIntervalMs ?? WATCH_INTERVAL_MS,
      filter: (change) => change.object.kind === 'Pod' && (change.object as Pod).spec.nodeName === this.node,
    })
    try {
      for await (const change of changes) {
        if (this.ownWrites.delete(change.object.metadata.resourceVersion)) continue
        this.queue.add(keyOf(change.object as Pod))
      }
    } catch (error) {
      if (!signal.aborted) this.log(`stopped watching pods: ${messageOf(error)}`)
    }
  }

  /** Queues this node's pods from the shared informer's pod events until the signal aborts. */
  private followInformer(informer: SharedInformer, signal: AbortSignal): Promise<void> {
    const unsubscribe = informer.on('Pod', ({object, previous}) => {
      const pod = object as Pod
      const here =
        pod.spec.nodeName === this.node || (previous as Pod | undefined)?.spec.nodeName === this.node
      if (!here || this.ownWrites.delete(object.metadata.resourceVersion)) return
      this.queue.add(keyOf(pod))
    })
    return new Promise((resolve) => {
      const done = (): void => {
        unsubscribe()
        resolve()
      }
      if (signal.aborted) done()
      else signal.addEventListener('abort', done, {once: true})
    })
  }

  /**
   * Follows the runtime's events. If the stream breaks it is followed again at once (after a pause if it broke
   * within a second, so a failing engine is not hammered), and a relist then catches what was missed meanwhile.
   */
  private async followEvents(signal: AbortSignal): Promise<void> {
    for (let again = false; !signal.aborted; again = true) {
      const since = this.clock.now()
      try {
        this.containers.followingEvents()
        const events = this.options.runtime.events(signal)[Symbol.asyncIterator]()
        // Asking for the first event starts the engine's client; the relist comes after, not before it.
        let next = events.next()
        if (again)
          void this.relist().catch((error: unknown) => this.log(`relist failed: ${messageOf(error)}`))
        for (let result = await next; !result.done; result = await next) {
          this.onRuntimeEvent(result.value)
          next = events.next()
        }
      } catch (error) {
        if (!signal.aborted) this.log(`runtime event stream broke (${messageOf(error)}); reconnecting`)
      }
      this.containers.lostEvents()
      if (!signal.aborted && this.clock.now() - since < 1000) await sleep(this.clock, 1000, signal)
    }
  }

  private onRuntimeEvent(event: ContainerEvent): void {
    if (event.labels[LABELS.node] !== this.node) return
    const news = this.containers.observe(event)
    if (event.type !== 'die' && event.type !== 'destroy' && event.type !== 'oom') return
    if (news || !this.containers.isTrusted)
      this.queue.add(podKey(event.labels[LABELS.podNamespace] ?? '', event.labels[LABELS.podName] ?? ''))
  }

  /**
   * Relists every interval while the event stream cannot be trusted; while it can, it reports every change and
   * only every n-th relist runs, the full resync (as Kubernetes' evented PLEG relists every 300 s, not every 1 s).
   */
  private async relistLoop(signal: AbortSignal): Promise<void> {
    const interval = this.options.relistIntervalMs ?? 5000
    const every = this.options.resyncEveryRelists ?? 12
    while (!signal.aborted) {
      await sleep(this.clock, interval, signal)
      if (signal.aborted) return
      const everything = ++this.relists % every === 0
      if (!everything && this.containers.isTrusted) continue
      await this.relist(everything).catch((error: unknown) => this.log(`relist failed: ${messageOf(error)}`))
    }
  }

  /** Removes emptyDir volumes whose pod is gone and that no container of it still holds. */
  private async sweepVolumes(live: Set<string | undefined>): Promise<void> {
    const {runtime, node} = this.options
    for (const name of await runtime.listVolumes({[LABELS.node]: node})) {
      const owner = volumeOwner(name)
      if (!owner || live.has(owner)) continue
      this.log(`removing volume ${name}: its pod is gone`)
      await runtime
        .removeVolume(name)
        .catch((error: unknown) => this.log(`could not remove ${name}: ${messageOf(error)}`))
    }
  }

  private podsOnNode(): StoredPod[] {
    return (this.options.api.list(POD) as StoredPod[]).filter((pod) => pod.spec.nodeName === this.node)
  }

  private runtimeScheme(): Promise<string> {
    this.scheme ??= this.options.runtime.info().then(
      (info) => info.engine,
      () => 'container',
    )
    return this.scheme
  }

  private get clock(): Clock {
    return this.options.clock ?? systemClock
  }

  private log(message: string): void {
    this.options.log?.(`kubelet/${this.node}`, message)
  }
}

function keyOf(pod: Pod): string {
  return podKey(pod.metadata.namespace ?? 'default', pod.metadata.name ?? '')
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** Waits `ms` on the clock, or less if the signal aborts. */
function sleep(clock: Clock, ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = clock.setTimer(done, ms)
    function done(): void {
      timer.cancel()
      signal.removeEventListener('abort', done)
      resolve()
    }
    signal.addEventListener('abort', done, {once: true})
  })
}
