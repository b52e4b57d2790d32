/**
 * The small command-line grammars of kubectl's generators (`pkg/generate`): `--labels a=b,c=d`, `--env K=V`
 * and `--port 80`, with kubectl's error texts.
 */
import {UserError} from '../api/errors.js'
import type {EnvVar} from '../api/types.js'

const ENV_VAR_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/

/** `a=b,c=d` to a map, as generate.ParseLabels does: exactly one `=` per pair, the last duplicate wins. */
export function parseLabelSpec(spec: string): Record<string, string> {
  if (spec === '') throw new UserError('no label spec passed')
  // No prototype: a key such as `__proto__` stays a plain (and later rejected) label key.
  const labels = Object.create(null) as Record<string, string>
  for (const pair of spec.split(',')) {
    const parts = pair.split('=')
    if (parts.length !== 2) throw new UserError(`unexpected label spec: ${pair}`)
    const [key = '', value = ''] = parts
    if (key === '') throw new UserError('unexpected empty label key')
    labels[key] = value
  }
  return labels
}

/** `K=V` strings to env vars; the value may hold further `=`; the name must be a valid variable name. */
export function parseEnvVars(specs: readonly string[]): EnvVar[] {
  return specs.map((spec) => {
    const equals = spec.indexOf('=')
    const name = equals < 0 ? '' : spec.slice(0, equals)
    // apimachinery's IsEnvVarName also refuses `.`, `..` and a `..` prefix (they would escape a directory).
    if (!ENV_VAR_NAME.test(name) || name === '.' || name.startsWith('..'))
      throw new UserError(`invalid env: ${spec}`)
    return {name, value: spec.slice(equals + 1)}
  })
}

/**
 * A port as kubectl run reads it: Go's strconv.Atoi, so `+80` and `080` pass and the range is left to the
 * API server's validation (which says `must be between 1 and 65535, inclusive`).
 */
export function parsePortArg(port: string): number {
  if (!/^[+-]?\d+$/.test(port)) {
    throw new UserError(
      `strconv.Atoi: parsing ${JSON.stringify(port)}: invalid syntax`,
      'a port is a number, e.g. --port=80',
    )
  }
  const value = Number(port)
  if (!Number.isSafeInteger(value))
    throw new UserError(`strconv.Atoi: parsing ${JSON.stringify(port)}: value out of range`)
  return value
}
