/**
 * From a pod to what the runtime runs: the infra container that owns the pod's network namespace and
 * publishes every port, and one app container per spec container joined to it (`networkOf`), with its
 * command, args, env, working directory, emptyDir mounts and resource limits.
 */
import type {Container, Pod} from '../api/types.js'
import {parseQuantity, milliValue, unitValue} from '../api/quantity.js'
import type {ContainerSpec} from '../runtime/container-runtime.js'
import {containerEnv, expandReferences} from './container-env.js'
import {resolvePort} from './host-ports.js'
import {
  containerLabels,
  INFRA_CONTAINER,
  runtimeContainerName,
  runtimeVolumeName,
  specHash,
} from './naming.js'

/** Where an app container runs: its attempt, and the pod's infra container (id, attempt) and address. */
export interface AppRunContext {
  node: string
  attempt: number
  infraId: string
  infraAttempt: number
  podIP?: string
}

/** The infra container of one attempt of a pod's sandbox. */
export function infraContainerSpec(pod: Pod, node: string, image: string, attempt: number): ContainerSpec {
  const publish = publishedPorts(pod)
  return {
    name: runtimeContainerName(pod, INFRA_CONTAINER, attempt),
    image,
    labels: containerLabels(pod, node, {
      container: INFRA_CONTAINER,
      role: 'infra',
      hash: specHash({name: INFRA_CONTAINER, ports: publish.map((p) => ({containerPort: p.containerPort}))}),
      attempt,
    }),
    hostname: pod.spec.hostname ?? pod.metadata.name ?? '',
    publish,
    stopTimeoutSeconds: 0,
  }
}

/** One app container's spec, or the configuration error that prevents it (CreateContainerConfigError). */
export function appContainerSpec(
  pod: Pod,
  container: Container,
  run: AppRunContext,
): {spec: ContainerSpec} | {error: string} {
  const built = containerEnv(pod, container, run.podIP)
  if ('error' in built) return built
  const {env} = built
  const expand = (words: string[] | undefined): string[] | undefined =>
    words?.map((word) => expandReferences(word, env))
  const spec: ContainerSpec = {
    name: runtimeContainerName(pod, container.name, run.attempt),
    image: container.image ?? '',
    labels: containerLabels(pod, run.node, {
      container: container.name,
      role: 'app',
      hash: specHash(container),
      attempt: run.attempt,
      sandbox: run.infraAttempt,
    }),
    entrypoint: expand(container.command),
    args: expand(container.args),
    env,
    workingDir: container.workingDir,
    // The pod's name, for engines that do not share the infra container's hostname along with its network.
    hostname: pod.spec.hostname ?? pod.metadata.name,
    networkOf: run.infraId,
    mounts: mountsOf(pod, container),
    ...limitsOf(container),
    stopTimeoutSeconds: pod.spec.terminationGracePeriodSeconds ?? 30,
  }
  return {spec: dropUndefined(spec)}
}

/**
 * Every containerPort of every container, plus the ports probes reach (so an httpGet or tcpSocket probe always
 * has a host port to connect to, declared or not). SCTP has no host publishing and is skipped.
 */
export function publishedPorts(pod: Pod): {containerPort: number; protocol: 'tcp' | 'udp'}[] {
  const ports = new Map<string, {containerPort: number; protocol: 'tcp' | 'udp'}>()
  const add = (containerPort: number | undefined, protocol: 'tcp' | 'udp'): void => {
    if (containerPort && containerPort > 0)
      ports.set(`${containerPort}/${protocol}`, {containerPort, protocol})
  }
  for (const container of pod.spec.containers) {
    for (const port of container.ports ?? []) {
      if (port.protocol === 'SCTP') continue
      add(port.containerPort, port.protocol === 'UDP' ? 'udp' : 'tcp')
    }
    for (const probe of [container.livenessProbe, container.readinessProbe, container.startupProbe]) {
      const target = probe?.httpGet?.port ?? probe?.tcpSocket?.port
      if (target !== undefined) add(resolvePort(pod, target), 'tcp')
    }
  }
  return [...ports.values()].sort((a, b) => a.containerPort - b.containerPort)
}

/** emptyDir volumes the container mounts; other volume sources are not run by Tugboat. */
function mountsOf(pod: Pod, container: Container): ContainerSpec['mounts'] {
  const emptyDirs = new Set((pod.spec.volumes ?? []).filter((v) => v.emptyDir).map((v) => v.name))
  const mounts = (container.volumeMounts ?? [])
    .filter((mount) => emptyDirs.has(mount.name))
    .map((mount) => ({
      volume: runtimeVolumeName(pod.metadata.uid ?? '', mount.name),
      path: mount.mountPath,
      ...(mount.readOnly ? {readOnly: true} : {}),
    }))
  return mounts.length ? mounts : undefined
}

/** memory and cpu limits, in the units engines take (bytes, nano-CPUs). */
function limitsOf(container: Container): Pick<ContainerSpec, 'memoryBytes' | 'nanoCpus'> {
  const limits = container.resources?.limits ?? {}
  const result: Pick<ContainerSpec, 'memoryBytes' | 'nanoCpus'> = {}
  if (limits.memory !== undefined) result.memoryBytes = unitValue(parseQuantity(limits.memory))
  if (limits.cpu !== undefined) result.nanoCpus = milliValue(parseQuantity(limits.cpu)) * 1_000_000
  return result
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T
}
