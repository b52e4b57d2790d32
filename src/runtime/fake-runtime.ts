/**
 * An in-memory ContainerRuntime for unit tests. It behaves like a strict engine (a name is used once, an image
 * must be present to run, a joined network and mounted volumes must exist; a running container, a container
 * others joined, or a volume in use cannot be removed), records every call, and lets a test play the outside
 * world: a container exits or is removed behind the kubelet's back, a pull or a run fails, an exec probe
 * answers, a container writes to its log. Ids, IPs and host ports are handed out in sequence, so runs are deterministic.
 */
import type {
  AttachOptions,
  ContainerEvent,
  ContainerInfo,
  ContainerRuntime,
  ContainerSpec,
  ContainerSummary,
  LogChunk,
  LogOptions,
  ProgressListener,
  RuntimeInfo,
} from '../core/runtime/container-runtime.js'
import {LABELS, MANAGED_BY} from '../core/runtime/container-runtime.js'
import {FakeLogs} from './fake-logs.js'

/** The methods a test can make fail. */
export type FakeMethod = Exclude<keyof ContainerRuntime, 'events'>

/** One recorded call: the method and a short, readable summary (`run tug_default_web_app_0001_0`). */
export interface FakeCall {
  method: FakeMethod
  summary: string
}

/** A container the fake holds, with the spec it was run from (undefined for foreign ones). */
export interface FakeContainer extends ContainerInfo {
  spec?: ContainerSpec
  /** The grace period the last stop was given. */
  stoppedWithGrace?: number
}

/** What an attached exec was asked for, and what it printed on the caller's terminal. */
export interface FakeAttachedExec {
  container: string
  command: string[]
  options: AttachOptions
  output: string
}

/** An exec answer for exec probes. */
export type ExecHandler = (container: FakeContainer, command: string[]) => {exitCode: number; output: string}

/** One follower of the event stream. */
interface Subscriber {
  push(event: ContainerEvent): void
  break(error: Error): void
}

/** Construction options. */
export interface FakeRuntimeOptions {
  /** The fake's clock for startedAt/finishedAt and event times (ms since the epoch). */
  now?: () => number
  /** Images present from the start. */
  images?: string[]
}

/** The in-memory runtime. */
export class FakeRuntime implements ContainerRuntime {
  readonly calls: FakeCall[] = []
  readonly containers = new Map<string, FakeContainer>()
  readonly volumes = new Map<string, Record<string, string>>()
  readonly images: Set<string>
  /** Images no pull can find, as if the registry did not have them. */
  readonly unpullable = new Set<string>()
  /** Answers exec calls; by default every command succeeds silently. */
  execHandler: ExecHandler = () => ({exitCode: 0, output: ''})
  private readonly failures: {method: FakeMethod; message: string; remaining: number}[] = []
  /** Attached execs, in order, with their output (a real one would have gone to the terminal). */
  readonly attached: FakeAttachedExec[] = []
  private readonly subscribers = new Set<Subscriber>()
  /** What each container wrote. */
  readonly logBook = new FakeLogs()
  private readonly now: () => number
  private sequence = 0
  /** Host ports from the start of Linux's ephemeral range, as engines pick them. */
  private nextHostPort = 32768

  constructor(options: FakeRuntimeOptions = {}) {
    this.now = options.now ?? Date.now
    this.images = new Set(options.images ?? [])
  }

  /** Makes the next `times` calls of `method` throw an Error with `message`. */
  fail(method: FakeMethod, message: string, times = 1): void {
    this.failures.push({method, message, remaining: times})
  }

  /** The summaries of the recorded calls, optionally only of some methods. */
  log(...methods: FakeMethod[]): string[] {
    return this.calls.filter((c) => !methods.length || methods.includes(c.method)).map((c) => c.summary)
  }

  /** The container with this name, or one whose name starts with it. */
  byName(name: string): FakeContainer | undefined {
    return [...this.containers.values()].find((c) => c.name === name || c.name.startsWith(name))
  }

  /** Tugboat's containers of one pod container name (`app`), newest first. */
  byContainer(container: string): FakeContainer[] {
    return [...this.containers.values()].filter((c) => c.labels[LABELS.container] === container).reverse()
  }

