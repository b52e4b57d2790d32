import {describe, expect, it} from 'vitest'
import type {PodTemplateSpec} from '../../../../../src/core/api/types.js'
import {
  canonicalJson,
  computeHash,
  fnv32a,
  safeEncodeString,
} from '../../../../../src/core/controllers/deployment/template-hash.js'

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text)

const template: PodTemplateSpec = {
  metadata: {labels: {app: 'web'}},
  spec: {containers: [{name: 'app', image: 'tugboat/demo:v1'}]},
}

describe('fnv32a', () => {
  it.each([
    // FNV-1a 32-bit reference vectors (the offset basis for the empty input).
    ['', 0x811c9dc5],
    ['a', 0xe40c292c],
    ['b', 0xe70c2de5],
    ['foobar', 0xbf9cf968],
  ])('hashes %j to %d', (text, hash) => {
    expect(fnv32a(bytes(text))).toBe(hash)
  })

  it('continues a hash over more bytes as one stream', () => {
    expect(fnv32a(bytes('bar'), fnv32a(bytes('foo')))).toBe(fnv32a(bytes('foobar')))
  })
})

describe('safeEncodeString', () => {
  it('maps the ten digits onto letters and digits that spell no words', () => {
    expect(safeEncodeString('0123456789')).toBe('456789bcdf')
  })

  it('encodes a hash printed in decimal', () => {
    expect(safeEncodeString('1035215291')).toBe('54796596f5')
  })
})

describe('computeHash', () => {
  it('is FNV-32a of the canonical JSON, printed in decimal and safely encoded', () => {
    const expected = safeEncodeString(String(fnv32a(bytes(canonicalJson(template)))))
    expect(computeHash(template)).toBe(expected)
    expect(computeHash(template)).toMatch(/^[456789bcdf]{1,10}$/)
  })

  it('ignores key order and empty maps, as semantic equality does', () => {
    const reordered: PodTemplateSpec = {
      spec: {containers: [{image: 'tugboat/demo:v1', name: 'app'}], volumes: []},
      metadata: {annotations: {}, labels: {app: 'web'}},
    }
    expect(computeHash(reordered)).toBe(computeHash(template))
  })

  it('changes with the template', () => {
    const other = {...template, spec: {containers: [{name: 'app', image: 'tugboat/demo:v2'}]}}
    expect(computeHash(other)).not.toBe(computeHash(template))
  })

  it('adds the collision count as eight little-endian bytes, even when it is 0', () => {
    const json = bytes(canonicalJson(template))
    const withCount = (count: number): string => {
      const tail = new Uint8Array(8)
      tail[0] = count
      return safeEncodeString(String(fnv32a(tail, fnv32a(json))))
    }
    expect(computeHash(template, 0)).toBe(withCount(0))
    expect(computeHash(template, 1)).toBe(withCount(1))
    expect(new Set([computeHash(template), computeHash(template, 0), computeHash(template, 1)]).size).toBe(3)
  })
})
