/**
 * A Deployment's ReplicaSets as kubectl finds them (kubectl pkg/util/deployment GetAllReplicaSets): those in
 * its namespace that its selector matches and that it controls; the new one is the oldest whose pod template
 * equals the Deployment's once the pod-template-hash label is ignored, every other one is old.
 */
import {selectorFromLabelSelector, matchesSelector} from '../api/selectors.js'
import type {Deployment, KubeObject, ReplicaSet} from '../api/types.js'
import {equalIgnoreHash} from '../controllers/deployment/new-replicaset.js'
import {byCreation} from '../controllers/deployment/replica-sets.js'

/** The new ReplicaSet (if any) and the old ones, in the order they were listed (by name). */
export interface DeploymentReplicaSets {
  newRS?: ReplicaSet
  oldRSs: ReplicaSet[]
}

/** The candidates the Deployment's selector matches and that name it as their controller. */
export function ownedReplicaSets(deployment: Deployment, candidates: readonly KubeObject[]): ReplicaSet[] {
  const selector = selectorFromLabelSelector(deployment.spec.selector ?? {})
  return (candidates as readonly ReplicaSet[]).filter(
    (rs) =>
      rs.metadata.namespace === deployment.metadata.namespace &&
      matchesSelector(selector, rs.metadata.labels) &&
      rs.metadata.ownerReferences?.some(
        (reference) => reference.controller === true && reference.uid === deployment.metadata.uid,
      ) === true,
  )
}

/** Splits the Deployment's ReplicaSets into the new one and the old ones (FindNewReplicaSet/FindOldReplicaSets). */
export function splitDeploymentReplicaSets(
  deployment: Deployment,
  candidates: readonly KubeObject[],
): DeploymentReplicaSets {
  const owned = ownedReplicaSets(deployment, candidates)
  const byAge = [...owned].sort(byCreation)
  const newRS = byAge.find((rs) => equalIgnoreHash(rs.spec.template, deployment.spec.template))
  return {newRS, oldRSs: owned.filter((rs) => rs !== newRS)}
}
