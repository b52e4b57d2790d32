/**
 * One sync of one pod: read the pod and what the runtime shows of it, plan (pure), apply the plan, then write
 * the status (and the host-ports annotation) back through the API server. The kubelet's queue calls this once
 * per key at a time.
 */
import type {ApiServer} from '../api/api-server.js'
import {mustTypeForKind} from '../api/resources.js'
import type {Pod, StoredObject} from '../api/types.js'
import type {ContainerInfo, ContainerRuntime} from '../runtime/container-runtime.js'
import {LABELS} from '../runtime/container-runtime.js'
import {applyPlan} from './apply-plan.js'
import type {Backoff} from './backoff.js'
import type {Clock} from '../loop/clock.js'
import type {ContainerCache} from './container-cache.js'
import {formatHostPorts, HOST_PORTS_ANNOTATION, hostPortsOf} from './host-ports.js'
import type {ImagePuller} from './image-puller.js'
import type {RecordEvent} from './kubelet-events.js'
import {splitPodKey} from './naming.js'
import type {ObservedPod} from './observed-pod.js'
import {isRunning, observePod} from './observed-pod.js'
import {computePodStatus} from './pod-status.js'
import type {ProbeManager} from './probe-manager.js'
import type {ReasonCache} from './reason-cache.js'
import {syncPod} from './sync-pod.js'

/** A pod as the store holds it. */
export type StoredPod = Pod & StoredObject

const POD = mustTypeForKind('Pod')

/** What a pod sync needs. */
export interface PodSyncerOptions {
  node: string
  api: ApiServer
  runtime: ContainerRuntime
  /** The node's containers: what a sync reads the pod's containers from. */
  containers: ContainerCache
  clock: Clock
  infraImage: string
  leftoverGraceSeconds: number
  crashBackoff: Backoff
  pullBackoff: Backoff
  images: ImagePuller
  reasons: ReasonCache
  probes: ProbeManager
  record: RecordEvent
  /** The containerID scheme (`docker`, `podman`). */
  runtimeScheme: () => Promise<string>
  narrate: (message: string) => void
  /** Told the resourceVersion of every pod write the syncer makes, so the kubelet's watch can skip its own. */
  wrote?: (resourceVersion: string) => void
}

/** The outcome of a sync: when to look again, and what the runtime showed afterwards. */
export interface SyncOutcome {
  requeueAfterMs?: number
  fingerprint: string
}

/** Syncs single pods. */
export class PodSyncer {
  constructor(private readonly options: PodSyncerOptions) {}

  /** Syncs the pod with key `namespace/name`; throws (for a retry) when part of it failed. */
  async sync(key: string): Promise<SyncOutcome> {
    const {node, runtime, clock, containers} = this.options
    const {namespace, name} = splitPodKey(key)
    const pod = this.findPod(namespace, name)
    const labels = {[LABELS.node]: node, [LABELS.podNamespace]: namespace, [LABELS.podName]: name}
    const found = await containers.pod(key)
    const observed = observePod(found, pod?.metadata.uid)
    const volumes = needsVolumes(pod, observed) ? await runtime.listVolumes(labels) : []
    const plan = syncPod({
      node,
      pod,
      observed,
      volumes,
      now: clock.now(),
      crashBackoff: this.options.crashBackoff,
      probes: this.options.probes,
      leftoverGraceSeconds: this.options.leftoverGraceSeconds,
    })
    const narrate = (message: string): void =>
      this.options.narrate(`pod ${podLabel(namespace, name)}: ${message}`)
    // The kubelet publishes what it found before acting on it (syncPod writes the status first), so a crashed
    // container shows Error, and a new pod ContainerCreating, before CrashLoopBackOff or Running replace them.
    if (plan.actions.length && pod && !pod.metadata.deletionTimestamp)
      await this.writeStatus(pod, observed, narrate)
    const result = await applyPlan(plan, {
      ...this.options,
      pod,
      observed,
      narrate,
      deletePod: (doomed) => this.deletePod(doomed, narrate),
      changed: (ids) => containers.changed(key, ids),
      removed: (ids) => containers.forget(ids),
      inspect: async (id) => (await containers.inspect([id]))[0],
    })
    const after = plan.actions.length ? await containers.pod(key) : found
    for (const uid of new Set(observed.strays.map((c) => c.labels[LABELS.podUid] ?? '')))
      this.forget(uid, key)
    if (pod && !pod.metadata.deletionTimestamp) {
      const current = observePod(after, pod.metadata.uid)
      this.options.probes.update(pod, current)
      await this.writeStatus(pod, current, narrate)
    } else if (pod) this.forget(pod.metadata.uid, key)
    if (result.errors.length) throw new Error(result.errors.join('; '))
    const waits = [plan.requeueAfterMs, result.requeueAfterMs].filter((ms) => ms !== undefined)
    return {requeueAfterMs: waits.length ? Math.min(...waits) : undefined, fingerprint: fingerprint(after)}
  }

