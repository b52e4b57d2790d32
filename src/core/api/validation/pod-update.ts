/**
 * What a Pod update may change (k8s@1.28 ValidatePodUpdate): container images, a shorter activeDeadlineSeconds,
 * added tolerations, and little else, because a running pod's containers are not rebuilt for a new spec.
 */
import type {FieldError} from '../field.js'
import {forbidden, invalid, required} from '../field.js'
import {cloneObject, jsonEqual} from '../object-meta.js'
import type {Container, PodSpec} from '../types.js'
import {inclusiveRange} from './scalars.js'
import {indexed, isRecord, records, text} from './shape.js'
import {validateOnlyAddedTolerations} from './tolerations.js'

type UpdatableSpec = PodSpec & {activeDeadlineSeconds?: number}

const UPDATABLE_FIELDS = [
  '`spec.containers[*].image`',
  '`spec.initContainers[*].image`',
  '`spec.activeDeadlineSeconds`',
  '`spec.tolerations` (only additions to existing tolerations)',
  '`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
]
const MAX_INT32 = 2147483647

/** The update rules, on defaulted specs; a rule that stops Kubernetes' checks stops them here too. */
export function validatePodUpdate(next: UpdatableSpec, previous: UpdatableSpec): FieldError[] {
  const errors: FieldError[] = []
  for (const list of ['containers', 'initContainers'] as const) {
    const result = validateContainerUpdates(next[list], previous[list], `spec.${list}`)
    errors.push(...result.errors)
    if (result.stop) return errors
  }
  const deadline = validateDeadlineUpdate(next.activeDeadlineSeconds, previous.activeDeadlineSeconds)
  errors.push(...deadline.errors)
  if (deadline.stop) return errors
  errors.push(...validateOnlyAddedTolerations(next.tolerations, previous.tolerations, 'spec.tolerations'))
  if (jsonEqual(next, previous)) return errors
  const munged = mungeUpdatableFields(next, previous)
  if (!jsonEqual(munged, previous)) {
    const detail = `pod updates may not change fields other than ${UPDATABLE_FIELDS.join(',')}\n${specDiff(previous, munged)}`
    errors.push(forbidden('spec', detail))
  }
  return errors
}

/** Same number of containers, each still with an image free of surrounding whitespace. */
function validateContainerUpdates(
  next: unknown,
  previous: unknown,
  path: string,
): {errors: FieldError[]; stop: boolean} {
  if (indexed(next).length !== indexed(previous).length) {
    return {errors: [forbidden(path, 'pod updates may not add or remove containers')], stop: true}
  }
  const errors: FieldError[] = []
  for (const [container, i] of indexed<Container>(next)) {
    const image = text(isRecord(container) ? container.image : '')
    if (!image) errors.push(required(`${path}[${i}].image`, ''))
    if (image.trim() !== image)
      errors.push(invalid(`${path}[${i}].image`, image, 'must not have leading or trailing whitespace'))
  }
  return {errors, stop: false}
}

/** activeDeadlineSeconds may be added or shortened, never lengthened or removed. */
function validateDeadlineUpdate(
  next: number | undefined,
  previous: number | undefined,
): {errors: FieldError[]; stop: boolean} {
  const path = 'spec.activeDeadlineSeconds'
  if (next === undefined) {
    return {
      errors:
        previous === undefined
          ? []
          : [invalid(path, null, 'must not update from a positive integer to nil value')],
      stop: false,
    }
  }
  if (!Number.isInteger(next) || next < 0 || next > MAX_INT32)
    return {errors: [invalid(path, next, inclusiveRange(0, MAX_INT32))], stop: true}
  if (previous !== undefined && previous < next)
    return {errors: [invalid(path, next, 'must be less than or equal to previous value')], stop: true}
  return {errors: [], stop: false}
}

/**
 * The new spec with every allowed change put back to the old value, so any remaining difference is forbidden.
 * Tugboat binds pods by setting spec.nodeName on an unbound pod (Kubernetes uses the binding subresource),
 * so that one change is allowed too.
 */
function mungeUpdatableFields(next: UpdatableSpec, previous: UpdatableSpec): UpdatableSpec {
  const munged = cloneObject(next)
  for (const list of ['containers', 'initContainers'] as const) {
    const old = records<Container>(previous[list])
    records<Container>(munged[list]).forEach((container, i) => {
      container.image = old[i]?.image
    })
  }
  munged.activeDeadlineSeconds = previous.activeDeadlineSeconds
  munged.tolerations = previous.tolerations
  if (
    typeof previous.terminationGracePeriodSeconds === 'number' &&
    previous.terminationGracePeriodSeconds < 0 &&
    munged.terminationGracePeriodSeconds === 1
  ) {
    munged.terminationGracePeriodSeconds = previous.terminationGracePeriodSeconds
  }
  if (!previous.nodeName) munged.nodeName = previous.nodeName
  return munged
}

/** A go-cmp-like diff of the changed leaves, `-` old and `+` new, so the learner sees what was refused. */
export function specDiff(previous: unknown, next: unknown): string {
  const lines: string[] = []
  collectDiff(previous, next, '', lines)
  return ['  core.PodSpec{', ...lines, '  }'].join('\n')
}

function collectDiff(previous: unknown, next: unknown, path: string, lines: string[]): void {
  if (jsonEqual(previous, next)) return
  const bothLists = Array.isArray(previous) && Array.isArray(next)
  if (bothLists || (isRecord(previous) && isRecord(next))) {
    const left = previous as Record<string, unknown>
    const right = next as Record<string, unknown>
    const keys = bothLists
      ? Array.from({length: Math.max((previous as unknown[]).length, (next as unknown[]).length)}, (_, i) =>
          String(i),
        )
      : [...new Set([...Object.keys(left), ...Object.keys(right)])]
    for (const key of keys)
      collectDiff(left[key], right[key], bothLists ? `${path}[${key}]` : path ? `${path}.${key}` : key, lines)
    return
  }
  if (previous !== undefined) lines.push(`- \t${path}: ${JSON.stringify(previous)},`)
  if (next !== undefined) lines.push(`+ \t${path}: ${JSON.stringify(next)},`)
}
