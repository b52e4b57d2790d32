/**
 * The kubelet's memory of why each container is not running (k8s@1.28 pkg/kubelet/reason_cache.go):
 * ErrImagePull, ImagePullBackOff, CrashLoopBackOff, RunContainerError... with their messages. A start that
 * succeeds clears the entry. It lives in memory only, as in Kubernetes: after a kubelet restart the next sync
 * finds the reasons again.
 */
import type {WaitingReason} from './container-status.js'

/** Reasons by pod uid and container name. */
export class ReasonCache {
  private readonly reasons = new Map<string, Map<string, WaitingReason>>()

  /** The reasons of one pod, by container name. */
  of(uid: string): ReadonlyMap<string, WaitingReason> {
    return this.reasons.get(uid) ?? new Map()
  }

  set(uid: string, container: string, reason: WaitingReason): void {
    const pod = this.reasons.get(uid) ?? new Map<string, WaitingReason>()
    pod.set(container, reason)
    this.reasons.set(uid, pod)
  }

  clear(uid: string, container: string): void {
    this.reasons.get(uid)?.delete(container)
  }

  /** Forgets a pod that is gone. */
  forget(uid: string): void {
    this.reasons.delete(uid)
  }
}
