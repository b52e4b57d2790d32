import {describe, expect, it} from 'vitest'
import {WorkQueue} from '../../../../src/core/loop/work-queue.js'
import {FakeClock, settle} from '../../../support/fake-clock.js'

/** A queue running a handler that records keys and waits for `release` before finishing. */
function running(options: {concurrency?: number} = {}) {
  const clock = new FakeClock()
  const queue = new WorkQueue({clock, ...options})
  const started: string[] = []
  const gates: (() => void)[] = []
  const controller = new AbortController()
  let fail = new Set<string>()
  const done = queue.run({
    signal: controller.signal,
    handler: async (key) => {
      started.push(key)
      await new Promise<void>((resolve) => gates.push(resolve))
      if (fail.has(key)) throw new Error(`${key} failed`)
    },
  })
  return {
    clock,
    queue,
    started,
    release: async () => {
      for (const open of gates.splice(0)) open()
      await settle()
    },
    failing: (keys: string[]) => void (fail = new Set(keys)),
    stop: async () => {
      controller.abort()
      for (const open of gates.splice(0)) open()
      await done
    },
  }
}

describe('WorkQueue', () => {
  it('processes a key added several times once', async () => {
    const q = running()
    q.queue.add('a')
    q.queue.add('a')
    q.queue.add('b')
    await settle()
    await q.release()
    expect(q.started).toEqual(['a', 'b'])
    await q.stop()
  })

  it('never runs one key twice at a time, but runs it again when added while in flight', async () => {
    const q = running()
    q.queue.add('a')
    await settle()
    q.queue.add('a')
    await settle()
    expect(q.started).toEqual(['a'])
    await q.release()
    expect(q.started).toEqual(['a', 'a'])
    await q.stop()
  })

  it('runs at most `concurrency` keys at once', async () => {
    const q = running({concurrency: 2})
    for (const key of ['a', 'b', 'c']) q.queue.add(key)
    await settle()
    expect(q.started).toEqual(['a', 'b'])
    await q.release()
    expect(q.started).toEqual(['a', 'b', 'c'])
    await q.stop()
  })

  it('adds a key after a delay, keeping the earliest of several delays', async () => {
    const q = running()
    q.queue.addAfter('a', 5_000)
    q.queue.addAfter('a', 2_000)
    q.queue.addAfter('a', 9_000)
    await q.clock.advance(1_999)
    expect(q.started).toEqual([])
    await q.clock.advance(1)
    expect(q.started).toEqual(['a'])
    await q.release()
    await q.clock.advance(10_000)
    expect(q.started).toEqual(['a'])
    await q.stop()
  })

  it('retries a failing key with doubling delays and resets after a success', async () => {
    const q = running()
    q.failing(['a'])
    q.queue.add('a')
    await settle()
    await q.release()
    expect(q.queue.scheduled().get('a')).toBe(q.clock.now() + 500)
    await q.clock.advance(500)
    await q.release()
    expect(q.queue.scheduled().get('a')).toBe(q.clock.now() + 1_000)
    q.failing([])
    await q.clock.advance(1_000)
    await q.release()
    expect(q.queue.scheduled().has('a')).toBe(false)
    expect(q.queue.retry('a')).toBe(500)
    await q.stop()
  })
})
