/**
 * The container runtime as the kubelet sees it: a small, engine-neutral interface. src/runtime implements it
 * over the docker and podman CLIs; a fake implements it in memory for unit tests. Everything Tugboat creates
 * carries the labels below, and every list/remove is scoped by them, so containers Tugboat did not create are
 * never touched.
 */

/** Label keys on every container and volume Tugboat creates. */
export const LABELS = {
  managedBy: 'io.tugboat.managed-by',
  podUid: 'io.tugboat.pod.uid',
  podName: 'io.tugboat.pod.name',
  podNamespace: 'io.tugboat.pod.namespace',
  container: 'io.tugboat.container.name',
  node: 'io.tugboat.node',
  /** `infra` for a pod's network-owning container, `app` for the others. */
  role: 'io.tugboat.role',
  /** The pod spec's hash for this container, to notice a changed container spec. */
  specHash: 'io.tugboat.container.hash',
  /** How many times the kubelet started this container of this pod before (its restartCount). */
  attempt: 'io.tugboat.container.attempt',
} as const

/** The value of the managed-by label. */
export const MANAGED_BY = 'tugboat'

/** Which engine, and its version, as `tug version` shows it. */
export interface RuntimeInfo {
  engine: 'docker' | 'podman' | 'fake'
  version: string
  /** e.g. `docker://20.10.24`, as a node's containerRuntimeVersion. */
  runtimeVersion: string
}

/** A port published on the host. */
export interface PublishedPort {
  containerPort: number
  protocol: 'tcp' | 'udp'
  hostIp: string
  hostPort: number
}

/** What to create. Everything is passed as separate arguments, never through a shell. */
export interface ContainerSpec {
  name: string
  image: string
  labels: Record<string, string>
  /** Overrides the image's ENTRYPOINT (Kubernetes' `command`). */
  entrypoint?: string[]
  /** Overrides the image's CMD (Kubernetes' `args`). */
  args?: string[]
  env?: Record<string, string>
  workingDir?: string
  hostname?: string
  /** Join another container's network namespace (`--network container:<id>`). */
  networkOf?: string
  /** Ports to publish on 127.0.0.1 with a host port the engine picks (only on the network-owning container). */
  publish?: {containerPort: number; protocol: 'tcp' | 'udp'}[]
  /** Named volumes mounted at paths. */
  mounts?: {volume: string; path: string; readOnly?: boolean}[]
  /** Limits passed to the engine where it supports them. */
  memoryBytes?: number
  nanoCpus?: number
  /** Seconds the engine waits after the stop signal before SIGKILL when stopping. */
  stopTimeoutSeconds?: number
}

/** A container as the engine reports it, normalised across engines. */
export interface ContainerInfo {
  id: string
  name: string
  image: string
  imageId: string
  labels: Record<string, string>
  state: 'created' | 'running' | 'paused' | 'exited' | 'dead' | 'unknown'
  exitCode: number
  /** True when the kernel's OOM killer ended it. */
  oomKilled: boolean
  startedAt?: string
  finishedAt?: string
  ip?: string
  ports: PublishedPort[]
  error?: string
}

/** A container as `ps` shows it: enough to notice that something changed, without inspecting it. */
export interface ContainerSummary {
  id: string
  state: ContainerInfo['state']
}

/** Something that happened to a container, from the engine's event stream. */
export interface ContainerEvent {
  type: 'start' | 'die' | 'destroy' | 'oom' | 'create' | 'other'
  id: string
  labels: Record<string, string>
  time: number
}

/** Pull progress for long pulls, one line at a time. */
export type ProgressListener = (line: string) => void

/** A piece of a container's log as the engine handed it over: any length, not split into lines. */
export interface LogChunk {
  /** Which of the container's streams wrote it (`kubectl logs` prints both to stdout). */
  stream: 'stdout' | 'stderr'
  text: string
}

/** Which part of a container's log to read, as `kubectl logs` asks for it. */
export interface LogOptions {
  /** Keep reading new lines until the container stops or the signal aborts (`-f`). */
  follow?: boolean
  /** Only the last N lines; undefined or negative for all of them (`--tail`). */
  tail?: number
  /** Prefix each line with the time it was written, RFC 3339 with nanoseconds (`--timestamps`). */
  timestamps?: boolean
  /** Stops reading (Ctrl-C during `logs -f`); the iteration then simply ends. */
  signal?: AbortSignal
}

/** How an attached exec connects to the caller's terminal, as `kubectl exec -i -t` does. */
export interface AttachOptions {
  /** Pass the caller's stdin to the command (`-i`); without it the command's stdin is empty. */
  stdin: boolean
  /** Give the command a terminal (`-t`); callers ask for it only when stdin is a terminal. */
  tty: boolean
}

/** The runtime interface the kubelet drives. */
export interface ContainerRuntime {
  info(): Promise<RuntimeInfo>
  /** Containers carrying all these labels (the managed-by label is always added). */
  listContainers(labels: Record<string, string>): Promise<ContainerInfo[]>
  /** Ids and states of the containers carrying all these labels (the managed-by label is always added). */
  listContainerStates(labels: Record<string, string>): Promise<ContainerSummary[]>
  inspectContainer(id: string): Promise<ContainerInfo | undefined>
  /** Tugboat's containers among these ids, in one engine command; ids that no longer exist are left out. */
  inspectContainers(ids: readonly string[]): Promise<ContainerInfo[]>
  /** Creates and starts a container; returns its id. */
  runContainer(spec: ContainerSpec): Promise<string>
  /** Stops with the given grace (SIGTERM or the image's stop signal, then SIGKILL). */
  stopContainer(id: string, graceSeconds: number): Promise<void>
  killContainer(id: string, signal?: string): Promise<void>
  /** Removes a container that carries the managed-by label; refuses any other. */
  removeContainer(id: string): Promise<void>
  imageExists(image: string): Promise<boolean>
  pullImage(image: string, onProgress?: ProgressListener): Promise<void>
  createVolume(name: string, labels: Record<string, string>): Promise<void>
  removeVolume(name: string): Promise<void>
  listVolumes(labels: Record<string, string>): Promise<string[]>
  /** Follows the engine's event stream for Tugboat's containers until the signal aborts. */
  events(signal: AbortSignal): AsyncIterable<ContainerEvent>
  /** Runs a command inside a container and returns its exit code and output (for exec probes). */
  exec(id: string, command: string[], timeoutSeconds: number): Promise<{exitCode: number; output: string}>
  /** A container's log (running or exited), in the order it was written; throws if the engine cannot read it. */
  logs(id: string, options?: LogOptions): AsyncIterable<LogChunk>
  /**
   * Runs a command inside a running container on the caller's own stdin, stdout and stderr (`kubectl exec`)
   * and resolves to its exit code once it ends.
   */
  execAttached(id: string, command: string[], options: AttachOptions): Promise<number>
}
