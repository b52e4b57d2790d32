/** What apply and create print per object: `deployment.apps/web created`, or the objects in a format. */
import type {AppliedObject} from '../../core/apply/apply-manifests.js'
import {asDocument, toJson, toName, toYaml} from './serialize.js'

/** kubectl's dry-run suffixes. */
const DRY_RUN_SUFFIX: Record<string, string> = {none: '', client: ' (dry run)', server: ' (server dry run)'}

/** One line per object, or the objects as YAML/JSON/names. */
export function printAppliedObjects(results: readonly AppliedObject[], output: string | undefined, dryRun = 'none'): string {
  const objects = results.map((result) => result.object)
  if (output === 'yaml') return toYaml(asDocument(objects, true))
  if (output === 'json') return toJson(asDocument(objects, true))
  if (output === 'name') return objects.map((object) => `${toName(object)}\n`).join('')
  const suffix = DRY_RUN_SUFFIX[dryRun] ?? ''
  return results.map(({object, operation}) => `${toName(object)} ${operation}${suffix}\n`).join('')
}
