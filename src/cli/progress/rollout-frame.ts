/**
 * One frame of the live `rollout status` view: the status line kubectl would print, the new and old
 * ReplicaSets with ready/desired pods, and the RollingUpdate budget the deployment controller keeps to.
 * Pure, so the view's content is tested without a terminal.
 */
import type {ReplicaSetProgress, RolloutProgress} from '../../core/rollout/progress.js'

/** A frame: a title and the lines under it. */
export interface RolloutFrame {
  title: string
  lines: string[]
}

/**
 * E.g. mid-rollout of 3 replicas with surge 1, unavailable 0:
 * `new web-5d8f7c9b6d (revision 2)  1/2 ready`, `old web-7c974c65c6 (revision 1)  3/3 ready`,
 * `pods 4 of at most 4 (3 + 1 surge) · available 3 of at least 3 (3 - 0 unavailable)`.
 */
export function rolloutFrame(name: string, message: string, progress: RolloutProgress): RolloutFrame {
  const width = Math.max(0, ...progress.replicaSets.map((rs) => label(rs).length))
  const rows = progress.replicaSets.map((rs) => `${label(rs).padEnd(width)}  ${rs.ready}/${rs.desired} ready`)
  return {
    title: `deployment "${name}" rollout`,
    lines: [message, ...(rows.length ? rows : ['no replica set yet']), budgetLine(progress)],
  }
}

function label(rs: ReplicaSetProgress): string {
  const revision = rs.revision ? ` (revision ${rs.revision})` : ''
  return `${rs.role} ${rs.name}${revision}`
}

/** The surge/unavailable budget, or for Recreate what that strategy does instead. */
function budgetLine({budget}: RolloutProgress): string {
  if (budget.strategy === 'Recreate')
    return `pods ${budget.total} · Recreate: every old pod stops before new ones start`
  const {replicas, surge, unavailable} = budget
  return (
    `pods ${budget.total} of at most ${budget.maxTotal} (${replicas} + ${surge} surge)` +
    ` · available ${budget.available} of at least ${budget.minAvailable} (${replicas} - ${unavailable} unavailable)`
  )
}
