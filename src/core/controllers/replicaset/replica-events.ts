/**
 * The events of the replica controllers (reference §8; k8s@1.28 pkg/controller/controller_utils.go
 * RealPodControl), recorded on the ReplicaSet or ReplicationController with its component as the source.
 */
import {newEvent} from '../../api/events.js'
import type {ControllerContext} from '../controller.js'
import type {ReplicaOwner, ReplicaOwnerKind} from './owner-kind.js'

/** An event before it is tied to an owner. */
export interface ReplicaEvent {
  type: 'Normal' | 'Warning'
  reason: string
  message: string
}

/** Kubernetes' four pod-control events. */
export const replicaEvents = {
  successfulCreate: (pod: string): ReplicaEvent => ({
    type: 'Normal',
    reason: 'SuccessfulCreate',
    message: `Created pod: ${pod}`,
  }),
  failedCreate: (error: string): ReplicaEvent => ({
    type: 'Warning',
    reason: 'FailedCreate',
    message: `Error creating: ${error}`,
  }),
  successfulDelete: (pod: string): ReplicaEvent => ({
    type: 'Normal',
    reason: 'SuccessfulDelete',
    message: `Deleted pod: ${pod}`,
  }),
  failedDelete: (error: string): ReplicaEvent => ({
    type: 'Warning',
    reason: 'FailedDelete',
    message: `Error deleting: ${error}`,
  }),
}

/** Records an event about the owner, from `replicaset-controller` or `replication-controller`. */
export function recordOwnerEvent(
  ctx: ControllerContext,
  kind: ReplicaOwnerKind,
  owner: ReplicaOwner,
  event: ReplicaEvent,
): void {
  const source = {component: kind.component}
  ctx.api.store.recordEvent(newEvent(owner.object, {...event, source}, new Date(ctx.clock.now())))
}
