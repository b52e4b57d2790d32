/** `tug describe endpoints` (describe.go describeEndpoints). */
import type {EndpointAddress, Endpoints, KubeEvent} from '../../../core/api/types.js'
import {printEvents} from './events.js'
import {printAnnotations, printLabels} from './metadata.js'
import {tabbedString} from './prefix-writer.js'

/** The describe text of an Endpoints object: each subset's ready and not-ready IPs and its ports. */
export function describeEndpoints(endpoints: Endpoints, events: readonly KubeEvent[], now: Date): string {
  return tabbedString((writer) => {
    const {metadata} = endpoints
    writer.write(0, `Name:\t${metadata.name ?? ''}\n`)
    writer.write(0, `Namespace:\t${metadata.namespace ?? ''}\n`)
    printLabels(writer, 'Labels', metadata.labels)
    printAnnotations(writer, 'Annotations', metadata.annotations)
    writer.write(0, 'Subsets:\n')
    for (const subset of endpoints.subsets ?? []) {
      writer.write(1, `Addresses:\t${ipList(subset.addresses)}\n`)
      writer.write(1, `NotReadyAddresses:\t${ipList(subset.notReadyAddresses)}\n`)
      if (subset.ports?.length) {
        writer.write(1, 'Ports:\n')
        writer.write(2, 'Name\tPort\tProtocol\n')
        writer.write(2, '----\t----\t--------\n')
        for (const port of subset.ports)
          writer.write(2, `${port.name || '<unset>'}\t${port.port}\t${port.protocol ?? ''}\n`)
      }
      writer.write(0, '\n')
    }
    printEvents(writer, events, now)
  })
}

function ipList(addresses: readonly EndpointAddress[] | undefined): string {
  return addresses?.length ? addresses.map((address) => address.ip).join(',') : '<none>'
}
