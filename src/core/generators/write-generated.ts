/** The last step of `tug run` and `tug create <generator>`: send the generated object, or only show it. */
import type {ApiServer} from '../api/api-server.js'
import type {KubeObject} from '../api/types.js'
import type {DryRun} from './dry-run.js'

/** What a generator produced: the object as built (client dry run) or as the API server returned it. */
export interface GeneratedObject {
  object: KubeObject
  dryRun: DryRun
}

/**
 * A client dry run returns the object exactly as built, without asking the API server (so no defaults, and
 * the namespace only when it was given explicitly, as kubectl prints it); otherwise the API server creates it,
 * or with a server dry run defaults and validates it without storing.
 */
export function writeGenerated(
  api: ApiServer,
  object: KubeObject,
  namespace: string,
  dryRun: DryRun,
): GeneratedObject {
  if (dryRun === 'client') return {object, dryRun}
  return {object: api.create(object, {namespace, dryRun: dryRun === 'server'}), dryRun}
}
