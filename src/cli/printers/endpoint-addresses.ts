/**
 * kubectl's formatEndpoints (k8s@1.28 pkg/printers/internalversion/printers.go, the same in kubectl's
 * describe.go): the ready addresses of an Endpoints object as `ip:port` for each port, at most three, then
 * ` + N more...`. Not-ready addresses never show. `<none>` without subsets; an empty string when every
 * address is not ready.
 */
import type {EndpointSubset, Endpoints} from '../../core/api/types.js'

/** kubectl lists this many, then counts the rest. */
const MAX_LISTED = 3

/**
 * `10.88.0.5:8080,10.88.0.6:8080,10.88.0.7:8080 + 2 more...`. `portNames` keeps only the ports of those
 * names (describe service passes its port's name); without it every port counts. E.g. 5 ready addresses and
 * one port: count 5, three listed, ` + 2 more...`.
 */
export function formatEndpointAddresses(endpoints: Endpoints, portNames?: ReadonlySet<string>): string {
  const subsets: EndpointSubset[] = endpoints.subsets ?? []
  if (subsets.length === 0) return '<none>'
  const listed: string[] = []
  let count = 0
  let more = false
  const take = (entries: string[]): void => {
    count += entries.length
    for (const entry of entries) {
      if (listed.length === MAX_LISTED) {
        more = true
        break
      }
      listed.push(entry)
    }
  }
  for (const subset of subsets) {
    const addresses = subset.addresses ?? []
    const ports = subset.ports ?? []
    // A headless Service may have no ports: its addresses are bare IPs.
    if (ports.length === 0) take(addresses.map((address) => address.ip))
    for (const port of ports) {
      if (!portNames || portNames.has(port.name ?? ''))
        take(addresses.map((address) => joinHostPort(address.ip, port.port)))
    }
  }
  const text = listed.join(',')
  return more ? `${text} + ${count - MAX_LISTED} more...` : text
}

/** net.JoinHostPort: an IPv6 address goes in brackets. */
export function joinHostPort(ip: string, port: number): string {
  return ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`
}