  /** The process in a container exits on its own (or the OOM killer ends it). */
  exit(id: string, exitCode: number, options: {oomKilled?: boolean} = {}): void {
    const container = this.mustFind(id)
    if (container.state !== 'running') throw new Error(`fake: container ${id} is not running`)
    this.finish(container, exitCode, options.oomKilled ?? false)
  }

  /** The process in a container writes `text` to one of its streams (split into lines as an engine stores it). */
  write(id: string, text: string, stream: LogChunk['stream'] = 'stdout'): void {
    this.mustFind(id)
    this.logBook.write(id, text, stream, this.stamp())
  }

  /** Someone ran `docker rm -f` on a container. */
  removeBehindBack(id: string): void {
    const container = this.mustFind(id)
    if (container.state === 'running') this.finish(container, 137, false)
    this.containers.delete(id)
    this.emit('destroy', container)
  }

  /** A container Tugboat did not create (no labels): it must survive everything. */
  addForeign(name: string, image = 'busybox'): FakeContainer {
    const container = this.newContainer(name, image, {})
    container.state = 'running'
    container.startedAt = this.stamp()
    return container
  }

  // ContainerRuntime

  info(): Promise<RuntimeInfo> {
    return this.call('info', 'info', () => ({
      engine: 'fake',
      version: '1.0.0',
      runtimeVersion: 'fake://1.0.0',
    }))
  }

  listContainers(labels: Record<string, string>): Promise<ContainerInfo[]> {
    return this.call('listContainers', `list ${formatLabels(labels)}`, () =>
      [...this.containers.values()]
        .filter((c) => matches(c.labels, {...labels, [LABELS.managedBy]: MANAGED_BY}))
        .map(snapshot),
    )
  }

  listContainerStates(labels: Record<string, string>): Promise<ContainerSummary[]> {
    return this.call('listContainerStates', `list-states ${formatLabels(labels)}`, () =>
      [...this.containers.values()]
        .filter((c) => matches(c.labels, {...labels, [LABELS.managedBy]: MANAGED_BY}))
        .map(({id, state}) => ({id, state})),
    )
  }

  inspectContainer(id: string): Promise<ContainerInfo | undefined> {
    return this.call('inspectContainer', `inspect ${this.nameOf(id)}`, () => {
      const container = this.containers.get(id)
      return container ? snapshot(container) : undefined
    })
  }

  inspectContainers(ids: readonly string[]): Promise<ContainerInfo[]> {
    return this.call('inspectContainers', `inspect ${ids.map((id) => this.nameOf(id)).join(' ')}`, () =>
      [...new Set(ids)]
        .map((id) => this.containers.get(id))
        .filter((c): c is FakeContainer => c?.labels[LABELS.managedBy] === MANAGED_BY)
        .map(snapshot),
    )
  }

  runContainer(spec: ContainerSpec): Promise<string> {
    return this.call('runContainer', `run ${spec.name}`, () => this.run(spec))
  }

  stopContainer(id: string, graceSeconds: number): Promise<void> {
    return this.call('stopContainer', `stop ${this.nameOf(id)} ${graceSeconds}`, () => {
      const container = this.mustFind(id)
      container.stoppedWithGrace = graceSeconds
      // A process that honours SIGTERM exits with 128+15; with no grace at all it is SIGKILLed (128+9).
      if (container.state === 'running') this.finish(container, graceSeconds > 0 ? 143 : 137, false)
    })
  }

  killContainer(id: string, signal = 'KILL'): Promise<void> {
    return this.call('killContainer', `kill ${this.nameOf(id)} ${signal}`, () => {
      const container = this.mustFind(id)
      if (container.state === 'running') this.finish(container, signal === 'KILL' ? 137 : 143, false)
    })
  }

