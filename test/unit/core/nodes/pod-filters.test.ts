import {describe, expect, it} from 'vitest'
import type {PodFilterOptions} from '../../../../src/core/nodes/pod-filters.js'
import {podDeleteStatus} from '../../../../src/core/nodes/pod-filters.js'
import type {PodShape} from './fixtures.js'
import {testPod} from './fixtures.js'

const NOW = Date.parse('2024-05-14T12:00:00Z')
const none: Omit<PodFilterOptions, 'missingDaemonSet'> = {
  force: false,
  ignoreDaemonSets: false,
  deleteEmptyDirData: false,
  skipWaitForDeleteTimeoutSeconds: 0,
  nowMs: NOW,
}
const present = (): undefined => undefined

const NO_CONTROLLER = 'cannot delete Pods that declare no controller (use --force to override)'
const DAEMONSET = 'DaemonSet-managed Pods (use --ignore-daemonsets to ignore)'
const LOCAL = 'Pods with local storage (use --delete-emptydir-data to override)'

describe('drain pod filters', () => {
  it.each<[string, PodShape, Partial<PodFilterOptions>, ReturnType<typeof podDeleteStatus>]>([
    ['a ReplicaSet pod is evicted', {owner: 'ReplicaSet'}, {}, {delete: true, reason: 'Okay'}],
    [
      'a ReplicationController pod is evicted',
      {owner: 'ReplicationController'},
      {},
      {delete: true, reason: 'Okay'},
    ],
    ['a bare pod is refused', {}, {}, {delete: false, reason: 'Error', message: NO_CONTROLLER}],
    [
      'a bare pod goes with --force, with a warning',
      {},
      {force: true},
      {delete: true, reason: 'Warning', message: 'deleting Pods that declare no controller'},
    ],
    [
      'an emptyDir pod is refused',
      {owner: 'ReplicaSet', emptyDir: true},
      {},
      {delete: false, reason: 'Error', message: LOCAL},
    ],
    [
      // kubectl's controller filter runs after the local-storage one and overwrites its warning.
      'an emptyDir pod goes with --delete-emptydir-data, its warning dropped',
      {owner: 'ReplicaSet', emptyDir: true},
      {deleteEmptyDirData: true},
      {delete: true, reason: 'Okay'},
    ],
    [
      'a bare emptyDir pod needs both flags and warns of its missing controller',
      {emptyDir: true},
      {deleteEmptyDirData: true, force: true},
      {delete: true, reason: 'Warning', message: 'deleting Pods that declare no controller'},
    ],
    [
      'a DaemonSet pod is refused',
      {owner: 'DaemonSet'},
      {},
      {delete: false, reason: 'Error', message: DAEMONSET},
    ],
    [
      'a DaemonSet pod stays with --ignore-daemonsets, with a warning',
      {owner: 'DaemonSet'},
      {ignoreDaemonSets: true},
      {delete: false, reason: 'Warning', message: 'ignoring DaemonSet-managed Pods'},
    ],
    [
      '--force does not evict a DaemonSet pod',
      {owner: 'DaemonSet'},
      {force: true},
      {delete: false, reason: 'Error', message: DAEMONSET},
    ],
    ['a mirror pod is skipped silently', {mirror: true}, {}, {delete: false, reason: 'Skip'}],
    [
      'a Succeeded bare pod is deleted without complaint',
      {phase: 'Succeeded'},
      {},
      {delete: true, reason: 'Okay'},
    ],
    [
      'a Failed emptyDir pod is deleted without complaint',
      {phase: 'Failed', emptyDir: true},
      {},
      {delete: true, reason: 'Okay'},
    ],
    [
      'a finished DaemonSet pod is deleted',
      {phase: 'Succeeded', owner: 'DaemonSet'},
      {},
      {delete: true, reason: 'Okay'},
    ],
    [
      'an already terminating pod is evicted again and waited for',
      {owner: 'ReplicaSet', deleting: '2024-05-14T11:59:00Z'},
      {},
      {delete: true, reason: 'Okay'},
    ],
    [
      'an already terminating bare pod still needs --force',
      {deleting: '2024-05-14T11:59:00Z'},
      {},
      {delete: false, reason: 'Error', message: NO_CONTROLLER},
    ],
    [
      'a pod deleted longer ago than --skip-wait-for-delete-timeout is skipped',
      {deleting: '2024-05-14T11:59:00Z'},
      {skipWaitForDeleteTimeoutSeconds: 59},
      {delete: false, reason: 'Skip'},
    ],
    [
      'a pod deleted exactly that long ago is not skipped yet',
      {owner: 'ReplicaSet', deleting: '2024-05-14T11:59:00Z'},
      {skipWaitForDeleteTimeoutSeconds: 60},
      {delete: true, reason: 'Okay'},
    ],
  ])('%s', (_, shape, flags, expected) => {
    const pod = testPod('p', 'node01', shape)
    expect(podDeleteStatus(pod, {...none, missingDaemonSet: present, ...flags})).toEqual(expected)
  })

  it('refuses an orphaned DaemonSet pod with the lookup error, and deletes it with --force', () => {
    // With --force kubectl's DaemonSet filter warns, but the filters after it overwrite the warning.
    const pod = testPod('p', 'node01', {owner: 'DaemonSet'})
    const missingDaemonSet = (): string => 'daemonsets.apps "owner" not found'
    expect(podDeleteStatus(pod, {...none, missingDaemonSet})).toEqual({
      delete: false,
      reason: 'Error',
      message: 'daemonsets.apps "owner" not found',
    })
    expect(podDeleteStatus(pod, {...none, force: true, missingDaemonSet})).toEqual({
      delete: true,
      reason: 'Okay',
    })
  })
})
