/**
 * Keeps one worker per probe of every running container, runs it every periodSeconds (after
 * initialDelaySeconds) on the injected clock, records `Unhealthy` events for failures, and tells the kubelet
 * when a result flips so the pod is synced: a readiness flip changes `ready`, a liveness failure makes the
 * next sync kill the container.
 */
import type {Container, Pod} from '../api/types.js'
import type {Clock, Timer} from '../loop/clock.js'
import type {ProbeStatusView} from './container-status.js'
import {resolvePort} from './host-ports.js'
import type {ObservedPod} from './observed-pod.js'
import {isRunning} from './observed-pod.js'
import type {ProbeState} from './probe-worker.js'
import {initialProbeState, nextProbeState} from './probe-worker.js'
import type {ProbeKind, ProbeRunner} from './probes.js'

/** What the manager needs from the kubelet. */
export interface ProbeManagerOptions {
  clock: Clock
  runProbe: ProbeRunner
  /** A result flipped: sync this pod. */
  onChange(pod: Pod): void
  /** A probe run failed: record `Unhealthy`. */
  onFailure(pod: Pod, container: string, kind: ProbeKind, output: string): void
}

interface Worker {
  kind: ProbeKind
  container: Container
  containerId: string
  state: ProbeState
  timer?: Timer
  stopped: boolean
}

interface PodEntry {
  pod: Pod
  ports: Map<string, number>
  workers: Map<string, Worker>
}

const KINDS: readonly ProbeKind[] = ['startup', 'liveness', 'readiness']
const probeOf = (c: Container, kind: ProbeKind) => c[`${kind}Probe`]

/** The probe workers of one kubelet. */
export class ProbeManager implements ProbeStatusView {
  private readonly pods = new Map<string, PodEntry>()
  private readonly byContainer = new Map<string, Worker>()

  constructor(private readonly options: ProbeManagerOptions) {}

  /** Brings the workers of a pod in line with its running containers. */
  update(pod: Pod, observed: ObservedPod): void {
    const uid = pod.metadata.uid ?? ''
    const entry: PodEntry = this.pods.get(uid) ?? {pod, ports: new Map(), workers: new Map()}
    entry.pod = pod
    entry.ports = new Map(
      (observed.infra[0]?.ports ?? []).map((p) => [`${p.containerPort}/${p.protocol}`, p.hostPort]),
    )
    const wanted = new Set<string>()
    for (const container of pod.spec.containers) {
      const latest = observed.apps.get(container.name)?.[0]
      if (!latest || !isRunning(latest)) continue
      for (const kind of KINDS) {
        if (!probeOf(container, kind)) continue
        const key = `${latest.id}/${kind}`
        wanted.add(key)
        if (!entry.workers.has(key))
          this.startWorker(entry, key, container, latest.id, latest.startedAt, kind)
      }
    }
    for (const [key, worker] of entry.workers) if (!wanted.has(key)) this.stopWorker(entry, key, worker)
    if (entry.workers.size) this.pods.set(uid, entry)
    else this.pods.delete(uid)
  }

  /** Stops every worker of a pod. */
  removePod(uid: string): void {
    const entry = this.pods.get(uid)
    if (!entry) return
    for (const [key, worker] of entry.workers) this.stopWorker(entry, key, worker)
    this.pods.delete(uid)
  }

  /** Stops everything (kubelet shutdown). */
  stop(): void {
    for (const uid of [...this.pods.keys()]) this.removePod(uid)
  }

  ready(containerId: string, container: Container): boolean {
    if (!container.readinessProbe) return this.started(containerId, container)
    return this.byContainer.get(`${containerId}/readiness`)?.state.result === 'success'
  }

  started(containerId: string, container: Container): boolean {
    if (!container.startupProbe) return true
    return this.byContainer.get(`${containerId}/startup`)?.state.result === 'success'
  }

  /** The probe whose failure means the container must be restarted, if any. */
  failedProbe(containerId: string): 'liveness' | 'startup' | undefined {
    for (const kind of ['startup', 'liveness'] as const)
      if (this.byContainer.get(`${containerId}/${kind}`)?.state.result === 'failure') return kind
    return undefined
  }

  private startWorker(
    entry: PodEntry,
    key: string,
    container: Container,
    containerId: string,
    startedAt: string | undefined,
    kind: ProbeKind,
  ): void {
    const worker: Worker = {kind, container, containerId, state: initialProbeState(kind), stopped: false}
    entry.workers.set(key, worker)
    this.byContainer.set(key, worker)
    const started = startedAt ? Date.parse(startedAt) : this.options.clock.now()
    const delayMs = (probeOf(container, kind)?.initialDelaySeconds ?? 0) * 1000
    this.schedule(entry, worker, Math.max(0, started + delayMs - this.options.clock.now()))
  }

  private stopWorker(entry: PodEntry, key: string, worker: Worker): void {
    worker.stopped = true
    worker.timer?.cancel()
    entry.workers.delete(key)
    this.byContainer.delete(key)
  }

  private schedule(entry: PodEntry, worker: Worker, ms: number): void {
    worker.timer = this.options.clock.setTimer(() => void this.tick(entry, worker), ms)
  }

  /** One probe run, then the next one a period later. */
  private async tick(entry: PodEntry, worker: Worker): Promise<void> {
    const probe = probeOf(worker.container, worker.kind)
    if (worker.stopped || !probe) return
    const periodMs = (probe.periodSeconds || 10) * 1000
    const waiting =
      worker.state.onHold ||
      (worker.kind !== 'startup' && !this.started(worker.containerId, worker.container))
    const done = worker.kind === 'startup' && worker.state.result === 'success'
    if (waiting || done) return this.schedule(entry, worker, periodMs)
    const outcome = await this.options.runProbe(probe, {
      containerId: worker.containerId,
      hostPort: (port) => entry.ports.get(`${resolvePort(entry.pod, port) ?? -1}/tcp`),
    })
    if (worker.stopped) return
    if (outcome.result === 'failure')
      this.options.onFailure(entry.pod, worker.container.name, worker.kind, outcome.output)
    const before = worker.state.result
    worker.state = nextProbeState(worker.kind, probe, worker.state, outcome)
    if (worker.state.result !== before) this.options.onChange(entry.pod)
    this.schedule(entry, worker, periodMs)
  }
}
