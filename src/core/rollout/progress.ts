/**
 * A rollout at one moment, as the live `rollout status` view shows it: the new and old ReplicaSets with their
 * ready/desired pods, and the RollingUpdate budget (how many pods may exist, how many must stay available).
 */
import type {Deployment, KubeObject, ReplicaSet} from '../api/types.js'
import {revisionOrUndefined} from './annotations.js'
import {maxSurge, maxUnavailable} from '../controllers/deployment/fenceposts.js'
import {splitDeploymentReplicaSets} from './replica-sets.js'

/** One ReplicaSet of the rollout. */
export interface ReplicaSetProgress {
  name: string
  role: 'new' | 'old'
  revision?: number
  /** spec.replicas: what the deployment controller asks of it now. */
  desired: number
  /** status.replicas: the pods it has. */
  current: number
  ready: number
  available: number
}

/** The bounds a RollingUpdate keeps to, and where the pods are against them. */
export interface RolloutBudget {
  strategy: 'RollingUpdate' | 'Recreate'
  replicas: number
  surge: number
  unavailable: number
  /** replicas + surge: no more pods than this may exist (rolling.go's maxTotalPods). */
  maxTotal: number
  /** replicas - unavailable: no fewer pods than this may be available (rolling.go's minAvailable). */
  minAvailable: number
  /** Σ status.replicas of every ReplicaSet. */
  total: number
  /** Σ status.availableReplicas of every ReplicaSet. */
  available: number
}

/** The new ReplicaSet first, then the old ones that still have pods or are asked for some; and the budget. */
export interface RolloutProgress {
  replicaSets: ReplicaSetProgress[]
  budget: RolloutBudget
}

/**
 * Worked example: 3 replicas with 25%/25% mid-rollout, new RS at 2 (1 ready) and old at 2 (2 ready): surge 1,
 * unavailable 0, so at most 4 pods and at least 3 available; total 4, available 3.
 */
export function rolloutProgress(deployment: Deployment, candidates: readonly KubeObject[]): RolloutProgress {
  const {newRS, oldRSs} = splitDeploymentReplicaSets(deployment, candidates)
  const rows = [
    ...(newRS ? [row(newRS, 'new')] : []),
    ...oldRSs.map((rs) => row(rs, 'old')).filter((rs) => rs.desired > 0 || rs.current > 0),
  ]
  const all = [...(newRS ? [newRS] : []), ...oldRSs]
  const replicas = deployment.spec.replicas ?? 1
  const strategy = deployment.spec.strategy?.type ?? 'RollingUpdate'
  const {surge, unavailable} =
    strategy === 'RollingUpdate'
      ? {surge: maxSurge(deployment), unavailable: maxUnavailable(deployment)}
      : {surge: 0, unavailable: replicas}
  return {
    replicaSets: rows,
    budget: {
      strategy,
      replicas,
      surge,
      unavailable,
      maxTotal: replicas + surge,
      minAvailable: Math.max(0, replicas - unavailable),
      total: sum(all.map((rs) => rs.status?.replicas ?? 0)),
      available: sum(all.map((rs) => rs.status?.availableReplicas ?? 0)),
    },
  }
}

function row(rs: ReplicaSet, role: 'new' | 'old'): ReplicaSetProgress {
  return {
    name: rs.metadata.name ?? '',
    role,
    revision: revisionOrUndefined(rs),
    desired: rs.spec.replicas ?? 1,
    current: rs.status?.replicas ?? 0,
    ready: rs.status?.readyReplicas ?? 0,
    available: rs.status?.availableReplicas ?? 0,
  }
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0)
}
