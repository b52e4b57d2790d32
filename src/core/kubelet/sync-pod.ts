/**
 * syncPod: what to do about one pod, as a pure function of the pod, what the runtime shows and the kubelet's
 * memory (back-off, probe results). Kubernetes' computePodActions, simplified to one host:
 *   - a pod gone from this node: its left-overs are removed; a pod being deleted: terminate-pod.ts;
 *   - strays of an older pod with the same name go first; emptyDir volumes are created before containers;
 *   - no running infra container: (re)create the sandbox and start every container in it;
 *   - otherwise per container: start the missing, restart the exited per restartPolicy unless backing off,
 *     kill and restart on a failed liveness probe or a changed spec;
 *   - a pod whose containers are all done stops its sandbox; old runs beyond the last two are removed, and
 *     old infra containers once no kept run joined them.
 */
import type {Container, Pod} from '../api/types.js'
import type {ContainerInfo} from '../runtime/container-runtime.js'
import type {BackoffView} from './backoff.js'
import {formatGoDuration} from './go-duration.js'
import {
  crashBackoffKey,
  formatPod,
  runtimeVolumeName,
  SANDBOX_LABEL,
  specHash,
  volumeOwner,
} from './naming.js'
import type {ObservedPod} from './observed-pod.js'
import {attemptOf, isRunning, ownContainers} from './observed-pod.js'
import {isTerminalPhase} from './pod-phase.js'
import type {PodPlan} from './plan.js'
import {restartsAfterKill, shouldRestart} from './restart-policy.js'
import {LABELS} from '../runtime/container-runtime.js'
import {removeLeftoversPlan, terminatePodPlan} from './terminate-pod.js'

/** Everything one sync decides from. */
export interface SyncPodInput {
  node: string
  /** The pod object, or undefined when it no longer exists. */
  pod: Pod | undefined
  observed: ObservedPod
  /** Runtime volumes labelled with this pod's namespace and name. */
  volumes: readonly string[]
  now: number
  crashBackoff: BackoffView
  probes: {failedProbe(containerId: string): 'liveness' | 'startup' | undefined}
  /** Grace for containers whose pod is gone. */
  leftoverGraceSeconds: number
}

/** The plan for one pod. */
export function syncPod(input: SyncPodInput): PodPlan {
  const {pod, observed} = input
  if (!pod || pod.spec.nodeName !== input.node)
    return removeLeftoversPlan(
      [...ownContainers(observed), ...observed.strays],
      input.volumes,
      input.leftoverGraceSeconds,
    )
  if (pod.metadata.deletionTimestamp) return terminatePodPlan(pod, observed, input.volumes, input.now)
  return runPodPlan(input, pod)
}

function runPodPlan(input: SyncPodInput, pod: Pod): PodPlan {
  const {observed} = input
  const uid = pod.metadata.uid ?? ''
  const strayVolumes = input.volumes.filter((name) => volumeOwner(name) !== uid)
  const plan = removeLeftoversPlan(observed.strays, strayVolumes, input.leftoverGraceSeconds)
  if (isTerminalPhase(pod.status?.phase) || allFinished(pod, observed)) {
    const infra = observed.infra.filter(isRunning)
    if (infra.length) plan.actions.push({type: 'stop', targets: infra.map(infraStop)})
    return plan
  }
  for (const volume of pod.spec.volumes ?? []) {
    const name = runtimeVolumeName(uid, volume.name)
    if (volume.emptyDir && !input.volumes.includes(name)) plan.actions.push({type: 'create-volume', name})
  }
  if (!isRunning(observed.infra[0])) planSandbox(pod, observed, plan)
  else for (const container of pod.spec.containers) planContainer(input, pod, container, plan)
  collectGarbage(observed, plan)
  return plan
}

/** No running infra container: stop what ran in the old sandbox, start a new one and every container in it. */
function planSandbox(pod: Pod, observed: ObservedPod, plan: PodPlan): void {
  const infra = observed.infra[0]
  const runs = [...observed.apps.values()].flat()
  const hadRuns = infra !== undefined || runs.length > 0
  const grace = pod.spec.terminationGracePeriodSeconds ?? 30
  const running = runs.filter(isRunning)
  if (running.length) plan.actions.push({type: 'stop', targets: running.map((c) => appStop(c, grace))})
  // Kubernetes never re-creates the sandbox of a Never pod that already ran: it runs down to its phase.
  if (hadRuns && pod.spec.restartPolicy === 'Never') return
  plan.actions.push({type: 'start-infra', attempt: infra ? attemptOf(infra) + 1 : 0, sandboxChanged: hadRuns})
  for (const container of pod.spec.containers) {
    const latest = observed.apps.get(container.name)?.[0]
    const succeeded = latest && !isRunning(latest) && latest.exitCode === 0
    if (succeeded && pod.spec.restartPolicy === 'OnFailure') continue
    plan.actions.push({type: 'start', container, attempt: nextAttempt(pod, container, latest)})
  }
}

