/**
 * The pods a drain finds on a node, each with what the filters concluded (kubectl's PodDeleteList): the ones
 * to remove, the warnings to print, and the errors that stop the drain.
 */
import type {ApiServer} from '../api/api-server.js'
import {mustTypeForKind} from '../api/resources.js'
import type {Selector} from '../api/selectors.js'
import type {Pod} from '../api/types.js'
import type {PodDeleteStatus, PodFilterOptions} from './pod-filters.js'
import {podDeleteStatus} from './pod-filters.js'

const POD = mustTypeForKind('Pod')

/** One pod on the node and the filters' verdict. */
export interface PodDelete {
  pod: Pod
  status: PodDeleteStatus
}

/** `default/web-x`, as kubectl names pods in drain messages. */
export function podRef(pod: Pod): string {
  return `${pod.metadata.namespace ?? 'default'}/${pod.metadata.name ?? ''}`
}

/**
 * Every pod bound to `node` in every namespace (by namespace, then name, as the API lists them), optionally
 * only those matching --pod-selector, each classified by the drain filters.
 */
export function podsForDeletion(
  api: ApiServer,
  node: string,
  options: PodFilterOptions & {podSelector?: Selector},
): PodDelete[] {
  return (api.list(POD, {selector: options.podSelector}) as Pod[])
    .filter((pod) => pod.spec.nodeName === node)
    .map((pod) => ({pod, status: podDeleteStatus(pod, options)}))
}

/** The pods the filters let go. */
export function podsToDelete(list: readonly PodDelete[]): Pod[] {
  return list.filter(({status}) => status.delete).map(({pod}) => pod)
}

/** Pods grouped by message, in the order the messages first appear (kubectl's map order is random). */
function byMessage(list: readonly PodDelete[], reason: PodDeleteStatus['reason']): Map<string, string[]> {
  const groups = new Map<string, string[]>()
  for (const {pod, status} of list) {
    if (status.reason !== reason) continue
    const message = status.message || 'unexpected error'
    groups.set(message, [...(groups.get(message) ?? []), podRef(pod)])
  }
  return groups
}

/** `ignoring DaemonSet-managed Pods: kube-system/ds-x; deleting Pods that declare no controller: default/p`. */
export function deleteWarnings(list: readonly PodDelete[]): string {
  return [...byMessage(list, 'Warning')].map(([message, pods]) => `${message}: ${pods.join(', ')}`).join('; ')
}

/** `cannot delete Pods with local storage (use --delete-emptydir-data to override): default/p`, one per cause. */
export function deleteErrors(list: readonly PodDelete[]): string[] {
  return [...byMessage(list, 'Error')].map(([message, pods]) => {
    const text = `${message}: ${pods.join(', ')}`
    return message.toLowerCase().startsWith('cannot delete') ? text : `cannot delete ${text}`
  })
}
