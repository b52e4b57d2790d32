/**
 * `rollout status`: the Deployment's status now, then (with watch) again after every change of it, following
 * the store's change log as kubectl's watch follows the API server, until the rollout is done, fails, the
 * timeout passes or the caller stops.
 */
import type {ApiServer} from '../api/api-server.js'
import {UserError} from '../api/errors.js'
import {mustTypeForKind} from '../api/resources.js'
import type {Change} from '../api/store.js'
import type {Deployment, KubeObject} from '../api/types.js'
import {watchChanges} from '../api/watch.js'
import {checkRevisionFlag} from './history.js'
import type {RolloutStatus} from './status-message.js'
import {deploymentRolloutStatus} from './status-message.js'
import type {RolloutQuery} from './targets.js'
import {findRolloutTargets, groupKind} from './targets.js'

/** What to watch (exactly one Deployment) and for how long. */
export interface RolloutStatusRequest extends RolloutQuery {
  /** --revision: 0 for the latest. */
  revision: number
  /** --watch: false reports once and stops. */
  watch: boolean
  /** --timeout in ms; 0 waits for ever. */
  timeoutMs: number
  /** Also report each change of the namespace's ReplicaSets (the live view redraws its counts). */
  replicaSets?: boolean
  signal?: AbortSignal
  intervalMs?: number
}

/** One report: what changed, the Deployment and the ReplicaSets of its namespace, and the status line. */
export interface RolloutUpdate {
  trigger: 'deployment' | 'replicaset'
  deployment: Deployment
  replicaSets: KubeObject[]
  /** Evaluated on every Deployment change, as kubectl does; a ReplicaSet change repeats the last one. */
  status: RolloutStatus
}

/** kubectl's wait.ErrWaitTimeout, as watchtools.UntilWithSync returns it when --timeout passes. */
export const TIMED_OUT = 'timed out waiting for the condition'

/**
 * Yields a report per change until the rollout is done. Throws kubectl's errors: NotFound, a progress
 * deadline exceeded, a revision mismatch, `object has been deleted`, and on timeout `timed out waiting for
 * the condition`. A caller's abort (Ctrl-C) simply ends the reports.
 */
export async function* watchRolloutStatus(
  api: ApiServer,
  request: RolloutStatusRequest,
): AsyncGenerator<RolloutUpdate> {
  checkRevisionFlag(request.revision)
  const initial = api.store.read(() => ({
    deployment: statusTarget(api, request),
    replicaSets: api.list(mustTypeForKind('ReplicaSet'), {namespace: request.namespace}),
    after: api.store.latestResourceVersion(),
  }))
  let deployment = initial.deployment
  const name = deployment.metadata.name ?? ''
  const replicaSets = new Map(initial.replicaSets.map((rs) => [rs.metadata.name, rs as KubeObject]))
  let status = deploymentRolloutStatus(deployment, request.revision)
  const report = (trigger: RolloutUpdate['trigger']): RolloutUpdate => ({
    trigger,
    deployment,
    replicaSets: [...replicaSets.values()],
    status,
  })
  yield report('deployment')
  if (status.done || !request.watch) return

  const limit = deadline(request)
  try {
    const changes = watchChanges(api.store, {
      after: initial.after,
      filter: (change) => isRelevant(change, request, name),
      signal: limit.signal,
      intervalMs: request.intervalMs,
    })
    for await (const change of changes) {
      if (change.object.kind === 'ReplicaSet') {
        if (change.type === 'DELETED') replicaSets.delete(change.object.metadata.name)
        else replicaSets.set(change.object.metadata.name, change.object)
        yield report('replicaset')
        continue
      }
      // kubectl aborts rather than silently watching a new object of the same name.
      if (change.type === 'DELETED') throw new UserError('object has been deleted')
      deployment = change.object as Deployment
      status = deploymentRolloutStatus(deployment, request.revision)
      yield report('deployment')
      if (status.done) return
    }
  } finally {
    limit.clear()
  }
  if (limit.expired()) throw new UserError(TIMED_OUT)
}

/** The watch's end: --timeout (if any) or the caller's signal, whichever comes first. */
function deadline(request: RolloutStatusRequest): {
  signal: AbortSignal
  expired: () => boolean
  clear: () => void
} {
  const timeout = new AbortController()
  const timer = request.timeoutMs > 0 ? setTimeout(() => timeout.abort(), request.timeoutMs) : undefined
  return {
    signal: request.signal ? AbortSignal.any([timeout.signal, request.signal]) : timeout.signal,
    expired: () => timeout.signal.aborted,
    clear: () => clearTimeout(timer),
  }
}

/** The one object asked for, as a Deployment: kubectl's errors for several objects and for other kinds. */
function statusTarget(api: ApiServer, query: RolloutQuery): Deployment {
  const targets = findRolloutTargets(api, query)
  const [target] = targets
  if (targets.length !== 1 || !target) {
    throw new UserError(
      `rollout status is only supported on individual resources and resource collections - ${targets.length} resources were found`,
    )
  }
  if (target.type.kind !== 'Deployment')
    throw new UserError(`no status viewer has been implemented for ${groupKind(target.type)}`)
  return target.object as Deployment
}

function isRelevant({object}: Change, request: RolloutStatusRequest, name: string): boolean {
  if (object.metadata.namespace !== request.namespace) return false
  if (object.kind === 'Deployment') return object.metadata.name === name
  return object.kind === 'ReplicaSet' && request.replicaSets === true
}
