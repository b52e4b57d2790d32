/**
 * The errors core code throws. The base command turns each into kubectl's wording and an exit code:
 * ApiError prints `Error from server (<Reason>): <message>`, InvalidError the invalid-object message with
 * every cause, UserError `error: <message>`. Anything else is a bug.
 */
import type {FieldError} from './field.js'
import {formatFieldError} from './field.js'

/** Any error Tugboat expects and explains; exit code 1 like kubectl. */
export class TugError extends Error {
  override name = 'TugError'
  readonly exitCode: number = 1
}

/** A client-side mistake: kubectl prints these as `error: <message>`. */
export class UserError extends TugError {
  override name = 'UserError'
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message)
  }
}

/** The reasons of Kubernetes' StatusError that Tugboat produces. */
export type StatusReason =
  'NotFound' | 'AlreadyExists' | 'Conflict' | 'Invalid' | 'BadRequest' | 'Forbidden' | 'Gone'

/** An error "from the server": the API layer refused the request. */
export class ApiError extends TugError {
  override name = 'ApiError'
  constructor(
    readonly reason: StatusReason,
    message: string,
  ) {
    super(message)
  }
}

/** `pods "web" not found`. */
export function notFound(resource: string, name: string): ApiError {
  return new ApiError('NotFound', `${resource} "${name}" not found`)
}

/** `deployments.apps "web" already exists`. */
export function alreadyExists(resource: string, name: string): ApiError {
  return new ApiError('AlreadyExists', `${resource} "${name}" already exists`)
}

/** A write based on a stale resourceVersion, in the API server's words. */
export function conflict(resource: string, name: string): ApiError {
  return new ApiError(
    'Conflict',
    `Operation cannot be fulfilled on ${resource} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
  )
}

/** A 422: the object failed validation; carries every cause with its field path. */
export class InvalidError extends ApiError {
  override name = 'InvalidError'
  constructor(
    readonly kind: string,
    readonly objectName: string,
    readonly causes: readonly FieldError[],
  ) {
    super('Invalid', invalidMessage(kind, objectName, causes))
  }
}

/** kubectl's rendering: one cause on the same line, several as a `* ` list. */
function invalidMessage(kind: string, name: string, causes: readonly FieldError[]): string {
  const head = `The ${kind} "${name}" is invalid`
  if (causes.length === 1) return `${head}: ${formatFieldError(causes[0]!)}`
  return `${head}: \n${causes.map((cause) => `* ${formatFieldError(cause)}`).join('\n')}`
}
