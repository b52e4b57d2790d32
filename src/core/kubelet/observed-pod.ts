/**
 * What the runtime shows of one pod: its containers grouped by role and name, newest run first, read from the
 * labels alone. This is how the kubelet "remembers" across its own restarts: restart counts, the previous run
 * (lastState) and which containers belong to which pod all live on the containers themselves.
 */
import type {ContainerInfo} from '../runtime/container-runtime.js'
import {LABELS} from '../runtime/container-runtime.js'
import {INFRA_CONTAINER} from './naming.js'

/** The containers of one pod uid, plus those of other uids that share the pod's name (left-overs). */
export interface ObservedPod {
  /** Infra runs, newest first. */
  infra: ContainerInfo[]
  /** App container runs by container name, newest first. */
  apps: Map<string, ContainerInfo[]>
  /** Containers labelled with this pod's namespace and name but another uid: a deleted pod's. */
  strays: ContainerInfo[]
}

/** The run number of a container (its restartCount). */
export function attemptOf(container: ContainerInfo): number {
  const attempt = Number(container.labels[LABELS.attempt])
  return Number.isInteger(attempt) && attempt >= 0 ? attempt : 0
}

/** Whether a container's process is (still) there; a paused one counts as running. */
export function isRunning(container: ContainerInfo | undefined): boolean {
  return container?.state === 'running' || container?.state === 'paused'
}

/** Groups the containers found for a pod key by role and name, for pod uid `uid`. */
export function observePod(containers: readonly ContainerInfo[], uid: string | undefined): ObservedPod {
  const observed: ObservedPod = {infra: [], apps: new Map(), strays: []}
  for (const container of containers) {
    if (container.labels[LABELS.podUid] !== uid) observed.strays.push(container)
    else if (isInfra(container)) observed.infra.push(container)
    else {
      const name = container.labels[LABELS.container] ?? ''
      observed.apps.set(name, [...(observed.apps.get(name) ?? []), container])
    }
  }
  observed.infra.sort(newestFirst)
  for (const runs of observed.apps.values()) runs.sort(newestFirst)
  return observed
}

/** Every container of the pod's own uid. */
export function ownContainers(observed: ObservedPod): ContainerInfo[] {
  return [...observed.infra, ...[...observed.apps.values()].flat()]
}

/** Whether a container is a pod's infra ("pause") container. */
export function isInfra(container: ContainerInfo): boolean {
  return container.labels[LABELS.role] === 'infra' || container.labels[LABELS.container] === INFRA_CONTAINER
}

/** Higher attempt first; for equal attempts (never expected) the later start. */
function newestFirst(a: ContainerInfo, b: ContainerInfo): number {
  return attemptOf(b) - attemptOf(a) || (b.startedAt ?? '').localeCompare(a.startedAt ?? '')
}
