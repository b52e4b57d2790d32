/** Evaluating a step's check: every condition, against objects read through the API server. */
import type {ApiServer} from '../api/api-server.js'
import {checkNode, checkObject, checkService} from './check-cluster.js'
import {checkDeployment, checkReplicaSet, checkReplicationController} from './check-controllers.js'
import {checkPod, checkPods} from './check-pods.js'
import type {CheckKind, Condition, ConditionFields} from './types.js'

type CheckFunction = (api: ApiServer, fields: ConditionFields) => string[]

const CHECKS: Readonly<Record<CheckKind, CheckFunction>> = {
  pods: checkPods,
  pod: checkPod,
  deployment: checkDeployment,
  replicaset: checkReplicaSet,
  replicationcontroller: checkReplicationController,
  service: checkService,
  node: checkNode,
  object: checkObject,
}

/** Why one condition does not hold, one reason per property that differs; empty when it holds. */
export function evaluateCondition(api: ApiServer, condition: Condition): string[] {
  return CHECKS[condition.kind](api, condition.fields)
}

/** Why a check does not hold: the reasons of every failing condition, in order; empty when all hold. */
export function evaluateCheck(api: ApiServer, conditions: readonly Condition[]): string[] {
  return conditions.flatMap((condition) => evaluateCondition(api, condition))
}
