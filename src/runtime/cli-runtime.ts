/**
 * The ContainerRuntime over the docker or podman command line: one class for both engines, the program a
 * parameter, the differences in dialect.ts. Every command is an argument array. Stop, kill and remove look
 * at the container's labels first and refuse containers Tugboat did not create; they act on the full id
 * that inspect returned, so a name reused in between cannot redirect them.
 */
import {
  LABELS,
  MANAGED_BY,
  type AttachOptions,
  type ContainerEvent,
  type ContainerInfo,
  type ContainerRuntime,
  type ContainerSpec,
  type ContainerSummary,
  type LogChunk,
  type LogOptions,
  type ProgressListener,
  type RuntimeInfo,
} from '../core/runtime/container-runtime.js'
import type {CommandListener} from './command-log.js'
import {DOCKER_ENGINE_DOWN} from './error-hints.js'
import {dialectOf, NOT_FOUND, NOT_RUNNING, type Dialect, type EngineName} from './dialect.js'
import {EngineCommands} from './engine-commands.js'
import {containerEvents} from './event-stream.js'
import {ExecaRunner} from './execa-runner.js'
import {InspectBatcher} from './inspect-batcher.js'
import {Limiter} from './limiter.js'
import {checkImageReference} from './image-reference.js'
import {parseInspect} from './parse-inspect.js'
import {parsePsStates} from './parse-ps.js'
import {podmanEventFile} from './podman-event-file.js'
import type {ProcessRunner} from './process-runner.js'
import {buildRunArgs} from './run-args.js'
import {ForeignObjectError, type RuntimeError} from './runtime-error.js'
import {
  checkArgumentText,
  checkContainerRef,
  checkInteger,
  checkLabelKey,
  checkSignal,
} from './safe-values.js'
import {StreamCommands} from './stream-commands.js'
import {VolumeCommands} from './volume-commands.js'

/** Commands that should answer at once get this long before they count as hung. */
const QUICK_TIMEOUT_MS = 60_000
/** `run` may need to unpack a large image. */
const RUN_TIMEOUT_MS = 300_000
/**
 * How many `run`s go to the engine at once (limiter.ts says why). On two CPUs the benchmark's raw anchor
 * (`npm run bench`: 1, 2, 4 and 8 at a time) was fastest at 4 or 8, never beyond.
 */
const RUN_PARALLELISM = 8
/** How long `stop` may take beyond the grace period it was given. */
const STOP_SLACK_MS = 30_000
/** The exit code a timed-out exec reports, as `timeout(1)` does. */
export const EXEC_TIMED_OUT = 124

/** How to build a CliRuntime. */
export interface CliRuntimeOptions {
  /** The program to run; defaults to the engine's name, found on PATH. */
  binary?: string
  /** Runs the programs; tests pass a recorder. */
  processes?: ProcessRunner
  /** Receives every command with its duration (`--verbose`). */
  onCommand?: CommandListener
  /** The clock, in epoch milliseconds, from which the event stream starts. */
  now?: () => number
  /**
   * podman's events file to follow beside `podman events` (podman-event-file.ts), or false for none. By
   * default it is looked up when the programs are real ones: a test's recorded engine has no such file.
   */
  eventFile?: string | false
}

/** The outcome of asking an engine for its version: how selection tells "not installed" from "not running". */
export type ProbeResult =
  | {ok: true; info: RuntimeInfo}
  | {ok: false; reason: 'not-installed' | 'engine-down' | 'failed'; error: RuntimeError}

/** docker or podman through its CLI. */
export class CliRuntime implements ContainerRuntime {
  readonly dialect: Dialect
  /** The program this runtime runs. */
  readonly binary: string
  private readonly commands: EngineCommands
  private readonly volumes: VolumeCommands
  private readonly streams: StreamCommands
  private readonly now: () => number
  private readonly eventFile: () => string | undefined
  private readonly inspects = new InspectBatcher((ids) => this.inspectMany(ids))
  private readonly runs = new Limiter(RUN_PARALLELISM)
  private infoOnce?: Promise<RuntimeInfo>

  constructor(
    readonly engine: EngineName,
    options: CliRuntimeOptions = {},
  ) {
    this.dialect = dialectOf(engine)
    this.binary = options.binary ?? engine
    this.commands = new EngineCommands(this.binary, options.processes ?? new ExecaRunner(), options.onCommand)
    this.volumes = new VolumeCommands(this.commands, this.dialect)
    this.streams = new StreamCommands(this.commands)
    this.now = options.now ?? Date.now
    const {eventFile = options.processes ? false : undefined} = options
    this.eventFile = () =>
      engine !== 'podman' || eventFile === false ? undefined : (eventFile ?? podmanEventFile())
  }

