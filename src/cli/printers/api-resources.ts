/** `tug api-resources`: the served types, in kubectl's columns. */
import type {ResourceType} from '../../core/api/resources.js'
import {apiVersionOf} from '../../core/api/resources.js'
import {alignText, TABLE_WRITER_OPTIONS} from './tabwriter.js'

/** NAME SHORTNAMES APIVERSION NAMESPACED KIND, sorted by name as kubectl sorts them. */
export function printApiResources(types: readonly ResourceType[]): string {
  const rows = [...types]
    .sort((a, b) => a.plural.localeCompare(b.plural))
    .map((type) => [
      type.plural,
      type.shortNames.join(','),
      apiVersionOf(type),
      String(type.namespaced),
      type.kind,
    ])
  const lines = [['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND'], ...rows].map(
    (cells) => `${cells.join('\t')}\n`,
  )
  return alignText(lines.join(''), TABLE_WRITER_OPTIONS)
}
