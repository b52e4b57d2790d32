/**
 * Container resources (k8s@1.28 ValidateResourceRequirements, validateContainerResourceName,
 * ValidateResourceQuantityValue): known names, well-formed non-negative quantities, requests within limits.
 */
import type {FieldError} from '../field.js'
import {invalid, required} from '../field.js'
import {validateLabelKey} from '../names.js'
import type {Quantity} from '../quantity.js'
import {compareQuantities, formatQuantity, milliValue, tryParseQuantity} from '../quantity.js'
import {NEGATIVE_MESSAGE} from './scalars.js'
import {isRecord} from './shape.js'

const CONTAINER_RESOURCES: ReadonlySet<string> = new Set(['cpu', 'memory', 'ephemeral-storage'])
/** Resource names valid elsewhere (quota), so only the "for containers" complaint applies to them. */
const OTHER_STANDARD_RESOURCES: ReadonlySet<string> = new Set([
  'pods',
  'services',
  'replicationcontrollers',
  'resourcequotas',
  'secrets',
  'configmaps',
  'persistentvolumeclaims',
  'storage',
  'requests.cpu',
  'requests.memory',
  'requests.storage',
  'requests.ephemeral-storage',
  'limits.cpu',
  'limits.memory',
  'limits.ephemeral-storage',
])

/** limits and requests of one container at `path` (`spec.containers[0].resources`). */
export function validateResources(resources: unknown, path: string): FieldError[] {
  if (!isRecord(resources)) return []
  const errors: FieldError[] = []
  const limits = isRecord(resources.limits) ? resources.limits : {}
  const requests = isRecord(resources.requests) ? resources.requests : {}
  const parsedLimits = new Map<string, Quantity>()
  for (const [name, value] of Object.entries(limits)) {
    const at = `${path}.limits[${name}]`
    errors.push(...validateResourceName(name, at))
    const quantity = checkQuantity(name, value, at, errors)
    if (quantity) parsedLimits.set(name, quantity)
  }
  for (const [name, value] of Object.entries(requests)) {
    const at = `${path}.requests[${name}]`
    errors.push(...validateResourceName(name, at))
    const quantity = checkQuantity(name, value, at, errors)
    const limit = parsedLimits.get(name)
    if (Object.hasOwn(limits, name)) {
      if (!quantity || !limit) continue
      const order = compareQuantities(quantity, limit)
      if (order !== 0 && !overcommitAllowed(name)) {
        errors.push(
          invalid(
            `${path}.requests`,
            formatQuantity(quantity),
            `must be equal to ${name} limit of ${formatQuantity(limit)}`,
          ),
        )
      } else if (order > 0) {
        errors.push(
          invalid(
            `${path}.requests`,
            formatQuantity(quantity),
            `must be less than or equal to ${name} limit of ${formatQuantity(limit)}`,
          ),
        )
      }
    } else if (!overcommitAllowed(name)) {
      errors.push(required(`${path}.limits`, 'Limit must be set for non overcommitable resources'))
    }
  }
  return errors
}

/** cpu, memory, ephemeral-storage, hugepages-<size>, or a domain-qualified extended resource. */
export function validateResourceName(name: string, path: string): FieldError[] {
  const errors = validateLabelKey(name, path)
  if (errors.length) return errors
  if (!name.includes('/')) {
    if (isContainerResource(name)) return []
    if (!OTHER_STANDARD_RESOURCES.has(name))
      errors.push(invalid(path, name, 'must be a standard resource type or fully qualified'))
    errors.push(invalid(path, name, 'must be a standard resource for containers'))
  } else if (!isNative(name) && name.startsWith('requests.')) {
    errors.push(invalid(path, name, "doesn't follow extended resource name standard"))
  }
  return errors
}

/** Parses a quantity, reporting a malformed, negative or (for extended resources) fractional one. */
function checkQuantity(
  name: string,
  value: unknown,
  path: string,
  errors: FieldError[],
): Quantity | undefined {
  const parsed =
    typeof value === 'string' || typeof value === 'number'
      ? tryParseQuantity(value)
      : {error: 'must be a string or a number'}
  if ('error' in parsed) {
    errors.push(invalid(path, value ?? null, parsed.error))
    return undefined
  }
  if (parsed.nanos < 0n) errors.push(invalid(path, formatQuantity(parsed), NEGATIVE_MESSAGE))
  if (isExtended(name) && milliValue(parsed) % 1000 !== 0)
    errors.push(invalid(path, formatQuantity(parsed), 'must be an integer'))
  return parsed
}

function isContainerResource(name: string): boolean {
  return CONTAINER_RESOURCES.has(name) || name.startsWith('hugepages-')
}

/** Names without a domain, or in kubernetes.io, belong to Kubernetes itself. */
function isNative(name: string): boolean {
  return !name.includes('/') || name.includes('kubernetes.io/')
}

function isExtended(name: string): boolean {
  return !isNative(name) && !name.startsWith('requests.')
}

/** Only native, non-hugepage resources may request less than their limit. */
function overcommitAllowed(name: string): boolean {
  return isNative(name) && !name.startsWith('hugepages-')
}