  removeContainer(id: string): Promise<void> {
    return this.call('removeContainer', `remove ${this.nameOf(id)}`, () => {
      const container = this.mustFind(id)
      if (container.labels[LABELS.managedBy] !== MANAGED_BY)
        throw new Error(`refusing to remove container ${container.name}: it was not created by Tugboat`)
      if (container.state === 'running')
        throw new Error(
          `cannot remove container ${container.name}: container is running: stop the container first`,
        )
      // podman's rule (the stricter engine): a network owner goes only after the containers that joined it.
      const dependents = [...this.containers.values()].filter((c) => c.spec?.networkOf === id)
      if (dependents.length)
        throw new Error(
          `container ${id} has dependent containers which must be removed before it: ${dependents.map((c) => c.id).join(', ')}`,
        )
      this.containers.delete(id)
      this.emit('destroy', container)
    })
  }

  imageExists(image: string): Promise<boolean> {
    return this.call('imageExists', `image-exists ${image}`, () => this.images.has(image))
  }

  pullImage(image: string, onProgress?: ProgressListener): Promise<void> {
    return this.call('pullImage', `pull ${image}`, () => {
      if (this.unpullable.has(image))
        throw new Error(`pull access denied for ${image.split(':')[0]}, repository does not exist`)
      onProgress?.(`${image}: Pull complete`)
      this.images.add(image)
    })
  }

  createVolume(name: string, labels: Record<string, string>): Promise<void> {
    return this.call('createVolume', `create-volume ${name}`, () => void this.volumes.set(name, {...labels}))
  }

  removeVolume(name: string): Promise<void> {
    return this.call('removeVolume', `remove-volume ${name}`, () => {
      const user = [...this.containers.values()].find((c) => c.spec?.mounts?.some((m) => m.volume === name))
      if (user) throw new Error(`remove ${name}: volume is in use - [${user.id}]`)
      this.volumes.delete(name)
    })
  }

  listVolumes(labels: Record<string, string>): Promise<string[]> {
    return this.call('listVolumes', `list-volumes ${formatLabels(labels)}`, () =>
      [...this.volumes]
        .filter(([, volumeLabels]) => matches(volumeLabels, {...labels, [LABELS.managedBy]: MANAGED_BY}))
        .map(([name]) => name),
    )
  }

  async *events(signal: AbortSignal): AsyncIterable<ContainerEvent> {
    const queue: ContainerEvent[] = []
    let wake: (() => void) | undefined
    let broken: Error | undefined
    const subscriber: Subscriber = {
      push: (event) => {
        queue.push(event)
        wake?.()
      },
      break: (error) => {
        broken = error
        wake?.()
      },
    }
    const onAbort = (): void => wake?.()
    this.subscribers.add(subscriber)
    signal.addEventListener('abort', onAbort)
    try {
      while (!signal.aborted) {
        const next = queue.shift()
        if (next) yield next
        else if (broken) throw broken
        else await new Promise<void>((resolve) => (wake = resolve))
      }
    } finally {
      this.subscribers.delete(subscriber)
      signal.removeEventListener('abort', onAbort)
    }
  }

  /** The engine's event stream breaks (the engine restarted): every follower's stream throws. */
  breakEvents(message = 'the event stream ended'): void {
    for (const subscriber of this.subscribers) subscriber.break(new Error(message))
  }

  exec(id: string, command: string[], _timeoutSeconds: number): Promise<{exitCode: number; output: string}> {
    return this.call('exec', `exec ${this.nameOf(id)} ${command.join(' ')}`, () => {
      const container = this.mustFind(id)
      if (container.state !== 'running') throw new Error(`container ${container.name} is not running`)
      return this.execHandler(container, command)
    })
  }

  async *logs(id: string, options: LogOptions = {}): AsyncIterable<LogChunk> {
    const flags = [options.follow && 'follow', options.tail !== undefined && `tail=${options.tail}`]
    const summary = ['logs', this.nameOf(id), ...flags.filter(Boolean)].join(' ')
    await this.call('logs', summary, () => this.mustFind(id))
    yield* this.logBook.read(id, options, () => this.containers.get(id)?.state === 'running')
  }

