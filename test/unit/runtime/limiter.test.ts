import {describe, expect, it} from 'vitest'
import {Limiter} from '../../../src/runtime/limiter.js'

describe('Limiter', () => {
  it('runs at most n tasks at a time, the others in the order they came', async () => {
    const limiter = new Limiter(2)
    const started: number[] = []
    const release: (() => void)[] = []
    const tasks = [0, 1, 2, 3].map((n) =>
      limiter.run(async () => {
        started.push(n)
        await new Promise<void>((resolve) => release.push(resolve))
        return n
      }),
    )
    await new Promise((resolve) => setImmediate(resolve))
    expect(started).toEqual([0, 1])
    release[1]?.()
    await tasks[1]
    await new Promise((resolve) => setImmediate(resolve))
    expect(started).toEqual([0, 1, 2])
    release[0]?.()
    await new Promise((resolve) => setImmediate(resolve))
    expect(started).toEqual([0, 1, 2, 3])
    release[2]?.()
    release[3]?.()
    expect(await Promise.all(tasks)).toEqual([0, 1, 2, 3])
  })

  it('frees the place of a task that failed', async () => {
    const limiter = new Limiter(1)
    await expect(limiter.run(() => Promise.reject(new Error('no')))).rejects.toThrow('no')
    expect(await limiter.run(() => Promise.resolve('next'))).toBe('next')
  })
})
