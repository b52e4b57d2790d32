/**
 * Which container of a pod `tug logs` and `tug exec` mean, and which run of it. Three parts of Kubernetes
 * decide this, and their words are kept:
 *   - kubectl picks the container: `-c`, else the `kubectl.kubernetes.io/default-container` annotation, else
 *     the first, saying so on stderr when there were others (podcmd.FindOrDefaultContainerByName);
 *   - the API server refuses a container the pod does not have;
 *   - the kubelet picks the run a log comes from by the container's status (validateContainerLogStatus in
 *     k8s@1.28 pkg/kubelet/kubelet_pods.go): the running one, else the one that ended, and explains a
 *     container that has not run yet.
 * Tugboat's kubelet keeps the current and the previous run of each container (sync-pod.ts), labelled with the
 * pod's uid and the container's name, so the runs come from the runtime by label, newest first.
 */
import type {ApiServer} from '../api/api-server.js'
import {ApiError, UserError} from '../api/errors.js'
import {mustTypeForKind} from '../api/resources.js'
import type {ContainerStatus, Node, Pod} from '../api/types.js'
import {attemptOf, isRunning} from '../kubelet/observed-pod.js'
import type {ContainerInfo, ContainerRuntime} from '../runtime/container-runtime.js'
import {LABELS} from '../runtime/container-runtime.js'

/** The annotation naming the container kubectl picks when `-c` is not given. */
export const DEFAULT_CONTAINER_ANNOTATION = 'kubectl.kubernetes.io/default-container'

/**
 * What logs and exec read from: the store, and the runtime, opened only once the pod is known to exist and
 * told which engine the pod's node registered with (`docker`, `podman`; undefined when unknown), so the
 * caller can open that one rather than whichever it would detect.
 */
export interface PodIoDeps {
  api: ApiServer
  runtime: (nodeEngine: string | undefined) => Promise<ContainerRuntime>
}

/** The engine a node's kubelet runs its pods with, from the node's containerRuntimeVersion (`podman://4.3.1`). */
export function nodeEngine(api: ApiServer, nodeName: string): string | undefined {
  const node = api.find(mustTypeForKind('Node'), '', nodeName) as Node | undefined
  const scheme = node?.status?.nodeInfo?.containerRuntimeVersion?.split('://')[0]
  return scheme === 'docker' || scheme === 'podman' ? scheme : undefined
}

/** The container chosen, and what kubectl says on stderr about choosing it. */
export interface ContainerChoice {
  name: string
  notices: string[]
}

/** The pod name from `NAME` or `pod/NAME` (kubectl also reads other TYPE/NAME forms; Tugboat reads pods). */
export function podNameArgument(argument: string): string {
  const slash = argument.indexOf('/')
  if (slash < 0) return argument
  const [type, name] = [argument.slice(0, slash).toLowerCase(), argument.slice(slash + 1)]
  if (['pod', 'pods', 'po'].includes(type) && name) return name
  throw new UserError(
    `cannot read "${argument}": only pods can be named here`,
    'name a pod (`tug get pods` lists them), e.g. pod/web or web',
  )
}

/** kubectl's list of a pod's containers in messages: `setup (init), app, sidecar`. */
export function allContainerNames(pod: Pod): string {
  const init = (pod.spec.initContainers ?? []).map((c) => `${c.name} (init)`)
  return [...init, ...pod.spec.containers.map((c) => c.name)].join(', ')
}

/** Whether the pod has a container (or init container) of this name. */
export function hasContainer(pod: Pod, name: string): boolean {
  return [...(pod.spec.initContainers ?? []), ...pod.spec.containers].some((c) => c.name === name)
}

/**
 * kubectl's choice when `-c` is not given: the annotated default if the pod has it, else the first
 * container. `logs` says when the annotation names a container the pod lacks; both say which one they took
 * when there were others, unless quiet.
 */
export function defaultContainer(
  pod: Pod,
  options: {command: 'logs' | 'exec'; quiet?: boolean},
): ContainerChoice {
  const notices: string[] = []
  const annotated = pod.metadata.annotations?.[DEFAULT_CONTAINER_ANNOTATION]
  if (annotated) {
    if (hasContainer(pod, annotated)) return {name: annotated, notices}
    if (options.command === 'logs')
      notices.push(`Default container name "${annotated}" not found in pod ${pod.metadata.name ?? ''}`)
  }
  const first = pod.spec.containers[0]?.name ?? ''
  const others = pod.spec.containers.length > 1 || (pod.spec.initContainers ?? []).length > 0
  if (others && !options.quiet)
    notices.push(`Defaulted container "${first}" out of: ${allContainerNames(pod)}`)
  return {name: first, notices}
}