  /** Asks the engine for its version; never throws for an engine that is missing or down. */
  async probe(): Promise<ProbeResult> {
    const args = ['version', '--format={{json .}}']
    const result = await this.commands.attempt(args, {timeoutMs: 10_000})
    const version = this.dialect.parseVersion(result.stdout)
    if (result.exitCode === 0 && version) {
      const info: RuntimeInfo = {engine: this.engine, version, runtimeVersion: `${this.engine}://${version}`}
      this.infoOnce ??= Promise.resolve(info)
      return {ok: true, info}
    }
    const error = this.commands.failure(`cannot reach ${this.engine}`, args, result)
    if (result.spawnError?.code === 'ENOENT') return {ok: false, reason: 'not-installed', error}
    if (DOCKER_ENGINE_DOWN.test(result.stderr)) return {ok: false, reason: 'engine-down', error}
    return {ok: false, reason: 'failed', error}
  }

  /** The engine and its version, asked once per runtime. */
  info(): Promise<RuntimeInfo> {
    this.infoOnce ??= this.probe().then((probe) => {
      if (probe.ok) return probe.info
      this.infoOnce = undefined
      throw probe.error
    })
    return this.infoOnce
  }

  async listContainers(labels: Record<string, string>): Promise<ContainerInfo[]> {
    // The engine filters by label; inspect then gives what ps cannot (exit code, times, OOM, ports).
    const args = ['ps', '--all', '--quiet', '--no-trunc', ...labelFilters(labels)]
    const result = await this.commands.run('cannot list containers', args, {timeoutMs: QUICK_TIMEOUT_MS})
    const ids = [...new Set(result.stdout.split('\n').map((line) => line.trim()))].filter(Boolean)
    if (ids.length === 0) return []
    const containers = await this.inspectMany(ids)
    return containers.filter((container) => container.labels[LABELS.managedBy] === MANAGED_BY)
  }

  async listContainerStates(labels: Record<string, string>): Promise<ContainerSummary[]> {
    const args = [
      'ps',
      '--all',
      '--no-trunc',
      `--format=${this.dialect.psStatesFormat}`,
      ...labelFilters(labels),
    ]
    const result = await this.commands.run('cannot list containers', args, {timeoutMs: QUICK_TIMEOUT_MS})
    return parsePsStates(result.stdout)
  }

  async inspectContainer(id: string): Promise<ContainerInfo | undefined> {
    const [container] = await this.inspectMany([checkContainerRef(id)])
    return container
  }

  async inspectContainers(ids: readonly string[]): Promise<ContainerInfo[]> {
    if (ids.length === 0) return []
    const containers = await this.inspects.get(ids.map(checkContainerRef))
    return containers.filter((container) => container.labels[LABELS.managedBy] === MANAGED_BY)
  }

  async runContainer(spec: ContainerSpec): Promise<string> {
    const args = buildRunArgs(spec, this.dialect)
    const result = await this.runs.run(() => this.commands.attempt(args, {timeoutMs: RUN_TIMEOUT_MS}))
    const id = result.stdout.trim().split('\n').pop()?.trim() ?? ''
    if (result.exitCode === 0 && /^[0-9a-f]{12,64}$/.test(id)) return id
    const error = this.commands.failure(`cannot start container "${spec.name}"`, args, result)
    // A container that was created but failed to start stays behind; say which, so it can be removed. One
    // that ran before is not this run's leftover (the name was taken), so it is not named.
    const created = await this.inspectContainer(spec.name).catch(() => undefined)
    if (created && result.exitCode === 0) return created.id
    if (created?.state === 'created') error.containerId = created.id
    throw error
  }

  async stopContainer(id: string, graceSeconds: number): Promise<void> {
    const grace = checkInteger('grace period', Math.ceil(graceSeconds), 0, 2_147_483_647)
    const container = await this.managed('stop', id)
    if (!container || container.state === 'exited' || container.state === 'dead') return
    // Always an explicit timeout: both engines default to 10 s, which a shell as PID 1 would wait out.
    const args = ['stop', this.dialect.stopTimeoutFlag, grace, '--', container.id]
    await this.tolerate(
      NOT_FOUND,
      `cannot stop container "${id}"`,
      args,
      Number(grace) * 1000 + STOP_SLACK_MS,
    )
  }

  async killContainer(id: string, signal = 'SIGKILL'): Promise<void> {
    const container = await this.managed('kill', id)
    if (!container || (container.state !== 'running' && container.state !== 'paused')) return
    const args = ['kill', `--signal=${checkSignal(signal)}`, '--', container.id]
    await this.tolerate(anyOf(NOT_FOUND, NOT_RUNNING), `cannot kill container "${id}"`, args)
  }

  async removeContainer(id: string): Promise<void> {
    const container = await this.managed('remove', id)
    if (!container) return
    const args = ['rm', '--force', '--volumes', ...this.dialect.forceRemoveArgs, '--', container.id]
    await this.tolerate(NOT_FOUND, `cannot remove container "${id}"`, args)
  }

