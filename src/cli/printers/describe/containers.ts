/**
 * The `Containers:` (and `Init Containers:`) section of describe (describe.go describeContainers). Pods pass
 * their container statuses; pod templates pass none, which leaves out IDs, state, readiness and restarts.
 */
import type {Container, ContainerState, ContainerStatus, Pod} from '../../../core/api/types.js'
import {printEnvironment} from './environment.js'
import type {DescribeWriter} from './prefix-writer.js'
import {describeProbe} from './probe.js'
import {printResources} from './resources.js'
import {formatRFC1123Z} from './time.js'

/** Where the section sits: `space` indents it inside a pod template; `pod` resolves downward-API values. */
export interface ContainerContext {
  space: string
  pod?: Pod
}

/** Writes the section titled `label` for the containers, matching statuses by container name. */
export function printContainers(
  writer: DescribeWriter,
  label: string,
  containers: readonly Container[],
  statuses: readonly ContainerStatus[] | undefined,
  context: ContainerContext,
): void {
  writer.write(0, `${context.space}${label}:${containers.length === 0 ? ' <none>' : ''}\n`)
  const byName = new Map((statuses ?? []).map((status) => [status.name, status]))
  for (const container of containers) {
    const status = byName.get(container.name)
    printBasics(writer, container, status, context.space)
    printCommand(writer, container)
    if (status) printState(writer, status)
    printResources(writer, container.resources, 2)
    printProbes(writer, container)
    printEnvironment(writer, container, context.pod)
    printMounts(writer, container)
  }
}

function printBasics(
  writer: DescribeWriter,
  container: Container,
  status: ContainerStatus | undefined,
  space: string,
): void {
  writer.write(1, `${space ? ' ' : ''}${container.name}:\n`)
  if (status) writer.write(2, `Container ID:\t${status.containerID ?? ''}\n`)
  writer.write(2, `Image:\t${container.image ?? ''}\n`)
  if (status) writer.write(2, `Image ID:\t${status.imageID}\n`)
  const ports = container.ports ?? []
  const containerPorts = ports.map((port) => `${port.containerPort}/${port.protocol ?? 'TCP'}`).join(', ')
  const hostPorts = ports.map((port) => `${port.hostPort ?? 0}/${port.protocol ?? 'TCP'}`).join(', ')
  writer.write(
    2,
    containerPorts.includes(',') ? `Ports:\t${containerPorts}\n` : `Port:\t${containerPorts || '<none>'}\n`,
  )
  writer.write(
    2,
    hostPorts.includes(',') ? `Host Ports:\t${hostPorts}\n` : `Host Port:\t${hostPorts || '<none>'}\n`,
  )
}

function printCommand(writer: DescribeWriter, container: Container): void {
  for (const [title, words] of [
    ['Command', container.command],
    ['Args', container.args],
  ] as const) {
    if (!words?.length) continue
    writer.write(2, `${title}:\n`)
    for (const word of words) for (const line of word.split('\n')) writer.write(3, `${line}\n`)
  }
}

function printState(writer: DescribeWriter, status: ContainerStatus): void {
  printContainerState(writer, 'State', status.state)
  if (status.lastState?.terminated) printContainerState(writer, 'Last State', status.lastState)
  writer.write(2, `Ready:\t${status.ready ? 'True' : 'False'}\n`)
  writer.write(2, `Restart Count:\t${status.restartCount}\n`)
}

/** `State:  Running` + `Started:`, `Waiting` + `Reason:`, or `Terminated` with its exit details (describeStatus). */
function printContainerState(writer: DescribeWriter, title: string, state: ContainerState | undefined): void {
  if (state?.running) {
    writer.write(2, `${title}:\tRunning\n`)
    writer.write(3, `Started:\t${formatRFC1123Z(state.running.startedAt)}\n`)
  } else if (state?.waiting) {
    writer.write(2, `${title}:\tWaiting\n`)
    if (state.waiting.reason) writer.write(3, `Reason:\t${state.waiting.reason}\n`)
  } else if (state?.terminated) {
    printTerminated(writer, title, state.terminated)
  } else {
    writer.write(2, `${title}:\tWaiting\n`)
  }
}

function printTerminated(
  writer: DescribeWriter,
  title: string,
  terminated: NonNullable<ContainerState['terminated']>,
): void {
  writer.write(2, `${title}:\tTerminated\n`)
  if (terminated.reason) writer.write(3, `Reason:\t${terminated.reason}\n`)
  if (terminated.message) writer.write(3, `Message:\t${terminated.message}\n`)
  writer.write(3, `Exit Code:\t${terminated.exitCode}\n`)
  if (terminated.signal) writer.write(3, `Signal:\t${terminated.signal}\n`)
  writer.write(3, `Started:\t${formatRFC1123Z(terminated.startedAt)}\n`)
  writer.write(3, `Finished:\t${formatRFC1123Z(terminated.finishedAt)}\n`)
}

function printProbes(writer: DescribeWriter, container: Container): void {
  if (container.livenessProbe) writer.write(2, `Liveness:\t${describeProbe(container.livenessProbe)}\n`)
  if (container.readinessProbe) writer.write(2, `Readiness:\t${describeProbe(container.readinessProbe)}\n`)
  if (container.startupProbe) writer.write(2, `Startup:\t${describeProbe(container.startupProbe)}\n`)
}

/** `/data from cache (rw)`, sorted by mount path. */
function printMounts(writer: DescribeWriter, container: Container): void {
  const mounts = [...(container.volumeMounts ?? [])].sort((a, b) =>
    a.mountPath < b.mountPath ? -1 : a.mountPath > b.mountPath ? 1 : 0,
  )
  writer.write(2, `Mounts:${mounts.length === 0 ? '\t<none>' : ''}\n`)
  for (const mount of mounts) {
    const flags = [
      mount.readOnly ? 'ro' : 'rw',
      ...(mount.subPath ? [`path=${JSON.stringify(mount.subPath)}`] : []),
    ]
    writer.write(3, `${mount.mountPath} from ${mount.name} (${flags.join(',')})\n`)
  }
}
