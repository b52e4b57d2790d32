/**
 * Go's `%#v` rendering of the few structs the API server puts into field errors (a LabelSelector, a Taint, a
 * ServicePort key, a DeploymentStrategy), so messages read as kubectl 1.28 prints them, e.g.
 * `spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"b"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable`.
 * Each gives a GoLiteral to pass as the field error's value; the fields inside are rendered by goValue.
 */
import {GoLiteral, goValue} from '../field.js'
import type {
  DeploymentStrategy,
  LabelSelector,
  LabelSelectorRequirement,
  ServicePort,
  Taint,
} from '../types.js'
import {isRecord} from './shape.js'

/** A string map, `map[string]string(nil)` when absent as Go prints a nil map. */
export function goStringMap(map: unknown): GoLiteral {
  return new GoLiteral(isRecord(map) ? goValue(map) : 'map[string]string(nil)')
}

/** `v1.LabelSelector{MatchLabels:..., MatchExpressions:...}`. */
export function goLabelSelector(selector: LabelSelector): GoLiteral {
  const expressions = Array.isArray(selector.matchExpressions)
    ? `[]v1.LabelSelectorRequirement{${selector.matchExpressions.map(goRequirement).join(', ')}}`
    : '[]v1.LabelSelectorRequirement(nil)'
  return new GoLiteral(
    `v1.LabelSelector{MatchLabels:${goStringMap(selector.matchLabels).text}, MatchExpressions:${expressions}}`,
  )
}

function goRequirement(requirement: LabelSelectorRequirement): string {
  const values = Array.isArray(requirement.values) ? goValue(requirement.values) : '[]string(nil)'
  // An empty string list prints as []string{} in Go; goValue gives the same.
  return `v1.LabelSelectorRequirement{Key:${goValue(requirement.key ?? '')}, Operator:${goValue(requirement.operator ?? '')}, Values:${values}}`
}

/** `core.Taint{Key:"k", Value:"", Effect:"NoSchedule", TimeAdded:(*v1.Time)(nil)}`. */
export function goTaint(taint: Taint): GoLiteral {
  // Go prints a set pointer as an address; the timestamp is the useful part for a reader.
  const timeAdded = taint.timeAdded ? `(*v1.Time)(${taint.timeAdded})` : '(*v1.Time)(nil)'
  return new GoLiteral(
    `core.Taint{Key:${goValue(taint.key ?? '')}, Value:${goValue(taint.value ?? '')}, Effect:${goValue(taint.effect ?? '')}, TimeAdded:${timeAdded}}`,
  )
}

/** The (protocol, port) key the API server compares Service ports by, as a core.ServicePort. */
export function goServicePortKey(port: Pick<ServicePort, 'protocol' | 'port'>): GoLiteral {
  return new GoLiteral(
    `core.ServicePort{Name:"", Protocol:${goValue(port.protocol ?? '')}, AppProtocol:(*string)(nil), Port:${goValue(port.port ?? 0)}, ` +
      `TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}`,
  )
}

/** `apps.DeploymentStrategy{Type:"BlueGreen", RollingUpdate:(*apps.RollingUpdateDeployment)(nil)}`. */
export function goDeploymentStrategy(strategy: DeploymentStrategy): GoLiteral {
  // Go prints a set pointer as an address, which tells a reader nothing; this says the struct is there.
  const rollingUpdate = strategy.rollingUpdate
    ? '&apps.RollingUpdateDeployment{...}'
    : '(*apps.RollingUpdateDeployment)(nil)'
  return new GoLiteral(
    `apps.DeploymentStrategy{Type:${goValue(strategy.type ?? '')}, RollingUpdate:${rollingUpdate}}`,
  )
}
