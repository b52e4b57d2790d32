/**
 * maxSurge and maxUnavailable as numbers of pods (k8s@1.28 deployment/util ResolveFenceposts, MaxSurge,
 * MaxUnavailable; apimachinery intstr GetScaledValueFromIntOrPercent). Percentages are of spec.replicas;
 * surge rounds up and unavailable rounds down, so a rollout errs towards extra pods rather than missing ones.
 */
import type {Deployment, IntOrString} from '../../api/types.js'

/** How many pods a rolling update may add and remove beyond spec.replicas. */
export interface Fenceposts {
  surge: number
  unavailable: number
}

/** spec.replicas; the API server always stores it (its default is 1). */
export function desiredReplicas(d: Deployment): number {
  return d.spec.replicas ?? 1
}

/** IsRollingUpdate. */
export function isRollingUpdate(d: Deployment): boolean {
  return d.spec.strategy?.type === 'RollingUpdate'
}

/**
 * GetScaledValueFromIntOrPercent: an int as is; `N%` of total, rounded up or down. E.g. 25% of 3 is 0.75:
 * 1 rounded up, 0 rounded down. Anything else (validation refuses it) throws as intstr does.
 */
export function scaledValue(value: IntOrString | undefined, total: number, roundUp: boolean): number {
  // ValueOrDefault(..., 0): an absent value counts as 0.
  if (value === undefined) return 0
  if (typeof value === 'number') return value
  if (!value.endsWith('%'))
    throw new Error('invalid value for IntOrString: invalid type: string is not a percentage')
  const text = value.slice(0, -1)
  if (!/^[+-]?\d+$/.test(text)) throw new Error(`invalid value for IntOrString: invalid value "${value}"`)
  const scaled = (Number(text) * total) / 100
  return roundUp ? Math.ceil(scaled) : Math.floor(scaled)
}

/**
 * ResolveFenceposts: both at once, because when both come out 0 no pod could ever be replaced; then
 * unavailable becomes 1 ("surge might not work due to quota"). E.g. 3 replicas, maxSurge 0, maxUnavailable
 * 10%: 0 and floor(0.3) = 0, so 0/1. With the 25%/25% defaults: 1 -> 1/0, 3 -> 1/0, 4 -> 1/1, 10 -> 3/2.
 */
export function resolveFenceposts(
  maxSurge: IntOrString | undefined,
  maxUnavailable: IntOrString | undefined,
  desired: number,
): Fenceposts {
  const surge = scaledValue(maxSurge, desired, true)
  const unavailable = scaledValue(maxUnavailable, desired, false)
  return {surge, unavailable: surge === 0 && unavailable === 0 ? 1 : unavailable}
}

/** MaxSurge: 0 for Recreate; errors (refused by validation) count as 0, as Kubernetes ignores them. */
export function maxSurge(d: Deployment): number {
  if (!isRollingUpdate(d)) return 0
  return fenceposts(d)?.surge ?? 0
}

/** MaxUnavailable: 0 for Recreate or 0 replicas, and never more than spec.replicas (e.g. 200% of 2 is 2). */
export function maxUnavailable(d: Deployment): number {
  const replicas = desiredReplicas(d)
  if (!isRollingUpdate(d) || replicas === 0) return 0
  return Math.min(fenceposts(d)?.unavailable ?? 0, replicas)
}

/** The fewest available pods a rolling update keeps: replicas - maxUnavailable (3 - 0 = 3 by default). */
export function minAvailable(d: Deployment): number {
  return desiredReplicas(d) - maxUnavailable(d)
}

function fenceposts(d: Deployment): Fenceposts | undefined {
  const rolling = d.spec.strategy?.rollingUpdate
  try {
    return resolveFenceposts(rolling?.maxSurge, rolling?.maxUnavailable, desiredReplicas(d))
  } catch {
    return undefined
  }
}
