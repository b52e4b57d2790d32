/** A pod's QoS class as kubectl computes it when the status does not say (pkg/util/qos ComputePodQOS). */
import type {Quantity} from '../../../core/api/quantity.js'
import {addQuantities, parseOptionalQuantity} from '../../../core/api/quantity.js'
import type {Pod} from '../../../core/api/types.js'
import {effectiveRequests} from './resources.js'

const COMPUTE_RESOURCES = ['cpu', 'memory']

/**
 * BestEffort: no cpu/memory requests or limits at all. Guaranteed: every container limits both and every
 * request equals its limit. Burstable: anything in between.
 */
export function podQOSClass(pod: Pod): string {
  if (pod.status?.qosClass) return pod.status.qosClass
  const requests = new Map<string, Quantity>()
  const limits = new Map<string, Quantity>()
  let guaranteed = true
  for (const container of [...pod.spec.containers, ...(pod.spec.initContainers ?? [])]) {
    addPositive(requests, effectiveRequests(container.resources))
    const limited = addPositive(limits, container.resources?.limits ?? {})
    if (!COMPUTE_RESOURCES.every((name) => limited.includes(name))) guaranteed = false
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort'
  const matches = [...requests].every(([name, request]) => limits.get(name)?.nanos === request.nanos)
  return guaranteed && matches && requests.size === limits.size ? 'Guaranteed' : 'Burstable'
}

/** Adds the positive cpu/memory quantities of a list; returns the names it added. */
function addPositive(total: Map<string, Quantity>, list: Record<string, string | number>): string[] {
  const added: string[] = []
  for (const name of COMPUTE_RESOURCES) {
    const quantity = parseOptionalQuantity(list[name])
    if (!quantity || quantity.nanos <= 0n) continue
    const current = total.get(name)
    total.set(name, current ? addQuantities(current, quantity) : quantity)
    added.push(name)
  }
  return added
}
