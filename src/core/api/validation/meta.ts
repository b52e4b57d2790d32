/**
 * metadata checks every kind shares (apimachinery pkg/api/validation/objectmeta.go ValidateObjectMeta, plus
 * core's validateKubeFinalizerName).
 */
import type {FieldError} from '../field.js'
import {forbidden, invalid, required} from '../field.js'
import type {NameRule} from '../names.js'
import {
  validateAnnotations,
  validateDNS1123Label,
  validateGenerateName,
  validateLabelKey,
  validateLabels,
  validateName,
} from '../names.js'
import type {ObjectMeta, OwnerReference} from '../types.js'
import {nonNegative} from './scalars.js'
import {indexed, isRecord, stringMap, text} from './shape.js'

/** Finalizer names Kubernetes knows without a domain prefix (helper.IsStandardFinalizerName). */
const STANDARD_FINALIZERS: ReadonlySet<string> = new Set(['kubernetes', 'orphan', 'foregroundDeletion'])

/** Validates metadata on create and update; `rule` is the kind's name rule, `namespaced` its scope. */
export function validateObjectMeta(meta: ObjectMeta, rule: NameRule, namespaced: boolean): FieldError[] {
  const errors = [
    ...validateGenerateName(meta.generateName, rule, 'metadata.generateName'),
    ...validateName(meta.name, rule, 'metadata.name'),
  ]
  if (namespaced) {
    if (!meta.namespace) errors.push(required('metadata.namespace', ''))
    else errors.push(...validateDNS1123Label(meta.namespace, 'metadata.namespace'))
  } else if (meta.namespace) {
    errors.push(forbidden('metadata.namespace', 'not allowed on this type'))
  }
  errors.push(...nonNegative(meta.generation, 'metadata.generation'))
  errors.push(...validateLabels(stringMap(meta.labels), 'metadata.labels'))
  errors.push(...validateAnnotations(stringMap(meta.annotations), 'metadata.annotations'))
  errors.push(...validateOwnerReferences(meta.ownerReferences, 'metadata.ownerReferences'))
  errors.push(...validateFinalizers(meta.finalizers, 'metadata.finalizers'))
  return errors
}

/** Each reference complete, and at most one of them the controller (errors name the list, not an index). */
export function validateOwnerReferences(references: unknown, path: string): FieldError[] {
  const errors: FieldError[] = []
  let firstController = ''
  for (const [reference] of indexed<OwnerReference>(references)) {
    if (!isRecord(reference)) continue
    const version = text(reference.apiVersion).split('/').pop() ?? ''
    if (!version)
      errors.push(invalid(`${path}.apiVersion`, text(reference.apiVersion), 'version must not be empty'))
    if (!reference.kind) errors.push(invalid(`${path}.kind`, text(reference.kind), 'must not be empty'))
    if (!reference.name) errors.push(invalid(`${path}.name`, text(reference.name), 'must not be empty'))
    if (!reference.uid) errors.push(invalid(`${path}.uid`, text(reference.uid), 'must not be empty'))
    if (reference.controller !== true) continue
    const current = `${reference.kind}/${reference.name}`
    if (!firstController) firstController = current
    else {
      const detail = `Only one reference can have Controller set to true. Found "true" in references for ${firstController} and ${current}`
      errors.push(invalid(path, references, detail))
    }
  }
  return errors
}

/** Finalizers are qualified names; bare ones must be standard; orphan and foregroundDeletion exclude each other. */
export function validateFinalizers(finalizers: unknown, path: string): FieldError[] {
  const errors: FieldError[] = []
  const names = indexed<unknown>(finalizers).map(([name]) => text(name))
  for (const name of names) errors.push(...validateFinalizerName(name, path))
  names.forEach((name, i) => errors.push(...validateKubeFinalizerName(name, `${path}[${i}]`)))
  if (names.includes('orphan') && names.includes('foregroundDeletion')) {
    errors.push(invalid(path, names, 'finalizer orphan and foregroundDeletion cannot be both set'))
  }
  return errors
}

/** A finalizer name is a qualified name (apimachinery ValidateFinalizerName). */
export function validateFinalizerName(name: string, path: string): FieldError[] {
  return validateLabelKey(name, path)
}

/** A finalizer without a domain must be one Kubernetes defines. */
export function validateKubeFinalizerName(name: string, path: string): FieldError[] {
  if (name.includes('/') || STANDARD_FINALIZERS.has(name)) return []
  return [invalid(path, name, 'name is neither a standard finalizer name nor is it fully qualified')]
}
