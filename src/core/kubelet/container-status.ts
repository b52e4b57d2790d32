/**
 * One entry of status.containerStatuses, as the kubelet's convertToAPIContainerStatuses builds it
 * (k8s@1.28 pkg/kubelet/kubelet_pods.go) from the newest run, the run before it, and the kubelet's memory of
 * why a container is not running (its "reason cache": ErrImagePull, CrashLoopBackOff, ...).
 *
 * An exited container that will be restarted shows `terminated` (Error, Completed) until the kubelet decides
 * to hold it back; from then on it shows `waiting: CrashLoopBackOff` with the exit in lastState. That is why
 * STATUS alternates Error ⇄ CrashLoopBackOff.
 */
import {timestamp} from '../api/object-meta.js'
import type {Container, ContainerState, ContainerStatus, Pod} from '../api/types.js'
import type {ContainerInfo} from '../runtime/container-runtime.js'
import {attemptOf, isRunning} from './observed-pod.js'

/** Why a container is waiting, as the kubelet remembers it between syncs. */
export interface WaitingReason {
  reason: string
  message?: string
}

/** Probe results as status derivation needs them; a container without that probe passes it. */
export interface ProbeStatusView {
  ready(containerId: string, container: Container): boolean
  started(containerId: string, container: Container): boolean
}

/** Everything one container's status is derived from. */
export interface ContainerStatusInput {
  pod: Pod
  container: Container
  /** The container's runs, newest first. */
  runs: readonly ContainerInfo[]
  /** The kubelet's reason for not running it, if any. */
  reason?: WaitingReason
  /** Whether an exited run will be started again (restart policy, and the pod not terminal). */
  restarts: boolean
  probes: ProbeStatusView
  /** `docker`, `podman`: the scheme of containerID (`docker://<id>`). */
  runtimeScheme: string
}

/** The status of one container. */
export function containerStatus(input: ContainerStatusInput): ContainerStatus {
  const [latest, previous] = input.runs
  if (!latest) return notCreatedStatus(input)
  const {container, probes, runtimeScheme} = input
  const base = {
    name: container.name,
    image: container.image ?? '',
    imageID: latest.imageId,
    containerID: `${runtimeScheme}://${latest.id}`,
    restartCount: attemptOf(latest),
  }
  const before: ContainerState = previous ? {terminated: terminatedState(previous)} : {}
  if (isRunning(latest)) {
    return ordered(
      base,
      {running: {startedAt: toTimestamp(latest.startedAt)}},
      before,
      probes.ready(latest.id, container),
      probes.started(latest.id, container),
    )
  }
  const ended: ContainerState = {terminated: terminatedState(latest)}
  if (input.reason && input.restarts)
    return ordered(base, {waiting: waiting(input.reason)}, ended, false, false)
  return ordered(base, ended, before, false, false)
}

/** The terminated state of a finished run: Completed, Error or OOMKilled; StartError if it never started. */
export function terminatedState(run: ContainerInfo): NonNullable<ContainerState['terminated']> {
  const neverStarted = run.state === 'created'
  const exitCode = neverStarted && run.exitCode === 0 ? 128 : run.exitCode
  const reason = run.oomKilled
    ? 'OOMKilled'
    : neverStarted
      ? 'StartError'
      : exitCode === 0
        ? 'Completed'
        : 'Error'
  return {
    exitCode,
    reason,
    ...(run.error ? {message: run.error} : {}),
    startedAt: toTimestamp(run.startedAt),
    finishedAt: toTimestamp(run.finishedAt),
  }
}

/** No run yet (or its runs were removed behind the kubelet's back): waiting, keeping what the old status knew. */
function notCreatedStatus(input: ContainerStatusInput): ContainerStatus {
  const {container, reason} = input
  const old = input.pod.status?.containerStatuses?.find((s) => s.name === container.name)
  if (old?.state?.terminated && !(reason && input.restarts)) return {...old, ready: false, started: false}
  const lastState: ContainerState = old?.state?.terminated
    ? {terminated: old.state.terminated}
    : (old?.lastState ?? {})
  return {
    name: container.name,
    state: {waiting: waiting(reason ?? {reason: 'ContainerCreating'})},
    lastState,
    ready: false,
    restartCount: old?.restartCount ?? 0,
    image: container.image ?? '',
    imageID: '',
    started: false,
  }
}

/** Fields in the order the Go struct serialises them. */
function ordered(
  base: {name: string; image: string; imageID: string; containerID: string; restartCount: number},
  state: ContainerState,
  lastState: ContainerState,
  ready: boolean,
  started: boolean,
): ContainerStatus {
  const {name, image, imageID, containerID, restartCount} = base
  return {name, state, lastState, ready, restartCount, image, imageID, containerID, started}
}

function waiting(reason: WaitingReason): NonNullable<ContainerState['waiting']> {
  return reason.message ? {reason: reason.reason, message: reason.message} : {reason: reason.reason}
}

/** RFC 3339 seconds; engines report nanoseconds, and `0001-01-01...` for "never". */
export function toTimestamp(value: string | undefined): string | undefined {
  if (!value || value.startsWith('0001-')) return undefined
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? undefined : timestamp(date)
}
