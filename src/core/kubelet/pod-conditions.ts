/**
 * The pod conditions the kubelet owns (k8s@1.28 pkg/kubelet/status/generate.go), in the order it writes
 * them: Initialized, Ready, ContainersReady, PodScheduled. A condition keeps its lastTransitionTime while its
 * status stays the same, as the status manager does; conditions owned by others are kept after them.
 */
import type {Condition, ContainerStatus, PodSpec} from '../api/types.js'
import type {PodPhase} from './pod-phase.js'

const OWNED = new Set(['Initialized', 'Ready', 'ContainersReady', 'PodScheduled'])

/** The conditions of a pod after this sync. */
export function podConditions(
  spec: PodSpec,
  statuses: readonly ContainerStatus[],
  phase: PodPhase,
  previous: readonly Condition[] | undefined,
  now: string,
): Condition[] {
  const containersReady = containersReadyCondition(spec, statuses, phase)
  const generated: Condition[] = [
    phase === 'Succeeded'
      ? {type: 'Initialized', status: 'True', reason: 'PodCompleted'}
      : {type: 'Initialized', status: 'True'},
    {...containersReady, type: 'Ready'},
    containersReady,
    previous?.find((c) => c.type === 'PodScheduled') ?? {type: 'PodScheduled', status: 'True'},
  ]
  const stamped = generated.map((condition) => withTransitionTime(condition, previous, now))
  return [...stamped, ...(previous ?? []).filter((c) => !OWNED.has(c.type))]
}

/** ContainersReady: every spec container ready; terminal pods read PodCompleted. */
function containersReadyCondition(
  spec: PodSpec,
  statuses: readonly ContainerStatus[],
  phase: PodPhase,
): Condition {
  const unknown: string[] = []
  const unready: string[] = []
  for (const container of spec.containers) {
    const status = statuses.find((s) => s.name === container.name)
    if (!status) unknown.push(container.name)
    else if (!status.ready) unready.push(container.name)
  }
  if ((phase === 'Succeeded' && unknown.length === 0) || phase === 'Failed')
    return {type: 'ContainersReady', status: 'False', reason: 'PodCompleted'}
  // Go prints a []string as `[a b]`.
  const messages = [
    ...(unknown.length ? [`containers with unknown status: [${unknown.join(' ')}]`] : []),
    ...(unready.length ? [`containers with unready status: [${unready.join(' ')}]`] : []),
  ]
  if (!messages.length) return {type: 'ContainersReady', status: 'True'}
  return {
    type: 'ContainersReady',
    status: 'False',
    reason: 'ContainersNotReady',
    message: messages.join(', '),
  }
}

/** Field order of v1.PodCondition; lastTransitionTime moves only when the status flips. */
function withTransitionTime(
  condition: Condition,
  previous: readonly Condition[] | undefined,
  now: string,
): Condition {
  const before = previous?.find((c) => c.type === condition.type)
  const lastTransitionTime =
    before && before.status === condition.status ? (before.lastTransitionTime ?? now) : now
  const {type, status, reason, message} = condition
  return {
    type,
    status,
    lastProbeTime: null,
    lastTransitionTime,
    ...(reason ? {reason} : {}),
    ...(message ? {message} : {}),
  }
}
