/** Pieces every generator shares: metadata shaped as kubectl's generators leave it, and key-order-keeping cleanup. */
import type {ObjectMeta} from '../api/types.js'

/**
 * metadata as kubectl's generators build it. `creationTimestamp: null` is what Go prints for the zero
 * time of a non-pointer field (kubectl 1.28-1.32); the namespace is only set when given explicitly.
 */
export function generatedMeta(
  name: string,
  namespace: string | undefined,
  labels: Record<string, string>,
): ObjectMeta {
  return compact({name, namespace, creationTimestamp: null, labels})
}

/** Drops unset keys and keeps the order of the rest: a client dry run prints keys in Go's struct order. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T
}
