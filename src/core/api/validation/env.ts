/** Container environment variables (k8s@1.28 ValidateEnv, validateEnvVarValueFrom; apimachinery IsEnvVarName). */
import type {FieldError} from '../field.js'
import {invalid, required} from '../field.js'
import {regexError} from '../names.js'
import type {EnvVar} from '../types.js'
import {indexed, isRecord, text} from './shape.js'

const ENV_VAR_NAME_FMT = '[-._a-zA-Z][-._a-zA-Z0-9]*'
const ENV_VAR_NAME_RE = new RegExp(`^${ENV_VAR_NAME_FMT}$`)
const ENV_VAR_NAME_MSG =
  "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit"
const VALUE_FROM_SOURCES = ['fieldRef', 'resourceFieldRef', 'configMapKeyRef', 'secretKeyRef'] as const

/** Problems with an environment variable name; empty when valid. */
export function envVarNameErrors(name: string): string[] {
  const errors: string[] = []
  if (!ENV_VAR_NAME_RE.test(name))
    errors.push(regexError(ENV_VAR_NAME_MSG, ENV_VAR_NAME_FMT, 'my.env-name', 'MY_ENV.NAME', 'MyEnvName1'))
  if (name === '.') errors.push("must not be '.'")
  else if (name === '..') errors.push("must not be '..'")
  else if (name.startsWith('..')) errors.push("must not start with '..'")
  return errors
}

/** Each variable named validly; valueFrom names exactly one source and excludes value. */
export function validateEnv(env: unknown, path: string): FieldError[] {
  const errors: FieldError[] = []
  for (const [variable, i] of indexed<EnvVar>(env)) {
    const at = `${path}[${i}]`
    if (!isRecord(variable)) {
      errors.push(invalid(at, variable, 'must be an object'))
      continue
    }
    const name = text(variable.name)
    if (!name) errors.push(required(`${at}.name`, ''))
    else errors.push(...envVarNameErrors(name).map((message) => invalid(`${at}.name`, name, message)))
    errors.push(...validateValueFrom(variable, `${at}.valueFrom`))
  }
  return errors
}

function validateValueFrom(variable: EnvVar, path: string): FieldError[] {
  if (variable.valueFrom === undefined || variable.valueFrom === null) return []
  const source = isRecord(variable.valueFrom) ? variable.valueFrom : {}
  const count = VALUE_FROM_SOURCES.filter((key) => source[key] !== undefined && source[key] !== null).length
  if (count === 0)
    return [
      invalid(
        path,
        '',
        'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`',
      ),
    ]
  if (text(variable.value)) return [invalid(path, '', 'may not be specified when `value` is not empty')]
  if (count > 1) return [invalid(path, '', 'may not have more than one field specified at a time')]
  return []
}
