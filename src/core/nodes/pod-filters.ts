/**
 * Which pods a drain may remove, as kubectl's drain filters decide (`kubectl:pkg/drain/filters.go`). Each
 * filter looks at one pod; the first that says "keep" ends the chain, so only the last status counts (which
 * is why kubectl never shows its local-storage warning: the controller filter that follows overwrites it).
 */
import type {Pod} from '../api/types.js'

/** kubectl's four outcomes of a filter. */
export type PodDeleteReason = 'Okay' | 'Skip' | 'Warning' | 'Error'

/** What the filters concluded for one pod. */
export interface PodDeleteStatus {
  delete: boolean
  reason: PodDeleteReason
  message?: string
}

// kubectl's messages, worded as kubectl 1.30+ words them (1.28 still printed "Pods declare no controller").
const DAEMONSET_FATAL = 'DaemonSet-managed Pods (use --ignore-daemonsets to ignore)'
const DAEMONSET_WARNING = 'ignoring DaemonSet-managed Pods'
const LOCAL_STORAGE_FATAL = 'Pods with local storage (use --delete-emptydir-data to override)'
const LOCAL_STORAGE_WARNING = 'deleting Pods with local storage'
const UNMANAGED_FATAL = 'cannot delete Pods that declare no controller (use --force to override)'
const UNMANAGED_WARNING = 'deleting Pods that declare no controller'

/** The annotation a kubelet puts on the API copy of a static pod (corev1.MirrorPodAnnotationKey). */
export const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror'

/** The drain flags the filters read. */
export interface PodFilterOptions {
  force: boolean
  ignoreDaemonSets: boolean
  deleteEmptyDirData: boolean
  /** --skip-wait-for-delete-timeout: pods deleted longer ago than this are skipped (0: never). */
  skipWaitForDeleteTimeoutSeconds: number
  /** The time now, in ms since the epoch. */
  nowMs: number
  /** The NotFound message when the named DaemonSet is gone, else undefined. */
  missingDaemonSet: (namespace: string, name: string) => string | undefined
}

type PodFilter = (pod: Pod, options: PodFilterOptions) => PodDeleteStatus

const OKAY: PodDeleteStatus = {delete: true, reason: 'Okay'}
const SKIP: PodDeleteStatus = {delete: false, reason: 'Skip'}
const warning = (remove: boolean, message: string): PodDeleteStatus => ({
  delete: remove,
  reason: 'Warning',
  message,
})
const error = (message: string): PodDeleteStatus => ({delete: false, reason: 'Error', message})

function isFinished(pod: Pod): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed'
}

function controllerOf(pod: Pod) {
  return pod.metadata.ownerReferences?.find((owner) => owner.controller === true)
}

/** kubectl's shouldSkipPod: deleted more than --skip-wait-for-delete-timeout seconds ago. */
export function deletedLongAgo(pod: Pod, timeoutSeconds: number, nowMs: number): boolean {
  const deleted = Date.parse(pod.metadata.deletionTimestamp ?? '')
  // Go truncates the elapsed seconds to an int before comparing.
  return timeoutSeconds > 0 && !Number.isNaN(deleted) && Math.trunc((nowMs - deleted) / 1000) > timeoutSeconds
}

const skipDeleted: PodFilter = (pod, options) =>
  deletedLongAgo(pod, options.skipWaitForDeleteTimeoutSeconds, options.nowMs) ? SKIP : OKAY

/** DaemonSet pods would come straight back (the DaemonSet controller ignores unschedulable): never deleted. */
const daemonSet: PodFilter = (pod, options) => {
  const owner = controllerOf(pod)
  if (owner?.kind !== 'DaemonSet' || isFinished(pod)) return OKAY
  const missing = options.missingDaemonSet(pod.metadata.namespace ?? 'default', owner.name)
  if (missing) return options.force ? warning(true, missing) : error(missing)
  return options.ignoreDaemonSets ? warning(false, DAEMONSET_WARNING) : error(DAEMONSET_FATAL)
}

/** A mirror pod is the API's view of a static pod: deleting it would do nothing, so it is left alone. */
const mirrorPod: PodFilter = (pod) =>
  pod.metadata.annotations?.[MIRROR_POD_ANNOTATION] !== undefined ? SKIP : OKAY

/** An emptyDir dies with its pod: that data is lost, so it takes --delete-emptydir-data. */
const localStorage: PodFilter = (pod, options) => {
  if (!pod.spec.volumes?.some((volume) => volume.emptyDir !== undefined) || isFinished(pod)) return OKAY
  return options.deleteEmptyDirData ? warning(true, LOCAL_STORAGE_WARNING) : error(LOCAL_STORAGE_FATAL)
}

/** A pod without a controller is not recreated elsewhere: deleting it takes --force. */
const unreplicated: PodFilter = (pod, options) => {
  if (isFinished(pod) || controllerOf(pod)) return OKAY
  return options.force ? warning(true, UNMANAGED_WARNING) : error(UNMANAGED_FATAL)
}

const FILTERS: readonly PodFilter[] = [skipDeleted, daemonSet, mirrorPod, localStorage, unreplicated]

/** Runs the filters in kubectl's order, stopping at the first that keeps the pod. */
export function podDeleteStatus(pod: Pod, options: PodFilterOptions): PodDeleteStatus {
  let status = OKAY
  for (const filter of FILTERS) {
    status = filter(pod, options)
    if (!status.delete) break
  }
  return status
}
