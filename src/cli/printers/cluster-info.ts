/** `tug cluster-info`'s text: the control plane, its components' health and each node's heartbeat. */
import type {ClusterInfo} from '../../core/queries/cluster-info.js'
import type {ControlPlaneStatus} from '../control-plane-status.js'
import {STATUS_INTERVAL_MS} from '../control-plane-status.js'
import {humanDuration} from './age.js'
import {alignText, TABLE_WRITER_OPTIONS} from './tabwriter.js'

/** The report; `status` is the running control plane's published board (undefined when none runs). */
export function printClusterInfo(
  info: ClusterInfo,
  status: ControlPlaneStatus | undefined,
  now: Date,
): string {
  const lines = [headline(info, status, now), `Store: resourceVersion ${info.resourceVersion}`, '']
  if (status) lines.push(componentTable(status, now), '')
  if (info.nodes.length) lines.push(nodeTable(info))
  else lines.push('No nodes have registered yet: `tug up` registers them.\n')
  return lines.join('\n')
}

function headline(info: ClusterInfo, status: ControlPlaneStatus | undefined, now: Date): string {
  if (!status)
    return `Tugboat control plane is not running: objects are stored in ${info.database} but nothing is reconciling them; run \`tug up\``
  const age = humanDuration(now.getTime() - Date.parse(status.startedAt))
  return (
    `Tugboat control plane is running (pid ${status.pid}, up ${age}), state in ${info.database}\n` +
    `Runtime ${status.runtime}; ${status.nodes.length} nodes; timings ${status.timings}; back-off ${status.backoff}`
  )
}

function componentTable(status: ControlPlaneStatus, now: Date): string {
  // A board not rewritten for a few intervals means the process is alive but its loop is stuck.
  const stale = now.getTime() - Date.parse(status.updatedAt) > 3 * STATUS_INTERVAL_MS
  const rows = status.components.map((c) => {
    const state = stale ? 'Unknown' : c.state === 'ok' ? 'Healthy' : 'Failing'
    const last = c.lastSyncAt ? `${humanDuration(now.getTime() - Date.parse(c.lastSyncAt))} ago` : '<never>'
    return `${c.name}\t${state}\t${c.syncs}\t${last}\t${c.lastError && c.state !== 'ok' ? c.lastError : '<none>'}\n`
  })
  return alignText(`COMPONENT\tSTATUS\tSYNCS\tLAST SYNC\tERROR\n${rows.join('')}`, TABLE_WRITER_OPTIONS)
}

function nodeTable(info: ClusterInfo): string {
  const rows = info.nodes.map(
    (node) =>
      `${node.name}\t${node.ready}\t${node.heartbeatAgeSeconds === undefined ? '<never>' : `${node.heartbeatAgeSeconds}s ago`}\t${node.runtime}\n`,
  )
  return alignText(`NODE\tSTATUS\tHEARTBEAT\tRUNTIME\n${rows.join('')}`, TABLE_WRITER_OPTIONS)
}
