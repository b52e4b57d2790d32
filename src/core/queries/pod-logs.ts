/**
 * `tug logs`: kubectl logs for one container of one pod. The container's stdout and stderr both go to the
 * output, as the Kubernetes API hands them to kubectl as one stream; kubectl's own remarks go to stderr.
 */
import {ApiError, UserError} from '../api/errors.js'
import {mustTypeForKind} from '../api/resources.js'
import type {Pod} from '../api/types.js'
import type {PodIoDeps} from './pod-container.js'
import {containerRuns, logsContainer, nodeEngine, pickLogRun, statusOf} from './pod-container.js'

const POD = mustTypeForKind('Pod')

/** What `tug logs` asks for. */
export interface PodLogsRequest {
  namespace: string
  pod: string
  /** `-c`; without it kubectl's default container. */
  container?: string
  /** `-p`: the run before the current one. */
  previous?: boolean
  /** `-f`: keep printing until the container stops or the signal aborts. */
  follow?: boolean
  /** `--tail`: the last N lines; -1 (the default) for all. */
  tail?: number
  timestamps?: boolean
  signal?: AbortSignal
}

/** Where a command's output goes. */
export interface OutputSinks {
  /** The result: the log itself (stdout). */
  write(text: string): void
  /** kubectl's remarks, such as which container it picked (stderr). */
  note(line: string): void
}

/** Prints a container's log; throws kubectl's errors for a missing pod or container or one with no log yet. */
export async function podLogs(deps: PodIoDeps, request: PodLogsRequest, sinks: OutputSinks): Promise<void> {
  const tail = request.tail ?? -1
  if (!Number.isInteger(tail) || tail < -1) throw new UserError('--tail must be greater than or equal to -1')
  const pod = deps.api.get(POD, request.namespace, request.pod) as unknown as Pod
  const choice = logsContainer(pod, request.container)
  for (const notice of choice.notices) sinks.note(notice)
  // The API server answers an unscheduled pod's log request with an empty log: no node has run it yet.
  if (!pod.spec.nodeName) return
  const runtime = await deps.runtime(nodeEngine(deps.api, pod.spec.nodeName))
  const picked = pickLogRun({
    pod: request.pod,
    container: choice.name,
    status: statusOf(pod, choice.name),
    runs: await containerRuns(runtime, pod, choice.name),
    previous: request.previous ?? false,
  })
  if ('error' in picked) throw new ApiError('BadRequest', picked.error)
  const options = {follow: request.follow, tail, timestamps: request.timestamps, signal: request.signal}
  for await (const chunk of runtime.logs(picked.run.id, options)) sinks.write(chunk.text)
}
