/**
 * v1 Endpoints (k8s@1.28 pkg/apis/core/validation/validation.go ValidateEndpoints, validateEndpointSubsets):
 * every subset lists addresses, each a real pod-network IP, and its ports are numbered, named when several.
 */
import {isIP} from 'node:net'
import type {FieldError} from '../field.js'
import {invalid, required} from '../field.js'
import {validateDNS1123Label, validateDNS1123Subdomain} from '../names.js'
import type {EndpointAddress, EndpointPort, EndpointSubset, Endpoints} from '../types.js'
import {portNumberErrors, validateProtocol} from './ports.js'
import {indexed, isRecord, text} from './shape.js'

/** The subsets of an Endpoints object. */
export function validateEndpointSubsets(endpoints: Endpoints): FieldError[] {
  const errors: FieldError[] = []
  for (const [subset, i] of indexed<EndpointSubset>(endpoints.subsets)) {
    const path = `subsets[${i}]`
    if (!isRecord(subset)) {
      errors.push(invalid(path, subset, 'must be an object'))
      continue
    }
    const ready = indexed<EndpointAddress>(subset.addresses)
    const notReady = indexed<EndpointAddress>(subset.notReadyAddresses)
    if (ready.length === 0 && notReady.length === 0)
      errors.push(required(path, 'must specify `addresses` or `notReadyAddresses`'))
    for (const [address, a] of ready) errors.push(...validateAddress(address, `${path}.addresses[${a}]`))
    for (const [address, a] of notReady)
      errors.push(...validateAddress(address, `${path}.notReadyAddresses[${a}]`))
    const ports = indexed<EndpointPort>(subset.ports)
    for (const [port, p] of ports) errors.push(...validatePort(port, ports.length > 1, `${path}.ports[${p}]`))
  }
  return errors
}

function validateAddress(address: EndpointAddress, path: string): FieldError[] {
  if (!isRecord(address)) return [invalid(path, address, 'must be an object')]
  const ip = text(address.ip)
  const errors: FieldError[] = []
  if (!isIP(ip))
    errors.push(invalid(`${path}.ip`, ip, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'))
  if (address.hostname) errors.push(...validateDNS1123Label(text(address.hostname), `${path}.hostname`))
  if (address.nodeName !== undefined)
    errors.push(...validateDNS1123Subdomain(text(address.nodeName), `${path}.nodeName`))
  errors.push(...nonSpecialIPErrors(ip).map((detail) => invalid(`${path}.ip`, ip, detail)))
  return errors
}

/**
 * ValidateNonSpecialIP: an endpoint may not be an address that means "this machine" or "this link". Tugboat
 * also publishes pods on the host's 127.0.0.1, but carries that beside the address, never as it.
 */
export function nonSpecialIPErrors(ip: string): string[] {
  const family = isIP(ip)
  if (family === 0) return ['must be a valid IP address']
  const errors: string[] = []
  if (family === 4) {
    const [a = 0, b = 0, c = 0, d = 0] = ip.split('.').map(Number)
    if (a === 0 && b === 0 && c === 0 && d === 0) errors.push(`may not be unspecified (${ip})`)
    if (a === 127) errors.push(LOOPBACK)
    if (a === 169 && b === 254) errors.push(LINK_LOCAL)
    if (a === 224 && b === 0 && c === 0) errors.push(LINK_LOCAL_MULTICAST)
    return errors
  }
  // The URL parser writes an IPv6 address in its shortest form: `0:0:0:0:0:0:0:1` becomes `::1`.
  const short = new URL(`http://[${ip}]`).hostname.slice(1, -1)
  if (short === '::') errors.push(`may not be unspecified (${ip})`)
  if (short === '::1') errors.push(LOOPBACK)
  if (/^fe[89ab][0-9a-f]:/.test(short)) errors.push(LINK_LOCAL)
  if (/^ff[0-9a-f]2:/.test(short)) errors.push(LINK_LOCAL_MULTICAST)
  return errors
}

const LOOPBACK = 'may not be in the loopback range (127.0.0.0/8, ::1/128)'
const LINK_LOCAL = 'may not be in the link-local range (169.254.0.0/16, fe80::/10)'
const LINK_LOCAL_MULTICAST = 'may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)'

function validatePort(port: EndpointPort, requireName: boolean, path: string): FieldError[] {
  if (!isRecord(port)) return [invalid(path, port, 'must be an object')]
  const errors: FieldError[] = []
  const name = text(port.name)
  if (requireName && !name) errors.push(required(`${path}.name`, ''))
  else if (name) errors.push(...validateDNS1123Label(name, `${path}.name`))
  const number = typeof port.port === 'number' ? port.port : 0
  errors.push(...portNumberErrors(number).map((detail) => invalid(`${path}.port`, number, detail)))
  errors.push(...validateProtocol(port.protocol, `${path}.protocol`))
  return errors
}
