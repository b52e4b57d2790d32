/** `tug describe service` (describe.go describeService, kubectl 1.32). */
import type {Endpoints, KubeEvent, KubeObject, Service} from '../../../core/api/types.js'
import {formatLabels} from '../columns/labels.js'
import {printEvents} from './events.js'
import {printAnnotations, printLabels} from './metadata.js'
import {tabbedString, type DescribeWriter} from './prefix-writer.js'
import {formatServiceEndpoints} from './service-endpoints.js'

/**
 * The describe text of a service. Its Endpoints lines come from `endpoints`, the Endpoints object of the
 * same name; while there is none, from `pods`, the pods its selector matches.
 */
export function describeService(
  service: Service,
  events: readonly KubeEvent[],
  related: {pods: readonly KubeObject[]; endpoints?: Endpoints},
  now: Date,
): string {
  return tabbedString((writer) => {
    const {metadata, spec} = service
    writer.write(0, `Name:\t${metadata.name ?? ''}\n`)
    writer.write(0, `Namespace:\t${metadata.namespace ?? ''}\n`)
    printLabels(writer, 'Labels', metadata.labels)
    printAnnotations(writer, 'Annotations', metadata.annotations)
    writer.write(0, `Selector:\t${formatLabels(spec.selector)}\n`)
    writer.write(0, `Type:\t${spec.type ?? ''}\n`)
    printAddresses(writer, service)
    printPorts(writer, service, related)
    writer.write(0, `Session Affinity:\t${spec.sessionAffinity ?? 'None'}\n`)
    if (spec.externalTrafficPolicy)
      writer.write(0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`)
    if (spec.internalTrafficPolicy)
      writer.write(0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`)
    printEvents(writer, events, now)
  })
}

function printAddresses(writer: DescribeWriter, service: Service): void {
  const {spec} = service
  if (spec.ipFamilyPolicy) writer.write(0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`)
  writer.write(0, `IP Families:\t${spec.ipFamilies?.length ? spec.ipFamilies.join(',') : '<none>'}\n`)
  writer.write(0, `IP:\t${spec.clusterIP ?? ''}\n`)
  writer.write(0, `IPs:\t${spec.clusterIPs?.length ? spec.clusterIPs.join(',') : '<none>'}\n`)
  if (spec.externalName) writer.write(0, `External Name:\t${spec.externalName}\n`)
  const ingress = loadBalancerIngress(service)
  if (ingress) writer.write(0, `LoadBalancer Ingress:\t${ingress}\n`)
}

/** Port, TargetPort, NodePort and Endpoints for each port; an unnamed port reads `<unset>`. */
function printPorts(
  writer: DescribeWriter,
  service: Service,
  related: {pods: readonly KubeObject[]; endpoints?: Endpoints},
): void {
  for (const port of service.spec.ports ?? []) {
    const name = port.name || '<unset>'
    const protocol = port.protocol ?? 'TCP'
    writer.write(0, `Port:\t${name}\t${port.port}/${protocol}\n`)
    writer.write(0, `TargetPort:\t${port.targetPort ?? port.port}/${protocol}\n`)
    if (port.nodePort) writer.write(0, `NodePort:\t${name}\t${port.nodePort}/${protocol}\n`)
    const endpoints = formatServiceEndpoints(service, port, related.endpoints, related.pods)
    writer.write(0, `Endpoints:\t${endpoints}\n`)
  }
}

/** `1.2.3.4, lb.example.com` (describe.go buildIngressString). */
function loadBalancerIngress(service: Service): string {
  const ingress = service.status?.loadBalancer?.['ingress']
  const entries = Array.isArray(ingress)
    ? (ingress as {ip?: string; hostname?: string; ipMode?: string}[])
    : []
  return entries
    .map((entry) =>
      entry.ip ? `${entry.ip}${entry.ipMode ? ` (${entry.ipMode})` : ''}` : (entry.hostname ?? ''),
    )
    .join(', ')
}
