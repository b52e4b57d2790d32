/**
 * Go's `%#v` rendering of the few structs the API server puts into field errors (a LabelSelector, a Taint, a
 * ServicePort key), so messages read as kubectl 1.28 prints them, e.g.
 * `spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"b"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable`.
 * field.ts renders plain values; a struct literal travels in the detail, ahead of the real detail text.
 */
import type {FieldError} from '../field.js'
import {goValue} from '../field.js'
import type {LabelSelector, LabelSelectorRequirement, ServicePort, Taint} from '../types.js'
import {isRecord} from './shape.js'

/** `<path>: Invalid value: <literal>: <detail>` with a pre-rendered Go literal. */
export function invalidLiteral(field: string, literal: string, detail: string): FieldError {
  return {type: 'Invalid value', field, detail: `${literal}: ${detail}`}
}

/** `<path>: Duplicate value: <literal>[: <detail>]` with a pre-rendered Go literal. */
export function duplicateLiteral(field: string, literal: string, detail?: string): FieldError {
  return {type: 'Duplicate value', field, detail: detail ? `${literal}: ${detail}` : literal}
}

/** A string map, `map[string]string(nil)` when absent as Go prints a nil map. */
export function goStringMap(map: unknown): string {
  return isRecord(map) ? goValue(map) : 'map[string]string(nil)'
}

/** `v1.LabelSelector{MatchLabels:..., MatchExpressions:...}`. */
export function goLabelSelector(selector: LabelSelector): string {
  const expressions = Array.isArray(selector.matchExpressions)
    ? `[]v1.LabelSelectorRequirement{${selector.matchExpressions.map(goRequirement).join(', ')}}`
    : '[]v1.LabelSelectorRequirement(nil)'
  return `v1.LabelSelector{MatchLabels:${goStringMap(selector.matchLabels)}, MatchExpressions:${expressions}}`
}

function goRequirement(requirement: LabelSelectorRequirement): string {
  const values = Array.isArray(requirement.values) ? goValue(requirement.values) : '[]string(nil)'
  // An empty string list prints as []string{} in Go; goValue gives the same.
  return `v1.LabelSelectorRequirement{Key:${goValue(requirement.key ?? '')}, Operator:${goValue(requirement.operator ?? '')}, Values:${values}}`
}

/** `core.Taint{Key:"k", Value:"", Effect:"NoSchedule", TimeAdded:(*v1.Time)(nil)}`. */
export function goTaint(taint: Taint): string {
  // Go prints a set pointer as an address; the timestamp is the useful part for a reader.
  const timeAdded = taint.timeAdded ? `(*v1.Time)(${taint.timeAdded})` : '(*v1.Time)(nil)'
  return `core.Taint{Key:${goValue(taint.key ?? '')}, Value:${goValue(taint.value ?? '')}, Effect:${goValue(taint.effect ?? '')}, TimeAdded:${timeAdded}}`
}

/** The (protocol, port) key the API server compares Service ports by, as a core.ServicePort. */
export function goServicePortKey(port: Pick<ServicePort, 'protocol' | 'port'>): string {
  return (
    `core.ServicePort{Name:"", Protocol:${goValue(port.protocol ?? '')}, AppProtocol:(*string)(nil), Port:${goValue(port.port ?? 0)}, ` +
    `TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}`
  )
}
