/** Liveness, readiness and startup probes (k8s@1.28 validateProbe, validateHandler and the per-kind rules). */
import type {FieldError} from '../field.js'
import {forbidden, invalid, notSupported, required} from '../field.js'
import {regexError} from '../names.js'
import type {Container, Probe} from '../types.js'
import {nonNegative} from './scalars.js'
import {validatePortNumOrName} from './ports.js'
import {indexed, isRecord, text} from './shape.js'

const HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc'] as const
const HTTP_HEADER_NAME_FMT = '[-A-Za-z0-9]+'
const HTTP_HEADER_NAME_MSG = "a valid HTTP header must consist of alphanumeric characters or '-'"

/** A container's three probes, each with its own rules. */
export function validateContainerProbes(container: Container, path: string): FieldError[] {
  const errors: FieldError[] = []
  if (isRecord(container.livenessProbe)) {
    errors.push(
      ...validateProbe(container.livenessProbe, `${path}.livenessProbe`),
      ...successThresholdOne(container.livenessProbe, `${path}.livenessProbe`),
    )
  }
  if (isRecord(container.readinessProbe)) {
    const at = `${path}.readinessProbe`
    errors.push(...validateProbe(container.readinessProbe, at))
    const grace = container.readinessProbe.terminationGracePeriodSeconds
    if (grace !== undefined && grace !== null)
      errors.push(
        invalid(`${at}.terminationGracePeriodSeconds`, grace, 'must not be set for readinessProbes'),
      )
  }
  if (isRecord(container.startupProbe)) {
    errors.push(
      ...validateProbe(container.startupProbe, `${path}.startupProbe`),
      ...successThresholdOne(container.startupProbe, `${path}.startupProbe`),
    )
  }
  return errors
}

/** Init containers run to completion, so probes make no sense there. */
export function forbidInitContainerProbes(container: Container, path: string): FieldError[] {
  return (['livenessProbe', 'readinessProbe', 'startupProbe'] as const)
    .filter((probe) => container[probe] !== undefined && container[probe] !== null)
    .map((probe) =>
      forbidden(`${path}.${probe}`, 'may not be set for init containers without restartPolicy=Always'),
    )
}

/** Exactly one handler, non-negative timings, a positive probe-level grace period. */
export function validateProbe(probe: Probe, path: string): FieldError[] {
  const errors = validateHandler(probe, path)
  for (const field of [
    'initialDelaySeconds',
    'timeoutSeconds',
    'periodSeconds',
    'successThreshold',
    'failureThreshold',
  ] as const) {
    errors.push(...nonNegative(probe[field], `${path}.${field}`))
  }
  const grace = probe.terminationGracePeriodSeconds
  if (typeof grace === 'number' && grace <= 0)
    errors.push(invalid(`${path}.terminationGracePeriodSeconds`, grace, 'must be greater than 0'))
  return errors
}

function successThresholdOne(probe: Probe, path: string): FieldError[] {
  return probe.successThreshold === 1
    ? []
    : [invalid(`${path}.successThreshold`, probe.successThreshold ?? 0, 'must be 1')]
}

/** The first handler counts; every further one is Forbidden; none at all is Required. */
function validateHandler(probe: Probe, path: string): FieldError[] {
  const errors: FieldError[] = []
  let handlers = 0
  for (const handler of HANDLERS) {
    const action: unknown = probe[handler]
    if (action === undefined || action === null) continue
    if (handlers > 0) {
      errors.push(forbidden(`${path}.${handler}`, 'may not specify more than 1 handler type'))
      continue
    }
    handlers++
    errors.push(...validateAction(handler, isRecord(action) ? action : {}, `${path}.${handler}`))
  }
  if (handlers === 0) errors.push(required(path, 'must specify a handler type'))
  return errors
}

function validateAction(
  handler: (typeof HANDLERS)[number],
  action: Record<string, unknown>,
  path: string,
): FieldError[] {
  switch (handler) {
    case 'exec':
      return Array.isArray(action.command) && action.command.length > 0
        ? []
        : [required(`${path}.command`, '')]
    case 'httpGet':
      return validateHTTPGet(action, path)
    case 'tcpSocket':
    case 'grpc':
      return validatePortNumOrName(action.port, `${path}.port`)
  }
}

function validateHTTPGet(action: Record<string, unknown>, path: string): FieldError[] {
  const errors: FieldError[] = []
  if (!text(action.path)) errors.push(required(`${path}.path`, ''))
  errors.push(...validatePortNumOrName(action.port, `${path}.port`))
  const scheme = text(action.scheme)
  if (scheme !== 'HTTP' && scheme !== 'HTTPS')
    errors.push(notSupported(`${path}.scheme`, scheme, ['HTTP', 'HTTPS']))
  for (const [header] of indexed<{name?: unknown}>(action.httpHeaders)) {
    const name = text(isRecord(header) ? header.name : '')
    if (!new RegExp(`^${HTTP_HEADER_NAME_FMT}$`).test(name)) {
      errors.push(
        invalid(
          `${path}.httpHeaders`,
          name,
          regexError(HTTP_HEADER_NAME_MSG, HTTP_HEADER_NAME_FMT, 'X-Header-Name'),
        ),
      )
    }
  }
  return errors
}
