/**
 * The kubelet's picture of its node's containers, as Kubernetes' pod cache fed by the PLEG
 * (k8s@1.28 pkg/kubelet/container/cache.go, pkg/kubelet/pleg): a relist fills it, the runtime's event stream
 * and the kubelet's own actions mark what changed, and a pod's sync reads from the engine only the containers
 * marked since they were last inspected. A new pod therefore costs no `ps`, a killed container one `inspect`
 * of that container, and a pod whose containers did not change no engine command at all.
 *
 * The picture is trusted only while the event stream is followed and a relist has finished since it
 * (re)connected; before that, or once the stream broke, every read lists the pod's containers on the engine
 * as if there were no cache. Reads and notices are numbered in one sequence, so an answer the engine gave
 * before a change was noticed never hides that change, and a container known to be gone never comes back
 * from an older answer.
 */
import type {ContainerEvent, ContainerInfo, ContainerRuntime} from '../runtime/container-runtime.js'
import {LABELS} from '../runtime/container-runtime.js'
import {podKey, splitPodKey} from './naming.js'
import {isRunning} from './observed-pod.js'

/** One container as the cache knows it. */
interface Entry {
  /** Its pod's key (`namespace/name`), from its labels. */
  key: string
  /** What the engine said when last asked; undefined until it was. */
  info?: ContainerInfo
  /** The sequence number of the read `info` came from. */
  readAt: number
  /** The sequence number of the last change noticed: after `readAt`, `info` is out of date. */
  changedAt: number
}

/** How many removed container ids are remembered, so an older answer cannot bring them back. */
const REMEMBERED_GONE = 10_000

/** One node's containers, for its kubelet. */
export class ContainerCache {
  private readonly entries = new Map<string, Entry>()
  private readonly byKey = new Map<string, Set<string>>()
  /** Removed ids with the sequence number of their removal. */
  private readonly gone = new Map<string, number>()
  private sequence = 0
  private following = false
  private trusted = false
  /** Moves on whenever the stream connects or breaks: a relist that saw it move does not make the cache trusted. */
  private epoch = 0

  constructor(
    private readonly runtime: ContainerRuntime,
    private readonly node: string,
  ) {}

  /** Whether reads are answered from the cache (else each lists the pod's containers on the engine). */
  get isTrusted(): boolean {
    return this.trusted
  }

  /** The event stream is followed from now on; the next relist makes the cache trusted. */
  followingEvents(): void {
    this.following = true
    this.trusted = false
    this.epoch++
  }

  /** The event stream broke: changes may go unnoticed until it is followed again and a relist has run. */
  lostEvents(): void {
    this.following = false
    this.trusted = false
    this.epoch++
  }

  /**
   * Takes in one runtime event; true when it told the cache something new about a container of this node.
   * Its own starts, reported back, are nothing new; neither is the death of a container already seen dead.
   */
  observe(event: ContainerEvent): boolean {
    if (event.labels[LABELS.node] !== this.node || this.gone.has(event.id)) return false
    const entry = this.entries.get(event.id)
    if (event.type === 'destroy') {
      this.forget([event.id])
      return true
    }
    // A death counts unless a read made after it already shows it; a start only for a container last seen
    // stopped (one not read yet will be, and the engine reports our own starts back after `run` returned).
    const fresh = entry?.info !== undefined && entry.changedAt < entry.readAt
    const running = isRunning(entry?.info)
    const news =
      !entry ||
      ((event.type === 'die' || event.type === 'oom') && (running || !fresh)) ||
      ((event.type === 'start' || event.type === 'create') && entry.info !== undefined && !running)
    if (news) this.changed(keyOfLabels(event.labels), [event.id])
    return news
  }

  /** The kubelet started or stopped these containers of pod `key` (or tried to): read them again. */
  changed(key: string, ids: readonly string[]): void {
    for (const id of ids) {
      const entry = this.entries.get(id) ?? this.add(id, key)
      entry.changedAt = ++this.sequence
    }
  }

