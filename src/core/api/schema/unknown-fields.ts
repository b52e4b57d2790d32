/** Strict decoding: the field paths of an object that its kind's schema does not know. (STUB: being written.) */
import type {KubeObject} from '../types.js'

/** Paths such as `spec.replicass` or `spec.template.spec.containers[0].imagee`, in document order. */
export function unknownFields(_object: KubeObject): string[] {
  return []
}
