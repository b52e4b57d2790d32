/** v1 Node (k8s@1.28 ValidateNode, validateNodeTaints): of its spec, only taints have rules. */
import type {FieldError} from '../field.js'
import {duplicate, invalid} from '../field.js'
import {isValidLabelValue, validateLabelKey} from '../names.js'
import type {Node, Taint} from '../types.js'
import {goTaint} from './go-value.js'
import {indexed, isRecord, text} from './shape.js'
import {validateTaintEffect} from './tolerations.js'

/** spec of a Node. */
export function validateNodeSpec(node: Node): FieldError[] {
  const spec = isRecord(node.spec) ? node.spec : {}
  // Kubernetes reports taints under metadata (ValidateNode passes the metadata path); kept for identical messages.
  return validateTaints(spec.taints, 'metadata.taints')
}

/** Each taint: a label-key key, a label-value value, a known effect; unique by (key, effect). */
export function validateTaints(taints: unknown, path: string): FieldError[] {
  const errors: FieldError[] = []
  const seen = new Set<string>()
  for (const [taint, i] of indexed<Taint>(taints)) {
    const at = `${path}[${i}]`
    if (!isRecord(taint)) {
      errors.push(invalid(at, taint, 'must be an object'))
      continue
    }
    errors.push(...validateLabelKey(text(taint.key), `${at}.key`))
    const problems = isValidLabelValue(text(taint.value))
    if (problems.length) errors.push(invalid(`${at}.value`, text(taint.value), problems.join(';')))
    errors.push(...validateTaintEffect(taint.effect, false, `${at}.effect`))
    const key = JSON.stringify([text(taint.effect), text(taint.key)])
    if (seen.has(key))
      errors.push(duplicate(at, goTaint(taint), 'taints must be unique by key and effect pair'))
    seen.add(key)
  }
  return errors
}
