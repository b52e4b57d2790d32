/**
 * The pod-template-hash that names a deployment's replica sets (k8s@1.28 pkg/controller/controller_utils.go
 * ComputeHash; apimachinery pkg/util/rand SafeEncodeString): FNV-32a of the pod template, then of the
 * collision count when there is one, printed in decimal with each digit mapped to a letter or digit that
 * cannot spell words, e.g. 1035215291 -> `54796596f5`.
 *
 * What is hashed differs from Kubernetes: it hashes go-spew's `%#v` dump of the Go PodTemplateSpec struct
 * (DeepHashObject), every field of every nested struct included, which depends on the exact Go types of a
 * Kubernetes release. Tugboat hashes a canonical JSON of the template instead (keys sorted, empty maps and
 * lists dropped), so the same template always gets the same name here, but not the name a real cluster would
 * give it.
 */
import type {PodTemplateSpec} from '../../api/types.js'
import {compareStrings} from '../../api/selector-requirement.js'

/** The letters SafeEncodeString maps onto: no vowels, no 0/1/3 (nothing that reads as a word). */
const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789'

const FNV32_OFFSET = 0x811c9dc5
const FNV32_PRIME = 0x01000193

/** FNV-1a, 32 bits (Go's hash/fnv New32a), continuing from `hash` when given. E.g. `a` -> 0xe40c292c. */
export function fnv32a(bytes: Uint8Array, hash = FNV32_OFFSET): number {
  let h = hash
  for (const byte of bytes) h = Math.imul(h ^ byte, FNV32_PRIME) >>> 0
  return h
}

/** SafeEncodeString: each character's code modulo 27 picks from ALPHANUMS; digits become `456789bcdf`. */
export function safeEncodeString(text: string): string {
  return [...text].map((char) => ALPHANUMS[char.codePointAt(0)! % ALPHANUMS.length]!).join('')
}

/**
 * ComputeHash: the template's bytes, then (only when collisionCount is set, even to 0) eight bytes holding
 * the count as a little-endian uint32, as binary.LittleEndian.PutUint32 into an 8-byte slice writes it.
 */
export function computeHash(template: PodTemplateSpec, collisionCount?: number): string {
  let hash = fnv32a(new TextEncoder().encode(canonicalJson(template)))
  if (collisionCount !== undefined) {
    const bytes = new Uint8Array(8)
    new DataView(bytes.buffer).setUint32(0, collisionCount >>> 0, true)
    hash = fnv32a(bytes, hash)
  }
  return safeEncodeString(String(hash))
}

/**
 * JSON with sorted keys, without undefined values and empty maps or lists: one text per meaning, since
 * apimachinery's semantic equality treats an empty map or list as a missing one.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(prune(value)) ?? ''
}

function prune(value: unknown): unknown {
  if (Array.isArray(value)) return value.length === 0 ? undefined : value.map((item) => prune(item) ?? null)
  if (value === null || typeof value !== 'object') return value
  const entries = Object.entries(value)
    .map(([key, child]) => [key, prune(child)] as const)
    .filter(([, child]) => child !== undefined)
    .sort(([a], [b]) => compareStrings(a, b))
  return entries.length === 0 ? undefined : Object.fromEntries(entries)
}
