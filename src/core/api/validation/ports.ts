/**
 * Port numbers and names (apimachinery IsValidPortNum, IsValidPortName) and container ports
 * (k8s@1.28 validateContainerPorts, ValidatePortNumOrName, AccumulateUniqueHostPorts).
 */
import type {FieldError} from '../field.js'
import {duplicate, invalid, notSupported, required} from '../field.js'
import type {Container, ContainerPort} from '../types.js'
import {maxLenError} from '../names.js'
import {inclusiveRange, notInteger} from './scalars.js'
import {indexed, isRecord, text} from './shape.js'

/** Port protocols, sorted as sets.List returns them. */
export const SUPPORTED_PROTOCOLS = ['SCTP', 'TCP', 'UDP'] as const

/** Problems with a port number; empty when it is 1-65535. */
export function portNumberErrors(port: number): string[] {
  return Number.isInteger(port) && port >= 1 && port <= 65535 ? [] : [inclusiveRange(1, 65535)]
}

/** Problems with an IANA_SVC_NAME port name (`http`, `metrics-1`); empty when valid. */
export function portNameErrors(name: string): string[] {
  const errors: string[] = []
  if (name.length > 15) errors.push(maxLenError(15))
  if (!/^[-a-z0-9]+$/.test(name))
    errors.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)')
  if (!/[a-z]/.test(name)) errors.push('must contain at least one letter (a-z)')
  if (name.includes('--')) errors.push('must not contain consecutive hyphens')
  if (name.startsWith('-') || name.endsWith('-')) errors.push('must not begin or end with a hyphen')
  return errors
}

/** A port given as a number or a name (probe ports, Service targetPort). */
export function validatePortNumOrName(port: unknown, path: string): FieldError[] {
  if (typeof port === 'string') return portNameErrors(port).map((message) => invalid(path, port, message))
  // Anything else is Go's zero IntOrString: the number 0.
  const number = typeof port === 'number' ? port : 0
  return portNumberErrors(number).map((message) => invalid(path, number, message))
}

/** A required protocol from SUPPORTED_PROTOCOLS. */
export function validateProtocol(protocol: unknown, path: string): FieldError[] {
  if (!protocol) return [required(path, '')]
  return (SUPPORTED_PROTOCOLS as readonly unknown[]).includes(protocol)
    ? []
    : [notSupported(path, protocol, SUPPORTED_PROTOCOLS)]
}

/** One container's ports: names valid and unique, containerPort required and in range, protocol known. */
export function validateContainerPorts(ports: unknown, path: string): FieldError[] {
  const errors: FieldError[] = []
  const names = new Set<string>()
  for (const [port, i] of indexed<ContainerPort>(ports)) {
    const at = `${path}[${i}]`
    if (!isRecord(port)) {
      errors.push(invalid(at, port, 'must be an object'))
      continue
    }
    const name = text(port.name)
    if (name) {
      const nameErrors = portNameErrors(name)
      if (nameErrors.length) errors.push(...nameErrors.map((message) => invalid(`${at}.name`, name, message)))
      else if (names.has(name)) errors.push(duplicate(`${at}.name`, name))
      else names.add(name)
    }
    errors.push(...portNumber(port.containerPort, `${at}.containerPort`, true))
    errors.push(...portNumber(port.hostPort, `${at}.hostPort`, false))
    errors.push(...validateProtocol(port.protocol, `${at}.protocol`))
  }
  return errors
}

function portNumber(value: unknown, path: string, isRequired: boolean): FieldError[] {
  if (value === undefined || value === 0) return isRequired ? [required(path, '')] : []
  if (!Number.isInteger(value)) return notInteger(value, path)
  return portNumberErrors(value as number).map((message) => invalid(path, value, message))
}

/** Two containers may not claim the same host port, protocol and IP (`Duplicate value: "TCP//8080"`). */
export function validateHostPortConflicts(containers: unknown, path: string): FieldError[] {
  const errors: FieldError[] = []
  const seen = new Set<string>()
  for (const [container, ci] of indexed<Container>(containers)) {
    if (!isRecord(container)) continue
    for (const [port, pi] of indexed<ContainerPort>(container.ports)) {
      if (!isRecord(port) || !port.hostPort) continue
      const key = `${text(port.protocol)}/${text(port.hostIP)}/${port.hostPort}`
      if (seen.has(key)) errors.push(duplicate(`${path}[${ci}].ports[${pi}].hostPort`, key))
      else seen.add(key)
    }
  }
  return errors
}
