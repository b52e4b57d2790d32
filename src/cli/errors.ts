/** How errors read on a terminal: kubectl's three shapes, and a clear word when something is a bug. */
import {Errors} from '@oclif/core'
import {ApiError, InvalidError, TugError, UserError} from '../core/api/errors.js'
import {ManifestRejected} from '../core/apply/apply-manifests.js'

/** The text and exit code for an error that reached a command. */
export function describeError(error: unknown, commandId: string): {message: string; exitCode: number} {
  if (error instanceof ManifestRejected) return {message: describeRejectedManifest(error), exitCode: 1}
  if (error instanceof InvalidError) return {message: error.message, exitCode: 1}
  if (error instanceof ApiError)
    return {message: `Error from server (${error.reason}): ${error.message}`, exitCode: 1}
  if (error instanceof UserError) {
    return {message: `error: ${error.message}${error.hint ? `\nhint: ${error.hint}` : ''}`, exitCode: 1}
  }
  if (error instanceof TugError) return {message: `error: ${error.message}`, exitCode: error.exitCode}
  if (error instanceof Errors.CLIError) {
    const usage = commandId ? `\nSee 'tug ${commandId.replaceAll(':', ' ')} --help' for usage.` : ''
    return {message: `error: ${firstLine(error.message)}${usage}`, exitCode: 1}
  }
  if (isSqliteBusy(error)) {
    return {
      message: 'error: the state database stayed locked by another tug process for too long; try again',
      exitCode: 1,
    }
  }
  const detail = error instanceof Error ? error.message : String(error)
  const trace = process.env.TUG_DEBUG && error instanceof Error && error.stack ? `\n${error.stack}` : ''
  return {
    message: `internal error: ${detail}\nThis is a bug in Tugboat. Run the command again with TUG_DEBUG=1 for a stack trace, and report it.${trace}`,
    exitCode: 2,
  }
}

function firstLine(text: string): string {
  // oclif's parse errors carry their own "See more help" trailer; keep the first sentence.
  return text.split('\n')[0] ?? text
}

function isSqliteBusy(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    String(error.code).startsWith('SQLITE_BUSY')
  )
}

/** kubectl's per-document lines, then what Tugboat adds: that nothing was written. */
function describeRejectedManifest(error: ManifestRejected): string {
  const lines = error.failures.map(({document, error: cause}) => {
    if (cause instanceof InvalidError) return cause.message
    if (cause instanceof ApiError) {
      const action = cause.reason === 'AlreadyExists' || error.verb === 'create' ? 'creating' : 'applying'
      return `Error from server (${cause.reason}): error when ${action} "${document.source}": ${cause.message}`
    }
    return `error: ${cause.message} (document ${document.document} of ${document.source})`
  })
  const which = error.failures
    .map(({document}) => `document ${document.document} of ${document.source}`)
    .join(', ')
  lines.push(
    `error: nothing was written: every document is applied together or not at all, and ${which} was rejected`,
  )
  return lines.join('\n')
}
