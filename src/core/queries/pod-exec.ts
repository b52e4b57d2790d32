/**
 * `tug exec`: kubectl exec into one container of one pod, on the caller's terminal. The checks come in
 * kubectl's order (the command, the pod, its phase, the container, the node), each with its words; the
 * command's exit code is the result, for the caller to pass on as kubectl does.
 */
import {ApiError, UserError} from '../api/errors.js'
import {mustTypeForKind} from '../api/resources.js'
import type {Pod} from '../api/types.js'
import {isRunning} from '../kubelet/observed-pod.js'
import type {AttachOptions} from '../runtime/container-runtime.js'
import type {PodIoDeps} from './pod-container.js'
import {containerRuns, execContainer, nodeEngine} from './pod-container.js'

const POD = mustTypeForKind('Pod')

/** kubectl's warning when `-t` cannot have a terminal. */
export const NO_TTY_WARNING = 'Unable to use a TTY - input is not a terminal or the right kind of file'

/** What `tug exec` asks for. */
export interface PodExecRequest {
  namespace: string
  pod: string
  /** `-c`; without it kubectl's default container. */
  container?: string
  command: string[]
  /** `-i`: pass stdin to the command. */
  stdin: boolean
  /** `-t`: give the command a terminal. */
  tty: boolean
  /** Whether the caller's stdin is a terminal, which `-t` needs. */
  stdinIsTerminal: boolean
  /** `-q`: no remarks on stderr. */
  quiet?: boolean
}

/**
 * kubectl's SetupTTY: a terminal only with `-i`, `-t` and a terminal on stdin; `-t` without `-i` is dropped
 * silently, `-it` from a pipe with a warning.
 */
export function execStreams(request: {
  stdin: boolean
  tty: boolean
  stdinIsTerminal: boolean
  quiet?: boolean
}): {options: AttachOptions; warning?: string} {
  if (!request.stdin || !request.tty) return {options: {stdin: request.stdin, tty: false}}
  if (request.stdinIsTerminal) return {options: {stdin: true, tty: true}}
  return {options: {stdin: true, tty: false}, warning: request.quiet ? undefined : NO_TTY_WARNING}
}

/** Runs the command in the pod's container with the caller's stdio and resolves to its exit code. */
export async function execInPod(
  deps: PodIoDeps,
  request: PodExecRequest,
  note: (line: string) => void,
): Promise<number> {
  if (request.command.length === 0)
    throw new UserError('you must specify at least one command for the container')
  const pod = deps.api.get(POD, request.namespace, request.pod) as unknown as Pod
  const phase = pod.status?.phase
  if (phase === 'Succeeded' || phase === 'Failed')
    throw new UserError(`cannot exec into a container in a completed pod; current phase is ${phase}`)
  const choice = execContainer(pod, request.container, request.quiet)
  for (const notice of choice.notices) note(notice)
  if (!pod.spec.nodeName) throw new ApiError('BadRequest', `pod ${request.pod} does not have a host assigned`)
  const streams = execStreams(request)
  if (streams.warning) note(streams.warning)
  const runtime = await deps.runtime(nodeEngine(deps.api, pod.spec.nodeName))
  const [newest] = await containerRuns(runtime, pod, choice.name)
  // The kubelet looks among running containers only; kubectl shows its answer inside its own words.
  if (!newest || !isRunning(newest))
    throw new UserError(`unable to upgrade connection: container not found ("${choice.name}")`)
  return runtime.execAttached(newest.id, request.command, streams.options)
}