  /** These containers were removed. */
  forget(ids: readonly string[]): void {
    for (const id of ids) {
      const entry = this.entries.get(id)
      this.entries.delete(id)
      if (entry) this.byKey.get(entry.key)?.delete(id)
      if (entry && this.byKey.get(entry.key)?.size === 0) this.byKey.delete(entry.key)
      this.gone.set(id, ++this.sequence)
      if (this.gone.size > REMEMBERED_GONE) this.gone.delete(this.gone.keys().next().value ?? '')
    }
  }

  /** The containers of pod `key` as they are now: changed ones are inspected, or all listed when not trusted. */
  async pod(key: string): Promise<ContainerInfo[]> {
    const known = [...(this.byKey.get(key) ?? [])]
    if (!this.trusted) {
      const {namespace, name} = splitPodKey(key)
      const at = ++this.sequence
      const labels = {[LABELS.node]: this.node, [LABELS.podNamespace]: namespace, [LABELS.podName]: name}
      const found = await this.runtime.listContainers(labels)
      this.record(at, found, known)
      return found
    }
    const stale = known.filter((id) => this.isStale(id))
    if (stale.length) await this.inspect(stale)
    return this.infos(this.byKey.get(key) ?? [])
  }

  /** Reads these containers from the engine now and returns what it said of them. */
  async inspect(ids: readonly string[]): Promise<ContainerInfo[]> {
    const at = ++this.sequence
    const found = await this.runtime.inspectContainers(ids)
    this.record(at, found, ids)
    return found
  }

  /**
   * Lists the node's containers with their states, inspects the new and the changed ones, forgets the ones
   * gone, and returns them all. Trusts the cache from then on if the event stream was followed throughout.
   */
  async relist(): Promise<ContainerInfo[]> {
    const epoch = this.epoch
    const known = [...this.entries.keys()]
    const at = ++this.sequence
    const listed = await this.runtime.listContainerStates({[LABELS.node]: this.node})
    const present = new Set(listed.map((summary) => summary.id))
    this.forget(known.filter((id) => !present.has(id) && this.entries.has(id)))
    const outdated = listed
      .filter(({id}) => !this.goneSince(id, at))
      .filter(({id, state}) => this.isStale(id) || this.entries.get(id)?.info?.state !== state)
      .map(({id}) => id)
    if (outdated.length) await this.inspect(outdated)
    if (this.following && this.epoch === epoch) this.trusted = true
    return this.infos(this.entries.keys())
  }

  /** Takes what a read begun at `at` found; of the `asked` ids, those it did not find are gone. */
  private record(at: number, found: readonly ContainerInfo[], asked: readonly string[]): void {
    const seen = new Set<string>()
    for (const info of found) {
      seen.add(info.id)
      if (info.labels[LABELS.node] !== this.node || this.goneSince(info.id, at)) continue
      const entry = this.entries.get(info.id) ?? this.add(info.id, keyOfLabels(info.labels))
      if (at <= entry.readAt) continue
      entry.info = info
      entry.readAt = at
    }
    this.forget(asked.filter((id) => !seen.has(id) && this.entries.has(id)))
  }

  private add(id: string, key: string): Entry {
    const entry: Entry = {key, readAt: 0, changedAt: 0}
    this.entries.set(id, entry)
    const ids = this.byKey.get(key) ?? new Set<string>()
    ids.add(id)
    this.byKey.set(key, ids)
    return entry
  }

  private isStale(id: string): boolean {
    const entry = this.entries.get(id)
    return !entry?.info || entry.changedAt > entry.readAt
  }

  /** Whether the container was removed after a read begun at `at`, which may still have seen it. */
  private goneSince(id: string, at: number): boolean {
    return (this.gone.get(id) ?? -1) > at
  }

  private infos(ids: Iterable<string>): ContainerInfo[] {
    return [...ids].flatMap((id) => {
      const info = this.entries.get(id)?.info
      return info ? [info] : []
    })
  }
}

/** The pod key a container's labels name. */
function keyOfLabels(labels: Readonly<Record<string, string>>): string {
  return podKey(labels[LABELS.podNamespace] ?? '', labels[LABELS.podName] ?? '')
}
