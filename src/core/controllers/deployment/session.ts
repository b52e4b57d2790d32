/**
 * One sync of one deployment: the working copy of the Deployment (its status changes as Kubernetes' sync
 * changes `d.Status` in place), and every write the controller makes, each through the API server, followed
 * by an informer pump so the next sync sees it. Writes of the deployment keep the returned resourceVersion,
 * so a sync that writes the deployment twice does not trip over its own first write.
 */
import {ApiError} from '../../api/errors.js'
import {newEvent} from '../../api/events.js'
import {cloneObject, jsonEqual} from '../../api/object-meta.js'
import {mustTypeForKind} from '../../api/resources.js'
import type {ReplicaSet} from '../../api/types.js'
import type {ControllerContext} from '../controller.js'
import {REVISION_ANNOTATION} from './annotations.js'
import type {StoredDeployment, StoredReplicaSet} from './objects.js'
import {deploymentName} from './objects.js'
import type {DeploymentStatus} from './status.js'

const REPLICA_SET = mustTypeForKind('ReplicaSet')

/** The component name, also the source of its events. */
export const COMPONENT = 'deployment-controller'

/** The state and the writes of one sync. */
export class SyncSession {
  /** The deployment as last read or written, with the status this sync works on. */
  d: StoredDeployment
  /** The narration prefix: `deployment/web`. */
  readonly who: string
  /** The status as stored, to write only what changed. */
  private storedStatus: DeploymentStatus

  constructor(
    readonly ctx: ControllerContext,
    deployment: StoredDeployment,
    /** The last waiting line narrated per deployment, so an unchanged wait is said once. */
    private readonly waits: Map<string, string>,
  ) {
    this.d = cloneObject(deployment)
    this.who = deploymentName(deployment)
    this.storedStatus = cloneObject(deployment.status ?? {})
  }

  /** The controller's clock. */
  now(): number {
    return this.ctx.clock.now()
  }

  /** Narrates a decision: `deployment/web: <line>`. */
  log(line: string): void {
    this.waits.delete(this.who)
    this.ctx.log(`${this.who}: ${line}`)
  }

  /** Narrates why nothing moves, once until something else is said. */
  logWait(line: string): void {
    if (this.waits.get(this.who) === line) return
    this.ctx.log(`${this.who}: ${line}`)
    this.waits.set(this.who, line)
  }

  /** Records an event on the deployment from `deployment-controller`. */
  event(type: 'Normal' | 'Warning', reason: string, message: string): void {
    const event = newEvent(
      this.d,
      {type, reason, message, source: {component: COMPONENT}},
      new Date(this.now()),
    )
    this.ctx.api.store.recordEvent(event)
  }

  /** Creates a replica set. */
  createReplicaSet(rs: ReplicaSet): StoredReplicaSet {
    const created = this.ctx.api.create(rs) as StoredReplicaSet
    this.ctx.informer.pump()
    return created
  }

  /** Updates a replica set (spec and metadata) from a copy carrying the resourceVersion it was read at. */
  updateReplicaSet(rs: StoredReplicaSet): StoredReplicaSet {
    const updated = this.ctx.api.update(rs) as StoredReplicaSet
    this.ctx.informer.pump()
    return updated
  }

  /** Deletes a replica set; one already gone is fine. */
  deleteReplicaSet(rs: StoredReplicaSet): void {
    try {
      this.ctx.api.delete(REPLICA_SET, rs.metadata.namespace ?? 'default', rs.metadata.name)
    } catch (error) {
      if (!(error instanceof ApiError && error.reason === 'NotFound')) throw error
    }
    this.ctx.informer.pump()
  }

  /**
   * Sets the deployment's revision annotation through the status subresource, as Kubernetes does (its
   * deployment status strategy keeps annotations), so the revision never moves generation.
   */
  writeRevision(revision: string): void {
    if (this.d.metadata.annotations?.[REVISION_ANNOTATION] === revision) return
    const next = cloneObject(this.d)
    next.metadata.annotations = {...next.metadata.annotations, [REVISION_ANNOTATION]: revision}
    const status = this.d.status
    // The stored status goes back as it was; this sync's own status is written by writeStatus.
    next.status = this.storedStatus
    this.d = cloneObject(this.ctx.api.update(next, {subresource: 'status'}) as StoredDeployment)
    this.d.status = status
    this.ctx.informer.pump()
  }

  /** Writes the status subresource when it differs from the stored one; says whether it wrote. */
  writeStatus(status: DeploymentStatus): boolean {
    this.d.status = status
    if (jsonEqual(this.storedStatus, status)) return false
    this.d = cloneObject(this.ctx.api.update(this.d, {subresource: 'status'}) as StoredDeployment)
    this.storedStatus = cloneObject(status)
    this.ctx.informer.pump()
    return true
  }
}
