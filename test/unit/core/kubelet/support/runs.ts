/** ContainerInfo fixtures: runs of a pod's containers as the runtime would report them. */
import type {ContainerInfo} from '../../../../../src/core/runtime/container-runtime.js'
import {LABELS, MANAGED_BY} from '../../../../../src/core/runtime/container-runtime.js'

export const UID = 'a1b2c3d4-0000-4000-8000-000000000001'

/** One run of container `name` (`POD` for the infra container). */
export function run(
  name: string,
  attempt: number,
  state: ContainerInfo['state'],
  extra: Partial<ContainerInfo> & {uid?: string; hash?: string} = {},
): ContainerInfo {
  const {uid = UID, hash = 'h', ...info} = extra
  return {
    id: `${name}-${attempt}`,
    name: `tug_default_web_${name}_a1b2c3d4_${attempt}`,
    image: 'tugboat/demo:v1',
    imageId: 'sha256:demo',
    labels: {
      [LABELS.managedBy]: MANAGED_BY,
      [LABELS.podUid]: uid,
      [LABELS.podName]: 'web',
      [LABELS.podNamespace]: 'default',
      [LABELS.node]: 'node01',
      [LABELS.container]: name,
      [LABELS.role]: name === 'POD' ? 'infra' : 'app',
      [LABELS.specHash]: hash,
      [LABELS.attempt]: String(attempt),
    },
    state,
    exitCode: 0,
    oomKilled: false,
    startedAt: '2024-05-14T12:00:00.123456789Z',
    ...(state === 'running' ? {} : {finishedAt: '2024-05-14T12:00:05Z'}),
    ports: [],
    ...info,
  }
}
