/**
 * The Deployment controller (k8s@1.28 pkg/controller/deployment/deployment_controller.go syncDeployment): it
 * owns replica sets, never pods. A sync claims the deployment's replica sets, then does one of: report status
 * only (being deleted), scale proportionally (paused, or spec.replicas changed), or take one rollout step
 * (RollingUpdate or Recreate). The ReplicaSet controller makes and counts the pods; their counts come back
 * here through the replica sets' statuses.
 */
import type {Selector} from '../../api/selectors.js'
import {matchesSelector, selectorFromLabelSelector} from '../../api/selectors.js'
import type {Pod} from '../../api/types.js'
import {splitKey} from '../../loop/informer.js'
import type {Controller, ControllerContext, SyncOutcome} from '../controller.js'
import {controllerRefOf} from '../replicaset/controller-ref.js'
import {claimReplicaSets} from './claim.js'
import {watchDeployments} from './handlers.js'
import {replicaSetsAndSyncRevision} from './new-replicaset.js'
import type {StoredDeployment, StoredReplicaSet} from './objects.js'
import {deploymentName} from './objects.js'
import {isScalingEvent, syncScaling} from './proportional-scaling.js'
import type {PodsByReplicaSet} from './recreate.js'
import {rolloutRecreate} from './recreate.js'
import {rolloutRolling} from './rolling.js'
import {COMPONENT, SyncSession} from './session.js'
import {pausedConditions} from './status.js'
import {syncDeploymentStatus} from './sync-status.js'

/** The Deployment controller; its sync is synchronous, so nothing else writes between its reads and writes. */
export interface DeploymentController extends Controller {
  sync(key: string): SyncOutcome | undefined
}

/** The Deployment controller (`deployment-controller`). */
export function deploymentController(ctx: ControllerContext): DeploymentController {
  const waits = new Map<string, string>()
  return {
    name: COMPONENT,
    watch: (informer, enqueue) => watchDeployments(informer, enqueue),
    sync: (key) => syncDeployment(ctx, key, waits),
  }
}

/** syncDeployment. */
function syncDeployment(
  ctx: ControllerContext,
  key: string,
  waits: Map<string, string>,
): SyncOutcome | undefined {
  const {namespace, name} = splitKey(key)
  const cached = ctx.informer.get('Deployment', namespace, name) as StoredDeployment | undefined
  if (!cached) {
    waits.delete(deploymentName({metadata: {namespace, name}} as StoredDeployment))
    return undefined
  }
  const s = new SyncSession(ctx, cached, waits)
  const selector = deploymentSelector(s.d)
  if (selector.length === 0) return selectingAll(s)
  const candidates = ctx.informer.list('ReplicaSet', namespace) as StoredReplicaSet[]
  const {owned: rsList, wrote} = claimReplicaSets(ctx, s.d, selector, candidates, s.who)
  if (wrote) ctx.informer.pump()
  const podMap = podsByReplicaSet(ctx, s.d, selector, rsList)

  if (s.d.metadata.deletionTimestamp) {
    const {newRS, oldRSs} = replicaSetsAndSyncRevision(s, rsList, false)
    return syncDeploymentStatus(s, [...oldRSs, newRS], newRS)
  }
  checkPausedConditions(s)
  if (s.d.spec.paused || isScalingEvent(s.d, rsList)) return syncScaling(s, rsList)
  switch (s.d.spec.strategy?.type) {
    case 'Recreate':
      return rolloutRecreate(s, rsList, podMap)
    case 'RollingUpdate':
      return rolloutRolling(s, rsList)
    default:
      throw new Error(`unexpected deployment strategy type: ${String(s.d.spec.strategy?.type)}`)
  }
}

/** The deployment's selector; an invalid one throws (and is retried) with Kubernetes' message. */
function deploymentSelector(d: StoredDeployment): Selector {
  try {
    return selectorFromLabelSelector(d.spec.selector ?? {})
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error)
    throw new Error(
      `deployment ${d.metadata.namespace ?? 'default'}/${d.metadata.name} has invalid label selector: ${why}`,
    )
  }
}

/** An empty selector would take every pod of the namespace: warn, note the generation, do nothing else. */
function selectingAll(s: SyncSession): undefined {
  s.event(
    'Warning',
    'SelectingAll',
    'This deployment is selecting all pods. A non-empty selector is required.',
  )
  s.logWait('doing nothing: its selector is empty and would select every pod')
  const generation = s.d.metadata.generation ?? 1
  if ((s.d.status?.observedGeneration ?? 0) < generation)
    s.writeStatus({...s.d.status, observedGeneration: generation})
  return undefined
}

/** checkPausedConditions: Progressing turns Unknown on pause and on resume, written at once. */
function checkPausedConditions(s: SyncSession): void {
  const conditions = pausedConditions(s.d, s.now())
  if (!conditions) return
  s.writeStatus({...s.d.status, conditions})
  s.log(s.d.spec.paused ? 'paused: no new replica set until resumed; scaling still applies' : 'resumed')
}

/**
 * getPodMapForDeployment: the pods the selector matches, by the uid of the owned replica set controlling
 * them, finished and Terminating pods included (Recreate waits for every one of them).
 */
function podsByReplicaSet(
  ctx: ControllerContext,
  d: StoredDeployment,
  selector: Selector,
  rsList: readonly StoredReplicaSet[],
): PodsByReplicaSet {
  const map = new Map<string, Pod[]>(rsList.map((rs) => [rs.metadata.uid, []]))
  for (const pod of ctx.informer.list('Pod', d.metadata.namespace ?? 'default') as Pod[]) {
    if (!matchesSelector(selector, pod.metadata.labels)) continue
    map.get(controllerRefOf(pod)?.uid ?? '')?.push(pod)
  }
  return map
}
