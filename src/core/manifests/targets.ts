/** The objects a manifest names, for `tug delete -f`. */
import {UserError} from '../api/errors.js'
import {resolveManifestType} from '../api/manifest-type.js'
import type {TypeRequest} from '../queries/get-objects.js'
import type {ManifestDocument} from './parse.js'

/** Groups the documents' names by type; documents must be in `namespace` (or name none). */
export function targetsOfManifests(documents: readonly ManifestDocument[], namespace: string): TypeRequest[] {
  const targets: TypeRequest[] = []
  for (const {object, source, document} of documents) {
    const type = resolveManifestType(object)
    const own = object.metadata.namespace
    if (type.namespaced && own && own !== namespace) {
      throw new UserError(
        `the namespace from the provided object "${own}" does not match the namespace "${namespace}". You must pass '--namespace=${own}' to perform this operation.`,
      )
    }
    if (!object.metadata.name) throw new UserError(`document ${document} of ${source} has no metadata.name`)
    const existing = targets.find((target) => target.type === type)
    if (existing) existing.names.push(object.metadata.name)
    else targets.push({type, names: [object.metadata.name]})
  }
  return targets
}
