import {describe, expect, it} from 'vitest'
import type {ContainerInfo} from '../../../src/core/runtime/container-runtime.js'
import {InspectBatcher} from '../../../src/runtime/inspect-batcher.js'

function info(id: string): ContainerInfo {
  return {
    id,
    name: id,
    image: 'x',
    imageId: '',
    labels: {},
    state: 'running',
    exitCode: 0,
    oomKilled: false,
    ports: [],
  }
}

/** An engine whose inspects finish when the test says; it records the ids of each. */
function engine() {
  const commands: string[][] = []
  const finish: (() => void)[] = []
  const inspect = (ids: string[]) => {
    commands.push(ids)
    return new Promise<ContainerInfo[]>((resolve, reject) =>
      finish.push(() => (ids.includes('bad') ? reject(new Error('engine down')) : resolve(ids.map(info)))),
    )
  }
  return {commands, finish, batcher: new InspectBatcher(inspect)}
}

const tick = () => new Promise((resolve) => setImmediate(resolve))

describe('InspectBatcher', () => {
  it('inspects at once when nothing else is inspected', async () => {
    const {commands, finish, batcher} = engine()
    const result = batcher.get(['a', 'b'])
    expect(commands).toEqual([['a', 'b']])
    finish.shift()?.()
    expect((await result).map((c) => c.id)).toEqual(['a', 'b'])
  })

  it('sends the ids asked for during an inspect together in the next, each caller getting its own', async () => {
    const {commands, finish, batcher} = engine()
    const first = batcher.get(['a'])
    const second = batcher.get(['b'])
    const third = batcher.get(['c', 'b'])
    expect(commands).toEqual([['a']])
    finish.shift()?.()
    await first
    await tick()
    expect(commands).toEqual([['a'], ['b', 'c']])
    finish.shift()?.()
    expect((await second).map((c) => c.id)).toEqual(['b'])
    expect((await third).map((c) => c.id)).toEqual(['b', 'c'])
  })

  it('fails every caller of a failed inspect, and goes on afterwards', async () => {
    const {finish, batcher} = engine()
    const first = batcher.get(['a'])
    const waiting = batcher.get(['bad'])
    finish.shift()?.()
    await first
    await tick()
    finish.shift()?.()
    await expect(waiting).rejects.toThrow('engine down')
    const later = batcher.get(['d'])
    finish.shift()?.()
    expect((await later).map((c) => c.id)).toEqual(['d'])
  })
})
