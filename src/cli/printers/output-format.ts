/** The `-o/--output` flag: parsed once, validated with kubectl's message. */
import {UserError} from '../../core/api/errors.js'

/** A parsed output format. */
export type OutputFormat =
  | {type: 'table'; wide: boolean}
  | {type: 'yaml'}
  | {type: 'json'}
  | {type: 'name'}
  | {type: 'jsonpath'; template: string}

const ALLOWED = [
  'json',
  'yaml',
  'name',
  'go-template',
  'go-template-file',
  'template',
  'templatefile',
  'jsonpath',
  'jsonpath-as-json',
  'jsonpath-file',
  'custom-columns',
  'custom-columns-file',
  'wide',
]

/** Parses `-o` as kubectl does; unsupported formats get kubectl's list of allowed ones. */
export function parseOutputFormat(value: string | undefined): OutputFormat {
  if (value === undefined || value === '') return {type: 'table', wide: false}
  if (value === 'wide') return {type: 'table', wide: true}
  if (value === 'yaml' || value === 'json' || value === 'name') return {type: value}
  const jsonpath = /^jsonpath=(.*)$/s.exec(value)
  if (jsonpath) return {type: 'jsonpath', template: jsonpath[1] ?? ''}
  throw new UserError(
    `unable to match a printer suitable for the output format "${value}", allowed formats are: ${ALLOWED.join(',')}`,
  )
}
