/**
 * What one sync of a pod decides to do, as data: the pure planner (sync-pod.ts) returns it, the applier
 * (apply-plan.ts) carries it out in order through the runtime. Tests read plans directly.
 */
import type {Container} from '../api/types.js'
import type {ContainerInfo} from '../runtime/container-runtime.js'

/** A container to stop, with the grace it gets and the `Killing` event that says why (none for left-overs). */
export interface StopTarget {
  container: ContainerInfo
  graceSeconds: number
  /** The spec container's name, for the event's fieldPath and the narration. */
  name: string
  killing?: string
}

/** One step of a plan. */
export type PlanAction =
  | {type: 'create-volume'; name: string}
  | {type: 'remove-volume'; name: string}
  /** Stops these containers in parallel, each with its own grace. */
  | {type: 'stop'; targets: StopTarget[]}
  | {type: 'remove'; containers: ContainerInfo[]}
  | {type: 'start-infra'; attempt: number; sandboxChanged: boolean}
  /** Starts a run of a container; `restart` carries the finished run's time for the back-off bookkeeping. */
  | {type: 'start'; container: Container; attempt: number; restart?: {eventTime: number; exitCode?: number}}
  /** A container waits out its crash back-off (CrashLoopBackOff). */
  | {type: 'back-off'; container: Container; delayMs: number; exitCode: number; message: string}
  /** Removes the pod object, once its containers and volumes are gone. */
  | {type: 'delete-pod'}

/** A sync's decision: the steps and, if something waits on time, when to look again. */
export interface PodPlan {
  actions: PlanAction[]
  requeueAfterMs?: number
}
