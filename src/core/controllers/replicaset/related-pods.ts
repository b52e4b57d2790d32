/**
 * The pods related to an owner for scale-down rule 5 (k8s@1.28 replica_set.go getIndirectlyRelatedPods):
 * the pods selected by every owner of the same kind that shares this owner's controller, e.g. all the
 * ReplicaSets of one Deployment. A standalone owner has none, so the rule never decides for it.
 */
import {matchesSelector} from '../../api/selectors.js'
import type {Pod} from '../../api/types.js'
import type {SharedInformer} from '../../loop/informer.js'
import {controllerRefOf} from './controller-ref.js'
import type {ReplicaOwner, ReplicaOwnerKind} from './owner-kind.js'

/** Pods of the owner's siblings (itself included), each once. */
export function relatedPods(informer: SharedInformer, kind: ReplicaOwnerKind, owner: ReplicaOwner): Pod[] {
  const controller = controllerRefOf(owner.object)
  if (!controller) return []
  const pods = informer.list('Pod', owner.namespace) as Pod[]
  const related = new Map<string, Pod>()
  for (const object of informer.list(kind.kind, owner.namespace)) {
    if (controllerRefOf(object)?.uid !== controller.uid) continue
    const {selector} = kind.view(object)
    if (!selector) continue
    for (const pod of pods)
      if (matchesSelector(selector, pod.metadata.labels)) related.set(pod.metadata.uid ?? '', pod)
  }
  return [...related.values()]
}