  /** Forgets everything remembered about a pod uid that is gone. */
  forget(uid: string, key: string): void {
    const {name, namespace} = splitPodKey(key)
    this.options.probes.removePod(uid)
    this.options.reasons.forget(uid)
    this.options.crashBackoff.forgetPrefix(`${name}_${namespace}_${uid}_`)
    this.options.pullBackoff.forgetPrefix(`${uid}_`)
  }

  /** The pod, if it exists and is bound to this node. */
  private findPod(namespace: string, name: string): StoredPod | undefined {
    const pod = this.options.api.find(POD, namespace, name) as StoredPod | undefined
    return pod?.spec.nodeName === this.options.node ? pod : undefined
  }

  private deletePod(pod: Pod, narrate: (message: string) => void): void {
    const {api} = this.options
    const live = api.find(POD, pod.metadata.namespace ?? 'default', pod.metadata.name ?? '')
    if (!live || live.metadata.uid !== pod.metadata.uid) return
    narrate('all containers are gone, removing the pod object')
    api.delete(POD, live.metadata.namespace ?? 'default', live.metadata.name, {gracePeriodSeconds: 0})
  }

  /** Writes status from the fresh pod (never a stale copy), recording host ports first. */
  private async writeStatus(
    pod: Pod,
    observed: ObservedPod,
    narrate: (message: string) => void,
  ): Promise<void> {
    const scheme = await this.options.runtimeScheme()
    const {api, clock} = this.options
    const {namespace = 'default', name = '', uid} = pod.metadata
    let live = api.find(POD, namespace, name) as StoredPod | undefined
    if (!live || live.metadata.uid !== uid || live.metadata.deletionTimestamp) return
    live = this.recordHostPorts(live, observed)
    const status = computePodStatus({
      pod: live,
      observed,
      reasons: this.options.reasons.of(uid ?? ''),
      probes: this.options.probes,
      runtimeScheme: scheme,
      now: new Date(clock.now()),
    })
    const {resourceVersion: _, ...metadata} = live.metadata
    this.noteWrite(live, api.update({...live, metadata, status}, {subresource: 'status'}))
    if (live.status?.phase !== status.phase)
      narrate(`phase ${live.status?.phase ?? 'none'} -> ${status.phase}`)
  }

  /** Keeps the `tugboat.io/host-ports` annotation in line with the running infra container's ports. */
  private recordHostPorts(live: StoredPod, observed: ObservedPod): StoredPod {
    const infra = observed.infra[0]
    if (!infra || !isRunning(infra) || !infra.ports.length) return live
    const value = formatHostPorts(hostPortsOf(infra))
    const annotations = live.metadata.annotations ?? {}
    if (annotations[HOST_PORTS_ANNOTATION] === value) return live
    const metadata = {...live.metadata, annotations: {...annotations, [HOST_PORTS_ANNOTATION]: value}}
    return this.noteWrite(live, this.options.api.update({...live, metadata}) as StoredPod)
  }

  /** Reports a write that stored a new version (an update that changed nothing stores none). */
  private noteWrite<T extends StoredObject>(before: StoredObject, after: T): T {
    if (after.metadata.resourceVersion !== before.metadata.resourceVersion)
      this.options.wrote?.(after.metadata.resourceVersion)
    return after
  }
}

/** `web` in the default namespace, `team/web` elsewhere. */
export function podLabel(namespace: string, name: string): string {
  return namespace === 'default' ? name : `${namespace}/${name}`
}

/** A pod's containers and their states: the relist compares it with the last sync's to notice changes. */
export function fingerprint(containers: readonly ContainerInfo[]): string {
  return containers
    .map((c) => `${c.id}:${c.state}`)
    .sort()
    .join(',')
}

/** Volumes matter only for pods with emptyDirs, pods going away, and left-overs. */
function needsVolumes(pod: Pod | undefined, observed: ObservedPod): boolean {
  if (!pod || pod.metadata.deletionTimestamp || observed.strays.length) return true
  return (pod.spec.volumes ?? []).some((volume) => volume.emptyDir)
}
