/**
 * What the garbage collector does with one dependent, as a pure function of its classified owner references
 * (k8s@1.28 pkg/controller/garbagecollector/garbagecollector.go attemptToDeleteItem):
 * - some owner still stands: keep the object, but take out references to owners that are gone or that wait
 *   for it in the foreground (Kubernetes patches them out so those owners can finish);
 * - no owner stands and one waits in the foreground: delete it, in the foreground too if it owns objects
 *   itself, so the wait propagates down the chain (Deployment -> ReplicaSet -> pods);
 * - every owner is gone: delete it, honouring a cascade already chosen for it (its own finalizer), else in
 *   the background.
 */
import type {Cascade} from '../../api/api-server.js'
import {FINALIZER_FOREGROUND, FINALIZER_ORPHAN} from '../../api/api-server.js'
import type {OwnerReference} from '../../api/types.js'
import type {ClassifiedReferences} from './owner-references.js'

/** The garbage collector's verdict on a dependent. */
export type DependentDecision =
  | {action: 'keep'}
  | {action: 'remove-references'; references: OwnerReference[]}
  | {action: 'delete'; cascade: Cascade; because: 'owners-gone' | 'owner-waiting'; owners: OwnerReference[]}

/** What the decision needs to know about the dependent besides its references. */
export interface DependentFacts {
  finalizers: readonly string[]
  /** Whether other objects name this one as their owner. */
  hasDependents: boolean
}

/** Decides the fate of a dependent with at least one owner reference. */
export function decideDependent(references: ClassifiedReferences, facts: DependentFacts): DependentDecision {
  const {solid, dangling, waiting} = references
  if (solid.length) {
    const stale = [...dangling, ...waiting]
    return stale.length ? {action: 'remove-references', references: stale} : {action: 'keep'}
  }
  if (waiting.length && facts.hasDependents)
    return {action: 'delete', cascade: 'foreground', because: 'owner-waiting', owners: waiting}
  const because = waiting.length ? 'owner-waiting' : 'owners-gone'
  const owners = waiting.length ? waiting : dangling
  if (!owners.length) return {action: 'keep'}
  return {action: 'delete', cascade: ownCascade(facts.finalizers), because, owners}
}

/** A cascade the object's own deletion already asked for wins over the default, background. */
function ownCascade(finalizers: readonly string[]): Cascade {
  if (finalizers.includes(FINALIZER_ORPHAN)) return 'orphan'
  if (finalizers.includes(FINALIZER_FOREGROUND)) return 'foreground'
  return 'background'
}
