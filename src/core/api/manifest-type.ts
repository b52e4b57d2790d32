/** Which served type a manifest's apiVersion and kind name, with the API server's refusals. */
import {UserError} from './errors.js'
import type {ResourceType} from './resources.js'
import {apiVersionOf, typeForKind} from './resources.js'
import type {KubeObject} from './types.js'

/** Resolves a manifest's type; a missing or unknown kind/apiVersion is refused with kubectl's words. */
export function resolveManifestType(object: Pick<KubeObject, 'apiVersion' | 'kind'>): ResourceType {
  if (!object.kind) throw new UserError('error validating data: kind not set')
  if (!object.apiVersion) throw new UserError('error validating data: apiVersion not set')
  const type = typeForKind(object.kind)
  if (!type || apiVersionOf(type) !== object.apiVersion) {
    throw new UserError(
      `no matches for kind "${object.kind}" in version "${object.apiVersion}"`,
      'ensure the kind and apiVersion are ones Tugboat serves: run `tug api-resources`',
    )
  }
  return type
}