  async imageExists(image: string): Promise<boolean> {
    const args = ['image', 'inspect', '--format={{.Id}}', '--', checkImageReference(image)]
    const result = await this.commands.attempt(args, {timeoutMs: QUICK_TIMEOUT_MS})
    if (result.exitCode === 0) return true
    if (NOT_FOUND.test(result.stderr)) return false
    throw this.commands.failure(`cannot look up image "${image}"`, args, result)
  }

  async pullImage(image: string, onProgress?: ProgressListener): Promise<void> {
    const args = ['pull', '--', this.dialect.pullReference(checkImageReference(image))]
    await this.commands.run(`cannot pull image "${image}"`, args, {onLine: onProgress})
  }

  createVolume(name: string, labels: Record<string, string>): Promise<void> {
    return this.volumes.create(name, labels)
  }

  removeVolume(name: string): Promise<void> {
    return this.volumes.remove(name)
  }

  listVolumes(labels: Record<string, string>): Promise<string[]> {
    return this.volumes.list(labels)
  }

  /**
   * Follows the engine's events for Tugboat's containers (event-stream.ts). The stream starts from the moment
   * of this call (`--since`), so nothing is lost while the engine's client starts; it ends when the signal
   * aborts and throws a RuntimeError if the engine's client fails.
   */
  events(signal: AbortSignal): AsyncIterable<ContainerEvent> {
    const {commands, dialect} = this
    const {now} = this
    return containerEvents({commands, dialect, since: now(), now, eventFile: this.eventFile(), signal})
  }

  /**
   * Runs a command in a container; output is stdout and stderr as they arrived. A command still running
   * after the timeout reports exit code 124 (EXEC_TIMED_OUT), as `timeout(1)` does.
   */
  async exec(
    id: string,
    command: string[],
    timeoutSeconds: number,
  ): Promise<{exitCode: number; output: string}> {
    const args = [
      'exec',
      '--',
      checkContainerRef(id),
      ...command.map((arg) => checkArgumentText('argument', arg)),
    ]
    const lines: string[] = []
    const result = await this.commands.attempt(args, {
      timeoutMs: Math.max(1, timeoutSeconds) * 1000,
      onLine: (line) => lines.push(line),
    })
    if (result.timedOut) {
      lines.push(`command timed out after ${timeoutSeconds}s`)
      return {exitCode: EXEC_TIMED_OUT, output: lines.join('\n')}
    }
    if (result.exitCode === undefined)
      throw this.commands.failure(`cannot exec in container "${id}"`, args, result)
    return {exitCode: result.exitCode, output: lines.join('\n')}
  }

  logs(id: string, options?: LogOptions): AsyncIterable<LogChunk> {
    return this.streams.logs(id, options)
  }

  execAttached(id: string, command: string[], options: AttachOptions): Promise<number> {
    return this.streams.execAttached(id, command, options)
  }

  /** Inspects containers; ones that vanished meanwhile are left out. */
  private async inspectMany(refs: string[]): Promise<ContainerInfo[]> {
    const args = ['inspect', '--type=container', '--', ...refs]
    const result = await this.commands.attempt(args, {timeoutMs: QUICK_TIMEOUT_MS})
    // With some refs missing, both engines print the others and exit non-zero.
    const containers = parseInspect(result.stdout)
    if (result.exitCode === 0 && containers) return containers
    if (NOT_FOUND.test(result.stderr)) return containers ?? []
    throw this.commands.failure('cannot inspect containers', args, result)
  }

  /** The container if it exists; throws ForeignObjectError when Tugboat did not create it. */
  private async managed(action: string, id: string): Promise<ContainerInfo | undefined> {
    const container = await this.inspectContainer(id)
    if (container && container.labels[LABELS.managedBy] !== MANAGED_BY) {
      throw new ForeignObjectError(action, 'container', id)
    }
    return container
  }

  /** Runs a command whose failure matching `harmless` means there is nothing left to do. */
  private async tolerate(harmless: RegExp, what: string, args: string[], timeoutMs = QUICK_TIMEOUT_MS) {
    const result = await this.commands.attempt(args, {timeoutMs})
    if (result.exitCode === 0 || (result.exitCode !== undefined && harmless.test(result.stderr))) return
    throw this.commands.failure(what, args, result)
  }
}

/** `--filter=label=k=v` for each label, plus the managed-by label that scopes everything Tugboat lists. */
function labelFilters(labels: Record<string, string>): string[] {
  const all = {...labels, [LABELS.managedBy]: MANAGED_BY}
  return Object.entries(all).map(
    ([key, value]) => `--filter=label=${checkLabelKey(key)}=${checkArgumentText('label value', value)}`,
  )
}

function anyOf(...patterns: RegExp[]): RegExp {
  return new RegExp(patterns.map((pattern) => pattern.source).join('|'), 'i')
}