/** One container of a pod whose sandbox runs. */
function planContainer(input: SyncPodInput, pod: Pod, container: Container, plan: PodPlan): void {
  const runs = input.observed.apps.get(container.name) ?? []
  const latest = runs[0]
  if (!latest) {
    const old = pod.status?.containerStatuses?.find((s) => s.name === container.name)?.state?.terminated
    if (!old || shouldRestart(pod.spec.restartPolicy, old.exitCode))
      plan.actions.push({type: 'start', container, attempt: nextAttempt(pod, container, undefined)})
    return
  }
  if (isRunning(latest)) return planRunning(input, pod, container, runs, plan)
  if (!shouldRestart(pod.spec.restartPolicy, latest.exitCode)) return
  const eventTime = finishedAt(latest, input.now)
  const key = crashBackoffKey(pod, container)
  if (!input.crashBackoff.isInBackOffSince(key, eventTime)) {
    const restart = {eventTime, exitCode: latest.exitCode}
    plan.actions.push({type: 'start', container, attempt: attemptOf(latest) + 1, restart})
    return
  }
  const delayMs = input.crashBackoff.get(key)
  const message = `back-off ${formatGoDuration(delayMs)} restarting failed container=${container.name} pod=${formatPod(pod)}`
  plan.actions.push({type: 'back-off', container, delayMs, exitCode: latest.exitCode, message})
  requeueAfter(plan, eventTime + delayMs - input.now)
}

/** A running container is killed (and started again) when a liveness/startup probe failed or its spec changed. */
function planRunning(
  input: SyncPodInput,
  pod: Pod,
  container: Container,
  runs: readonly ContainerInfo[],
  plan: PodPlan,
): void {
  const [latest, previous] = runs
  if (!latest) return
  const failed = input.probes.failedProbe(latest.id)
  const changed = latest.labels[LABELS.specHash] !== specHash(container)
  if (!failed && !changed) return
  const probeGrace = failed ? container[`${failed}Probe`]?.terminationGracePeriodSeconds : undefined
  const killing = failed
    ? `Container ${container.name} failed ${failed} probe, will be restarted`
    : `Container ${container.name} definition changed, will be restarted`
  const grace = probeGrace ?? pod.spec.terminationGracePeriodSeconds ?? 30
  plan.actions.push({
    type: 'stop',
    targets: [{container: latest, graceSeconds: grace, name: container.name, killing}],
  })
  if (!changed && !restartsAfterKill(pod.spec.restartPolicy)) return
  // The back-off is judged on the run before (the one just killed has not finished yet), as kubelet's doBackOff.
  const key = crashBackoffKey(pod, container)
  if (previous && input.crashBackoff.isInBackOffSince(key, finishedAt(previous, input.now)))
    return requeueAfter(plan, 0)
  plan.actions.push({
    type: 'start',
    container,
    attempt: attemptOf(latest) + 1,
    restart: {eventTime: input.now},
  })
}

/** Every container ran and none will run again: the pod is done (Succeeded or Failed). */
function allFinished(pod: Pod, observed: ObservedPod): boolean {
  return pod.spec.containers.every((container) => {
    const latest = observed.apps.get(container.name)?.[0]
    return (
      latest !== undefined && !isRunning(latest) && !shouldRestart(pod.spec.restartPolicy, latest.exitCode)
    )
  })
}

/**
 * Keeps the newest two runs of each container (the current one and the one `logs --previous` shows), and old
 * infra containers only while a kept run still joins their network.
 */
function collectGarbage(observed: ObservedPod, plan: PodPlan): void {
  const starting = new Set(plan.actions.flatMap((a) => (a.type === 'start' ? [a.container.name] : [])))
  const newSandbox = plan.actions.some((a) => a.type === 'start-infra')
  const doomedApps: ContainerInfo[] = []
  for (const [name, runs] of observed.apps)
    doomedApps.push(...runs.slice(starting.has(name) ? 1 : 2).filter((c) => !isRunning(c)))
  const kept = [...observed.apps.values()].flat().filter((c) => !doomedApps.includes(c))
  const oldInfra = (newSandbox ? observed.infra : observed.infra.slice(1)).filter((c) => !isRunning(c))
  const doomedInfra = oldInfra.filter((infra) => !kept.some((app) => joined(app, infra)))
  if (doomedApps.length) plan.actions.push({type: 'remove', containers: doomedApps})
  if (doomedInfra.length) plan.actions.push({type: 'remove', containers: doomedInfra})
}

/** Whether an app run joined this infra run's network; a run without the label might have joined any. */
function joined(app: ContainerInfo, infra: ContainerInfo): boolean {
  const sandbox = app.labels[SANDBOX_LABEL]
  return sandbox === undefined || sandbox === String(attemptOf(infra))
}

/** The attempt (restartCount) of the next run: one more than the last, as remembered by runs or status. */
function nextAttempt(pod: Pod, container: Container, latest: ContainerInfo | undefined): number {
  if (latest) return attemptOf(latest) + 1
  const old = pod.status?.containerStatuses?.find((s) => s.name === container.name)
  if (!old) return 0
  return old.restartCount + (old.containerID ? 1 : 0)
}

function finishedAt(container: ContainerInfo, fallback: number): number {
  const time = Date.parse(container.finishedAt ?? '')
  return Number.isNaN(time) || time <= 0 ? fallback : time
}

function requeueAfter(plan: PodPlan, ms: number): void {
  const wait = Math.max(0, ms)
  plan.requeueAfterMs = plan.requeueAfterMs === undefined ? wait : Math.min(plan.requeueAfterMs, wait)
}

function appStop(container: ContainerInfo, graceSeconds: number) {
  const name = container.labels[LABELS.container] ?? ''
  return {container, graceSeconds, name, killing: `Stopping container ${name}`}
}

function infraStop(container: ContainerInfo) {
  return {container, graceSeconds: 0, name: 'POD'}
}
