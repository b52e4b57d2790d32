/** `tug describe pod` (describe.go describePod, kubectl 1.32). */
import type {KubeEvent, Pod} from '../../../core/api/types.js'
import {formatAge} from '../age.js'
import {printContainers} from './containers.js'
import {controllerOf} from './controller.js'
import {printEvents} from './events.js'
import {printAnnotations, printLabels, printTolerations} from './metadata.js'
import {tabbedString, type DescribeWriter} from './prefix-writer.js'
import {podQOSClass} from './qos.js'
import {formatRFC1123Z} from './time.js'
import {printVolumes} from './volumes.js'

/** The describe text of a pod and its events. */
export function describePod(pod: Pod, events: readonly KubeEvent[], now: Date): string {
  return tabbedString((writer) => {
    printHeader(writer, pod, now)
    if (pod.spec.initContainers?.length)
      printContainers(writer, 'Init Containers', pod.spec.initContainers, pod.status?.initContainerStatuses, {
        space: '',
        pod,
      })
    printContainers(writer, 'Containers', pod.spec.containers, pod.status?.containerStatuses, {
      space: '',
      pod,
    })
    const conditions = pod.status?.conditions ?? []
    if (conditions.length > 0) {
      writer.write(0, 'Conditions:\n  Type\tStatus\n')
      for (const condition of conditions) writer.write(1, `${condition.type} \t${condition.status} \n`)
    }
    printVolumes(writer, pod.spec.volumes, '')
    writer.write(0, `QoS Class:\t${podQOSClass(pod)}\n`)
    printLabels(writer, 'Node-Selectors', pod.spec.nodeSelector)
    printTolerations(writer, 'Tolerations', pod.spec.tolerations)
    printEvents(writer, events, now)
  })
}

/** Everything above `Containers:`. */
function printHeader(writer: DescribeWriter, pod: Pod, now: Date): void {
  const {metadata, spec} = pod
  const status = pod.status ?? {}
  writer.write(0, `Name:\t${metadata.name ?? ''}\n`)
  writer.write(0, `Namespace:\t${metadata.namespace ?? ''}\n`)
  if (spec.priority !== undefined) writer.write(0, `Priority:\t${spec.priority}\n`)
  if (spec.serviceAccountName) writer.write(0, `Service Account:\t${spec.serviceAccountName}\n`)
  writer.write(0, spec.nodeName ? `Node:\t${spec.nodeName}/${status.hostIP ?? ''}\n` : 'Node:\t<none>\n')
  if (status.startTime) writer.write(0, `Start Time:\t${formatRFC1123Z(status.startTime)}\n`)
  printLabels(writer, 'Labels', metadata.labels)
  printAnnotations(writer, 'Annotations', metadata.annotations)
  printStatus(writer, pod, now)
  if (status.reason) writer.write(0, `Reason:\t${status.reason}\n`)
  if (status.message) writer.write(0, `Message:\t${status.message}\n`)
  writer.write(0, `IP:\t${status.podIP ?? ''}\n`)
  const ips = status.podIPs ?? (status.podIP ? [{ip: status.podIP}] : [])
  if (ips.length === 0) writer.write(0, 'IPs:\t<none>\n')
  else {
    writer.write(0, 'IPs:\n')
    for (const {ip} of ips) writer.write(1, `IP:\t${ip}\n`)
  }
  const controller = controllerOf(pod)
  if (controller) writer.write(0, `Controlled By:\t${controller}\n`)
}

/**
 * `Status:  Running`, or while a pod that has not finished is being deleted `Terminating (lasts <age>)`.
 * The deletion timestamp is when the grace period ends, so during it the age reads `<invalid>`, as in kubectl.
 */
function printStatus(writer: DescribeWriter, pod: Pod, now: Date): void {
  const phase = pod.status?.phase ?? ''
  const deletion = pod.metadata.deletionTimestamp
  if (deletion && phase !== 'Failed' && phase !== 'Succeeded') {
    writer.write(0, `Status:\tTerminating (lasts ${formatAge(deletion, now)})\n`)
    const grace = pod.metadata.deletionGracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30
    writer.write(0, `Termination Grace Period:\t${grace}s\n`)
  } else {
    writer.write(0, `Status:\t${phase}\n`)
  }
}