  execAttached(id: string, command: string[], options: AttachOptions): Promise<number> {
    const flags = `${options.stdin ? ' -i' : ''}${options.tty ? ' -t' : ''}`
    return this.call('execAttached', `exec${flags} ${this.nameOf(id)} ${command.join(' ')}`, () => {
      const container = this.mustFind(id)
      if (container.state !== 'running') throw new Error(`container ${container.name} is not running`)
      const {exitCode, output} = this.execHandler(container, command)
      this.attached.push({container: container.name, command: [...command], options: {...options}, output})
      return exitCode
    })
  }

  // internals

  /** Records the call, throws an injected failure if one is due, else runs it. */
  private call<T>(method: FakeMethod, summary: string, run: () => T): Promise<T> {
    this.calls.push({method, summary})
    const failure = this.failures.find((f) => f.method === method && f.remaining > 0)
    if (failure) {
      failure.remaining--
      return Promise.reject(new Error(failure.message))
    }
    try {
      return Promise.resolve(run())
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)))
    }
  }

  private run(spec: ContainerSpec): string {
    if ([...this.containers.values()].some((c) => c.name === spec.name))
      throw new Error(`Conflict. The container name "/${spec.name}" is already in use`)
    if (!this.images.has(spec.image)) throw new Error(`Unable to find image '${spec.image}' locally`)
    const network = spec.networkOf ? this.containers.get(spec.networkOf) : undefined
    if (spec.networkOf && network?.state !== 'running')
      throw new Error(`cannot join network of a non running container: ${spec.networkOf}`)
    for (const mount of spec.mounts ?? [])
      if (!this.volumes.has(mount.volume)) throw new Error(`no such volume: ${mount.volume}`)
    const container = this.newContainer(spec.name, spec.image, spec.labels)
    container.spec = structuredClone(spec)
    container.ip = network ? undefined : `10.88.0.${(this.sequence % 250) + 2}`
    container.ports = (spec.publish ?? []).map((port) => ({
      ...port,
      hostIp: '127.0.0.1',
      hostPort: this.nextHostPort++,
    }))
    this.emit('create', container)
    container.state = 'running'
    container.startedAt = this.stamp()
    this.emit('start', container)
    return container.id
  }

  private newContainer(name: string, image: string, labels: Record<string, string>): FakeContainer {
    const id = `fake${String(++this.sequence).padStart(8, '0')}`
    const container: FakeContainer = {
      id,
      name,
      image,
      imageId: `sha256:${image.replace(/[^a-z0-9]/g, '')}`,
      labels: {...labels},
      state: 'created',
      exitCode: 0,
      oomKilled: false,
      ports: [],
    }
    this.containers.set(id, container)
    return container
  }

  private finish(container: FakeContainer, exitCode: number, oomKilled: boolean): void {
    container.state = 'exited'
    container.exitCode = exitCode
    container.oomKilled = oomKilled
    container.finishedAt = this.stamp()
    if (oomKilled) this.emit('oom', container)
    this.emit('die', container)
    this.logBook.changed()
  }

  private emit(type: ContainerEvent['type'], container: FakeContainer): void {
    if (container.labels[LABELS.managedBy] !== MANAGED_BY) return
    const event: ContainerEvent = {type, id: container.id, labels: {...container.labels}, time: this.now()}
    for (const subscriber of this.subscribers) subscriber.push(event)
  }

  private mustFind(id: string): FakeContainer {
    const container = this.containers.get(id)
    if (!container) throw new Error(`Error: No such container: ${id}`)
    return container
  }

  private nameOf(id: string): string {
    return this.containers.get(id)?.name ?? id
  }

  private stamp(): string {
    return new Date(this.now()).toISOString()
  }
}

function matches(labels: Record<string, string>, wanted: Record<string, string>): boolean {
  return Object.entries(wanted).every(([key, value]) => labels[key] === value)
}

/** A copy as `ps`/`inspect` would return it: later changes do not leak into what the caller holds. */
function snapshot(container: FakeContainer): ContainerInfo {
  const {spec: _spec, stoppedWithGrace: _grace, ...info} = container
  return structuredClone(info)
}

function formatLabels(labels: Record<string, string>): string {
  return Object.entries(labels)
    .map(([key, value]) => `${key.replace('io.tugboat.', '')}=${value}`)
    .join(',')
}
