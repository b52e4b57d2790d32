/**
 * Node selection by labels (component-helpers scheduling/corev1/nodeaffinity): `nodeSelector` (every label must
 * match) ANDed with the required node affinity (terms ORed, each term's requirements ANDed), and the preferred
 * terms that scoring adds up. A term Kubernetes cannot parse (a bad Gt value, an unknown field) matches nothing.
 */
import type {Node, NodeSelectorRequirement, NodeSelectorTerm, PodSpec} from '../api/types.js'

/** Whether the node satisfies the pod's nodeSelector and required node affinity. */
export function matchesRequiredNodeAffinity(spec: PodSpec, node: Node): boolean {
  const labels = node.metadata.labels ?? {}
  for (const [key, value] of Object.entries(spec.nodeSelector ?? {})) {
    if (labels[key] !== value) return false
  }
  const required = spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution
  if (!required) return true
  return (required.nodeSelectorTerms ?? []).some((term) => matchesTerm(term, node))
}

/** Σ weights of the preferred node affinity terms the node matches (NodeAffinity's raw score). */
export function preferredAffinityWeight(spec: PodSpec, node: Node): number {
  const preferred = spec.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []
  return preferred
    .filter((term) => matchesTerm(term.preference, node))
    .reduce((sum, term) => sum + (term.weight ?? 0), 0)
}

/** Whether the pod states any preferred node affinity (if not, the score plugin has nothing to say). */
export function hasPreferredAffinity(spec: PodSpec): boolean {
  return (spec.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []).length > 0
}

/** An empty term matches no node; otherwise every expression and field requirement must hold. */
export function matchesTerm(term: NodeSelectorTerm | undefined, node: Node): boolean {
  const expressions = term?.matchExpressions ?? []
  const fields = term?.matchFields ?? []
  if (expressions.length === 0 && fields.length === 0) return false
  const labels = node.metadata.labels ?? {}
  const fieldValues: Record<string, string> = {'metadata.name': node.metadata.name ?? ''}
  return (
    expressions.every((requirement) => matchesRequirement(requirement, labels)) &&
    fields.every(
      (requirement) =>
        Object.hasOwn(fieldValues, requirement.key) &&
        (requirement.operator === 'In' || requirement.operator === 'NotIn') &&
        (requirement.values ?? []).length === 1 &&
        matchesRequirement(requirement, fieldValues),
    )
  )
}

/** One requirement against a label set; In/NotIn/Exists/DoesNotExist as label selectors, Gt/Lt as integers. */
export function matchesRequirement(
  requirement: NodeSelectorRequirement,
  labels: Readonly<Record<string, string>>,
): boolean {
  const present = Object.hasOwn(labels, requirement.key)
  const value = labels[requirement.key] ?? ''
  const values = requirement.values ?? []
  switch (requirement.operator) {
    // labels.NewRequirement refuses In/NotIn without values and Exists/DoesNotExist with some.
    case 'In':
      return values.length > 0 && present && values.includes(value)
    case 'NotIn':
      return values.length > 0 && (!present || !values.includes(value))
    case 'Exists':
      return values.length === 0 && present
    case 'DoesNotExist':
      return values.length === 0 && !present
    case 'Gt':
    case 'Lt':
      return present && compareIntegers(requirement.operator, value, values)
    default:
      return false
  }
}

/** `Gt`/`Lt` need exactly one integer value, and the label must parse as an integer too (strconv.ParseInt). */
function compareIntegers(operator: 'Gt' | 'Lt', label: string, values: readonly string[]): boolean {
  const [bound] = values
  if (values.length !== 1 || bound === undefined || !INTEGER.test(bound) || !INTEGER.test(label)) return false
  return operator === 'Gt' ? BigInt(label) > BigInt(bound) : BigInt(label) < BigInt(bound)
}

const INTEGER = /^[+-]?[0-9]+$/
