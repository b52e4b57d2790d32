/** `Controlled By:  ReplicaSet/web-7d4b9c` (describe.go printController). */
import type {KubeObject} from '../../../core/api/types.js'

/** The kind/name of the object's controller, or '' when it has none. */
export function controllerOf(object: KubeObject): string {
  const owner = object.metadata.ownerReferences?.find((reference) => reference.controller)
  return owner ? `${owner.kind}/${owner.name}` : ''
}
