/**
 * `docker inspect` / `podman inspect` output as ContainerInfo. Both print a JSON array of objects of the same
 * broad shape; where they differ, this reads both forms and reports one:
 * - Name: docker `/web-1`, podman `web-1`.
 * - Image id: docker `sha256:<hex>`, podman bare `<hex>`. Image name: docker's Config.Image is the name as
 *   given (`tugboat/demo:v1`), podman's ImageName the resolved one (`localhost/tugboat/demo:v1`).
 * - A container that joined another's network (`container:<id>`): docker reports no IP and no ports,
 *   podman repeats the owner's. Both are reported as none here: the owner (the pod's infra) has them.
 * - Stopped containers: docker drops ports and IP, podman keeps its port bindings. Both: none.
 * - Start failures: docker records State.Error and exit code 127; podman leaves the state `created`, exit 0.
 * - States: podman also has configured, stopped, stopping, removing; they map onto docker's.
 */
import type {ContainerInfo, PublishedPort} from '../core/runtime/container-runtime.js'
import {numberAt, objectAt, parseJsonArray, stringAt, stringMapAt, timestampAt} from './json-shape.js'

/** Engine states to ContainerInfo states; anything else is `unknown`. */
const STATES: Readonly<Record<string, ContainerInfo['state']>> = {
  created: 'created',
  configured: 'created',
  initialized: 'created',
  running: 'running',
  stopping: 'running',
  restarting: 'running',
  paused: 'paused',
  exited: 'exited',
  stopped: 'exited',
  removing: 'exited',
  dead: 'dead',
}

/** An engine's state word (inspect's State.Status, ps's State) as a ContainerInfo state. */
export function containerState(word: string): ContainerInfo['state'] {
  return STATES[word.toLowerCase()] ?? 'unknown'
}

/** Parses inspect's JSON array; objects that are not containers are skipped. Undefined if not an array. */
export function parseInspect(text: string): ContainerInfo[] | undefined {
  const items = parseJsonArray(text)
  if (!items) return undefined
  return items.map(parseContainer).filter((info) => info.id !== '')
}

/** One inspect object as ContainerInfo. */
export function parseContainer(raw: unknown): ContainerInfo {
  const container = objectAt(raw)
  const state = objectAt(container.State)
  const config = objectAt(container.Config)
  const hostConfig = objectAt(container.HostConfig)
  const status = containerState(stringAt(state.Status))
  // Ports and the IP belong to the container that owns the network namespace, and only while it runs.
  const ownsNetwork = !stringAt(hostConfig.NetworkMode).startsWith('container:')
  const live = ownsNetwork && status === 'running'
  const imageId = stringAt(container.Image)
  const info: ContainerInfo = {
    id: stringAt(container.Id),
    name: stringAt(container.Name).replace(/^\//, ''),
    image: stringAt(container.ImageName) || stringAt(config.Image),
    imageId: imageId && !imageId.includes(':') ? `sha256:${imageId}` : imageId,
    labels: stringMapAt(config.Labels),
    state: status,
    exitCode: numberAt(state.ExitCode) ?? 0,
    oomKilled: state.OOMKilled === true,
    ports: live ? parsePorts(objectAt(container.NetworkSettings).Ports) : [],
  }
  const startedAt = timestampAt(state.StartedAt)
  const finishedAt = timestampAt(state.FinishedAt)
  const ip = live ? ipAddress(objectAt(container.NetworkSettings)) : undefined
  const error = stringAt(state.Error)
  if (startedAt) info.startedAt = startedAt
  if (finishedAt) info.finishedAt = finishedAt
  if (ip) info.ip = ip
  if (error) info.error = error
  return info
}

/** `{"8080/tcp": [{"HostIp": "127.0.0.1", "HostPort": "32770"}]}`; unpublished ports map to null. */
export function parsePorts(raw: unknown): PublishedPort[] {
  const ports: PublishedPort[] = []
  for (const [key, bindings] of Object.entries(objectAt(raw))) {
    const [port, protocol = 'tcp'] = key.split('/')
    const containerPort = Number(port)
    if (!Number.isInteger(containerPort) || (protocol !== 'tcp' && protocol !== 'udp')) continue
    for (const binding of Array.isArray(bindings) ? bindings : []) {
      const {HostIp, HostPort} = objectAt(binding)
      const hostPort = Number(stringAt(HostPort))
      if (!Number.isInteger(hostPort) || hostPort <= 0) continue
      ports.push({containerPort, protocol, hostIp: stringAt(HostIp) || '0.0.0.0', hostPort})
    }
  }
  return ports.sort((a, b) => a.containerPort - b.containerPort || a.hostPort - b.hostPort)
}

/** docker fills NetworkSettings.IPAddress on the default bridge; on other networks only Networks.<name>. */
function ipAddress(settings: Record<string, unknown>): string | undefined {
  const direct = stringAt(settings.IPAddress)
  if (direct) return direct
  for (const network of Object.values(objectAt(settings.Networks))) {
    const address = stringAt(objectAt(network).IPAddress)
    if (address) return address
  }
  return undefined
}
