/** kubectl delete's flag rules: cascade spellings, grace period, --now and --force. */
import type {Cascade} from '../core/api/api-server.js'
import {UserError} from '../core/api/errors.js'

/** The parsed deletion options and the warnings kubectl would print. */
export interface DeleteFlagOptions {
  cascade: Cascade
  gracePeriodSeconds?: number
  dryRun: boolean
  force: boolean
  warnings: string[]
}

/** Interprets --cascade, --grace-period, --now, --force and --dry-run as kubectl does. */
export function parseDeleteFlags(flags: {
  cascade: string
  'grace-period': number
  now: boolean
  force: boolean
  'dry-run': string
}): DeleteFlagOptions {
  const warnings: string[] = []
  const cascade = parseCascade(flags.cascade, warnings)
  let grace = flags['grace-period'] >= 0 ? flags['grace-period'] : undefined
  if (flags.now) {
    if (grace !== undefined) throw new UserError('--now and --grace-period cannot be specified together')
    grace = 1
  }
  if (flags.force && grace === undefined) grace = 0
  if (grace === 0 && !flags.force) grace = 1
  if (flags.force && grace === 0) {
    warnings.push(
      'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.',
    )
  }
  return {
    cascade,
    gracePeriodSeconds: grace,
    dryRun: flags['dry-run'] !== 'none',
    force: flags.force,
    warnings,
  }
}

function parseCascade(value: string, warnings: string[]): Cascade {
  if (value === 'background' || value === 'foreground' || value === 'orphan') return value
  if (value === 'true' || value === 'false') {
    warnings.push(
      `warning: --cascade=${value} is deprecated (boolean value) and can be replaced with --cascade=${value === 'true' ? 'background' : 'orphan'}.`,
    )
    return value === 'true' ? 'background' : 'orphan'
  }
  throw new UserError(`invalid cascade value (${value}). Must be "background", "foreground", or "orphan".`)
}