/**
 * The container `logs` reads: kubectl itself refuses an unknown `-c` (`error: container x is not valid for
 * pod web`).
 */
export function logsContainer(pod: Pod, requested: string | undefined): ContainerChoice {
  if (!requested) return defaultContainer(pod, {command: 'logs'})
  if (!hasContainer(pod, requested))
    throw new UserError(`container ${requested} is not valid for pod ${pod.metadata.name ?? ''}`)
  return {name: requested, notices: []}
}

/** The container `exec` runs in: an unknown `-c` reaches the API server, which refuses it (BadRequest). */
export function execContainer(pod: Pod, requested: string | undefined, quiet = false): ContainerChoice {
  if (!requested) return defaultContainer(pod, {command: 'exec', quiet})
  if (!hasContainer(pod, requested))
    throw new ApiError('BadRequest', `container ${requested} is not valid for pod ${pod.metadata.name ?? ''}`)
  return {name: requested, notices: []}
}

/** The runs of one container of the pod, newest first, as the runtime shows them. */
export async function containerRuns(
  runtime: ContainerRuntime,
  pod: Pod,
  container: string,
): Promise<ContainerInfo[]> {
  const found = await runtime.listContainers({
    [LABELS.podUid]: pod.metadata.uid ?? '',
    [LABELS.container]: container,
  })
  return found
    .filter((c) => c.labels[LABELS.role] !== 'infra')
    .sort((a, b) => attemptOf(b) - attemptOf(a) || (b.startedAt ?? '').localeCompare(a.startedAt ?? ''))
}

/** What a log request resolves to: the run to read, or the kubelet's reason why there is none. */
export type LogRun = {run: ContainerInfo} | {error: string}

/** Everything the choice of a log's run depends on. */
export interface LogRunInput {
  pod: string
  container: string
  /** The container's entry in the pod's status, if the kubelet wrote one. */
  status?: ContainerStatus
  /** The container's runs, newest first. */
  runs: readonly ContainerInfo[]
  previous: boolean
}

/**
 * The kubelet's table (validateContainerLogStatus), read against the runs themselves:
 *
 *   the newest run            status says        current run   previous run (lastState)
 *   running                   (anything)         newest        the one before
 *   ended                     waiting (restart)  none          newest          <- CrashLoopBackOff
 *   ended                     terminated         newest        the one before
 *   none                      waiting: reason    none          none            -> "is waiting to start: reason"
 *
 * `--previous` reads the previous run; otherwise the current run, else the previous one (so the log of a
 * crash-looping container is its last crash), else the reason nothing has run.
 */
export function pickLogRun(input: LogRunInput): LogRun {
  const {pod, container, status, runs} = input
  const [newest, before] = runs
  const waitingToRestart = newest !== undefined && !isRunning(newest) && status?.state?.waiting !== undefined
  const current = waitingToRestart ? undefined : newest
  const previous = waitingToRestart ? newest : before
  const which = `container "${container}" in pod "${pod}"`
  if (input.previous) return previous ? {run: previous} : {error: `previous terminated ${which} not found`}
  const run = current ?? previous
  if (run) return {run}
  if (status?.state?.terminated) return {error: `${which} is terminated`}
  // Before its first sync the kubelet's own status says ContainerCreating, so a missing entry reads the same.
  const reason = status ? status.state?.waiting?.reason : 'ContainerCreating'
  if (reason === undefined) return {error: `${which} is waiting to start - no logs yet`}
  if (reason === 'ErrImagePull') return {error: `${which} is waiting to start: image can't be pulled`}
  if (reason === 'ImagePullBackOff')
    return {error: `${which} is waiting to start: trying and failing to pull image`}
  return {error: `${which} is waiting to start: ${reason}`}
}

/** The status entry of a container (or init container) by name. */
export function statusOf(pod: Pod, container: string): ContainerStatus | undefined {
  const all = [...(pod.status?.containerStatuses ?? []), ...(pod.status?.initContainerStatuses ?? [])]
  return all.find((status) => status.name === container)
}
