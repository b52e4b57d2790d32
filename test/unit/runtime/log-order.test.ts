import {describe, expect, it} from 'vitest'
import type {LogChunk} from '../../../src/core/runtime/container-runtime.js'
import {LogMerger, mergeByTime, parseStampedLine} from '../../../src/runtime/log-order.js'
import type {OutputChunk} from '../../../src/runtime/process-runner.js'

const out = (text: string): OutputChunk => ({stream: 'stdout', text})
const err = (text: string): OutputChunk => ({stream: 'stderr', text})

async function collect(chunks: OutputChunk[], timestamps = false): Promise<LogChunk[]> {
  async function* source(): AsyncGenerator<OutputChunk> {
    for (const chunk of chunks) {
      await Promise.resolve()
      yield chunk
    }
  }
  const merged: LogChunk[] = []
  for await (const chunk of mergeByTime(source(), {timestamps, holdMs: 10})) merged.push(chunk)
  return merged
}

describe('parseStampedLine', () => {
  it.each([
    [
      '2026-11-23T02:13:01.335197216Z three\n',
      '2026-11-23T02:13:01.335197216',
      '2026-11-23T02:13:01.335197216Z',
    ],
    ['2026-11-23T02:13:01.3351Z three\n', '2026-11-23T02:13:01.335100000', '2026-11-23T02:13:01.3351Z'],
    ['2026-11-23T02:13:01Z three\n', '2026-11-23T02:13:01.000000000', '2026-11-23T02:13:01Z'],
    [
      '2026-11-23T03:13:01.500000000+01:00 three\n',
      '2026-11-23T02:13:01.500000000',
      '2026-11-23T02:13:01.5Z',
    ],
  ])('reads the time of %j in UTC', (line, key, stamp) => {
    expect(parseStampedLine('stdout', line)).toEqual({stream: 'stdout', key, stamp, text: 'three\n'})
  })

  it('finds no time in a line without one', () => {
    expect(parseStampedLine('stdout', 'three\n')).toBeUndefined()
  })
})

describe('mergeByTime', () => {
  it('puts a burst that arrived pipe by pipe back in the order it was written', async () => {
    const merged = await collect([
      out('2026-01-01T00:00:01Z line 1\n2026-01-01T00:00:03Z line 2\n'),
      err('2026-01-01T00:00:02Z err 1\n2026-01-01T00:00:04Z err 2\n'),
    ])
    expect(merged).toEqual([
      {stream: 'stdout', text: 'line 1\n'},
      {stream: 'stderr', text: 'err 1\n'},
      {stream: 'stdout', text: 'line 2\n'},
      {stream: 'stderr', text: 'err 2\n'},
    ])
  })

  it('keeps the times in kubectl form when asked', async () => {
    const merged = await collect([out('2026-01-01T01:00:01.120+01:00 a\n')], true)
    expect(merged).toEqual([{stream: 'stdout', text: '2026-01-01T00:00:01.12Z a\n'}])
  })

  it('joins a line split across reads, and keeps a last line without a newline', async () => {
    const merged = await collect([
      out('2026-01-01T00:00:01Z hel'),
      out('lo\n2026-01-01T00:00:02Z no newline'),
    ])
    expect(merged).toEqual([{stream: 'stdout', text: 'hello\nno newline'}])
  })
})

describe('LogMerger', () => {
  it('holds a line until the other pipe shows a later one, or stays quiet for the hold time', () => {
    const merger = new LogMerger(100)
    merger.push(out('2026-01-01T00:00:02Z second\n'), 0)
    expect(merger.take(50)).toEqual([])
    expect(merger.nextDeadline(50)).toBe(50)
    merger.push(err('2026-01-01T00:00:01Z first\n'), 60)
    expect(merger.take(60).map((l) => l.text)).toEqual(['first\n'])
    expect(merger.take(99)).toEqual([])
    expect(merger.take(100).map((l) => l.text)).toEqual(['second\n'])
    expect(merger.nextDeadline(100)).toBeUndefined()
  })
})
