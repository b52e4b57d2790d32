/**
 * What pods ask of a node and what a node offers, in the scheduler's units (framework.Resource): cpu in
 * millicores, everything else in whole units (memory and storage in bytes, pods as a count). Limits play no
 * part: a container with limits but no requests already has requests equal to its limits, because the API
 * server defaults them that way when the pod is created (defaults/pod.ts).
 */
import {milliValue, tryParseQuantity, unitValue} from '../api/quantity.js'
import type {Container, Node, PodSpec} from '../api/types.js'

/** Amounts per resource name, in the scheduler's units. */
export type ResourceAmounts = Readonly<Record<string, number>>

/** The resources the scheduler names itself; any other name is a "scalar" (extended) resource. */
export const CPU = 'cpu'
export const MEMORY = 'memory'
export const EPHEMERAL_STORAGE = 'ephemeral-storage'
export const PODS = 'pods'

/** What scoring counts for a container that requests no cpu: 0.1 core (schedutil.DefaultMilliCPURequest). */
export const DEFAULT_MILLI_CPU_REQUEST = 100
/** What scoring counts for a container that requests no memory: 200Mi (schedutil.DefaultMemoryRequest). */
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024

/** One quantity in the scheduler's units: `500m` cpu is 500, `128Mi` memory is 134217728; unreadable is 0. */
export function amountOf(name: string, value: string | number | undefined): number {
  if (value === undefined) return 0
  const quantity = tryParseQuantity(value)
  if ('error' in quantity) return 0
  return name === CPU ? milliValue(quantity) : unitValue(quantity)
}

/** A resource list (`{cpu: '500m', memory: '1Gi'}`) in the scheduler's units. */
export function amountsOf(list: Record<string, string | number> | undefined): Record<string, number> {
  const amounts: Record<string, number> = {}
  for (const [name, value] of Object.entries(list ?? {})) amounts[name] = amountOf(name, value)
  return amounts
}

/** What a node offers pods: status.allocatable (never capacity: the kubelet reserves the difference). */
export function nodeAllocatable(node: Node): ResourceAmounts {
  return amountsOf(node.status?.allocatable)
}

/** How to count a pod's requests. */
export interface PodRequestOptions {
  /**
   * Count a container's missing cpu/memory request as 100m/200Mi, as scoring does so that request-less pods
   * still spread (NonMissingContainerRequests). An explicit `0` stays 0.
   */
  nonZero?: boolean
}

/**
 * A pod's requests (resource.PodRequests): per resource, the larger of the sum over its containers and the
 * largest single init container, since init containers run one at a time before the others start.
 * Example: containers asking 200m and 300m cpu with an init container asking 1 cpu request 1000m.
 */
export function podRequests(spec: PodSpec, options: PodRequestOptions = {}): ResourceAmounts {
  const total: Record<string, number> = {}
  for (const container of spec.containers ?? []) {
    for (const [name, value] of Object.entries(containerRequests(container, options)))
      total[name] = (total[name] ?? 0) + value
  }
  for (const container of spec.initContainers ?? []) {
    for (const [name, value] of Object.entries(containerRequests(container, options)))
      total[name] = Math.max(total[name] ?? 0, value)
  }
  return total
}

/** Adds b to a, resource by resource. */
export function addAmounts(a: ResourceAmounts, b: ResourceAmounts): ResourceAmounts {
  const sum: Record<string, number> = {...a}
  for (const [name, value] of Object.entries(b)) sum[name] = (sum[name] ?? 0) + value
  return sum
}

function containerRequests(container: Container, options: PodRequestOptions): Record<string, number> {
  const requests = container.resources?.requests ?? {}
  const amounts = amountsOf(requests)
  if (options.nonZero) {
    if (!Object.hasOwn(requests, CPU)) amounts[CPU] = DEFAULT_MILLI_CPU_REQUEST
    if (!Object.hasOwn(requests, MEMORY)) amounts[MEMORY] = DEFAULT_MEMORY_REQUEST
  }
  return amounts
}
