/**
 * restartPolicy as a table: whether an exited container starts again (k8s@1.28 pkg/kubelet/container
 * ShouldContainerBeRestarted). `Always` restarts even a clean exit, which is why `kubectl run b --image=busybox`
 * walks Completed ⇄ CrashLoopBackOff.
 */
import type {PodSpec} from '../api/types.js'

/** A pod's restartPolicy. */
export type RestartPolicy = NonNullable<PodSpec['restartPolicy']>

/** How the container ended, as the table's columns. */
type Outcome = 'succeeded' | 'failed'

const RESTART: Readonly<Record<RestartPolicy, Readonly<Record<Outcome, boolean>>>> = {
  Always: {succeeded: true, failed: true},
  OnFailure: {succeeded: false, failed: true},
  Never: {succeeded: false, failed: false},
}

/** True when a container that exited with `exitCode` is started again under `policy`. */
export function shouldRestart(policy: RestartPolicy | undefined, exitCode: number): boolean {
  return RESTART[policy ?? 'Always'][exitCode === 0 ? 'succeeded' : 'failed']
}

/** True when a container killed by the kubelet (liveness failure) may start again: every policy but Never. */
export function restartsAfterKill(policy: RestartPolicy | undefined): boolean {
  return shouldRestart(policy, 137)
}
