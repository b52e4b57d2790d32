/**
 * imagePullPolicy as a table (k8s@1.28 pkg/kubelet/images/image_manager.go shouldPullImage): what to do with an
 * image given the policy and whether the engine already has it.
 */
import type {Container} from '../api/types.js'

/** A container's imagePullPolicy. */
export type PullPolicy = NonNullable<Container['imagePullPolicy']>

/** Use the local image, pull it, or fail with ErrImageNeverPull. */
export type PullDecision = 'use' | 'pull' | 'never-pull'

const DECISIONS: Readonly<Record<PullPolicy, Readonly<Record<'present' | 'absent', PullDecision>>>> = {
  Always: {present: 'pull', absent: 'pull'},
  IfNotPresent: {present: 'use', absent: 'pull'},
  Never: {present: 'use', absent: 'never-pull'},
}

/** The decision for one container's image. An unset policy (never after API defaults) reads IfNotPresent. */
export function pullDecision(policy: PullPolicy | undefined, present: boolean): PullDecision {
  return DECISIONS[policy ?? 'IfNotPresent'][present ? 'present' : 'absent']
}
