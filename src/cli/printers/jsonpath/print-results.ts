/** How kubectl writes results (client-go's PrintResults): values of one node joined by a space, nothing added. */
import {formatGoNumber} from './go-format.js'
import {marshalGoJson} from './go-json.js'
import {GoNumber, NO_VALUE} from './go-values.js'

/** One value as text: maps and lists as compact JSON, strings raw, numbers and booleans as Go prints them. */
export function valueText(value: unknown): string {
  if (value === NO_VALUE) return '<no value>'
  if (value === null || value === undefined) return 'null'
  if (typeof value === 'string') return value
  if (typeof value === 'boolean') return String(value)
  if (typeof value === 'number' || value instanceof GoNumber) return formatGoNumber(value)
  return marshalGoJson(value)
}

/** The output of a whole template: each node's values space-separated, the nodes' outputs concatenated. */
export function printResults(results: readonly (readonly unknown[])[]): string {
  return results.map((values) => values.map(valueText).join(' ')).join('')
}
