import {describe, expect, it} from 'vitest'
import type {ProxyTarget} from '../../../../src/core/proxy/node-port-rules.js'
import {RoundRobin} from '../../../../src/core/proxy/round-robin.js'

const target = (name: string): ProxyTarget => ({endpoint: `${name}:8080`, host: '127.0.0.1', port: 1})
const take = (rotation: RoundRobin, count: number) =>
  Array.from({length: count}, () => rotation.next()?.endpoint.split(':')[0])

describe('RoundRobin', () => {
  it('takes each endpoint in turn, wrapping around', () => {
    const rotation = new RoundRobin()
    rotation.update(['a', 'b', 'c'].map(target))
    expect(take(rotation, 7)).toEqual(['a', 'b', 'c', 'a', 'b', 'c', 'a'])
  })

  it('has nothing to give without endpoints', () => {
    expect(new RoundRobin().next()).toBeUndefined()
  })

  it('keeps its turn when the same endpoints arrive again, and starts over when they change', () => {
    const rotation = new RoundRobin()
    rotation.update(['a', 'b', 'c'].map(target))
    take(rotation, 2)
    expect(rotation.update(['a', 'b', 'c'].map(target))).toBe(false)
    expect(take(rotation, 1)).toEqual(['c'])
    expect(rotation.update(['a', 'c'].map(target))).toBe(true)
    expect(take(rotation, 3)).toEqual(['a', 'c', 'a'])
  })
})
