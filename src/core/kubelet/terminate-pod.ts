/**
 * Plans that take a pod down. Graceful deletion (reference §2.8): `Killing` `Stopping container web` and a
 * stop with what is left of the grace period for every app container (in parallel), then the infra
 * container, then removal of every container, then the emptyDir volumes (an engine refuses to remove a
 * volume a container still uses), then the pod object. Left-overs of a pod that no longer exists (deleted
 * outright, or an old uid of a re-created name) go the same way, without events and with a short grace.
 */
import type {Pod} from '../api/types.js'
import type {ContainerInfo} from '../runtime/container-runtime.js'
import {LABELS} from '../runtime/container-runtime.js'
import type {ObservedPod} from './observed-pod.js'
import {isInfra, isRunning, ownContainers} from './observed-pod.js'
import type {PlanAction, PodPlan, StopTarget} from './plan.js'

/** The plan of a pod being deleted (deletionTimestamp set). */
export function terminatePodPlan(
  pod: Pod,
  observed: ObservedPod,
  volumes: readonly string[],
  now: number,
): PodPlan {
  const grace = remainingGraceSeconds(pod, now)
  const own = ownContainers(observed)
  const apps = own.filter((c) => !isInfra(c) && isRunning(c))
  const actions = takeDown(
    apps.map((c) => appStop(c, grace, true)),
    own.filter((c) => isInfra(c) && isRunning(c)),
    [...own, ...observed.strays],
    volumes,
  )
  return {actions: [...actions, {type: 'delete-pod'}]}
}

/** The plan for containers and volumes whose pod is gone or belongs elsewhere. */
export function removeLeftoversPlan(
  containers: readonly ContainerInfo[],
  volumes: readonly string[],
  graceSeconds: number,
): PodPlan {
  const running = containers.filter(isRunning)
  return {
    actions: takeDown(
      running.filter((c) => !isInfra(c)).map((c) => appStop(c, graceSeconds, false)),
      running.filter(isInfra),
      containers,
      volumes,
    ),
  }
}

/**
 * The grace left of deletionGracePeriodSeconds since deletionTimestamp, rounded up to whole seconds. Clamped
 * to the period, so it also reads right if deletionTimestamp is the deadline (Kubernetes' meaning) rather than
 * the request time.
 */
export function remainingGraceSeconds(pod: Pod, now: number): number {
  const period = pod.metadata.deletionGracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30
  const requested = Date.parse(pod.metadata.deletionTimestamp ?? '')
  if (Number.isNaN(requested)) return period
  const left = Math.ceil(period - (now - requested) / 1000)
  return Math.min(period, Math.max(0, left))
}

/** Stop apps, then infra; remove apps, then infra (podman keeps an infra container its dependents use); volumes. */
function takeDown(
  apps: StopTarget[],
  infra: readonly ContainerInfo[],
  all: readonly ContainerInfo[],
  volumes: readonly string[],
): PlanAction[] {
  const actions: PlanAction[] = []
  if (apps.length) actions.push({type: 'stop', targets: apps})
  if (infra.length)
    actions.push({type: 'stop', targets: infra.map((c) => ({container: c, graceSeconds: 0, name: 'POD'}))})
  const appRuns = all.filter((c) => !isInfra(c))
  const infraRuns = all.filter(isInfra)
  if (appRuns.length) actions.push({type: 'remove', containers: appRuns})
  if (infraRuns.length) actions.push({type: 'remove', containers: infraRuns})
  for (const name of volumes) actions.push({type: 'remove-volume', name})
  return actions
}

function appStop(container: ContainerInfo, graceSeconds: number, withEvent: boolean): StopTarget {
  const name = container.labels[LABELS.container] ?? ''
  return {container, graceSeconds, name, ...(withEvent ? {killing: `Stopping container ${name}`} : {})}
}
