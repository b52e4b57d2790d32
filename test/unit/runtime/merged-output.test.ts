import {PassThrough} from 'node:stream'
import {describe, expect, it} from 'vitest'
import {appendTail, mergedOutput, STDERR_TAIL_CHARS} from '../../../src/runtime/merged-output.js'
import type {OutputChunk} from '../../../src/runtime/process-runner.js'

describe('mergedOutput', () => {
  it('yields both pipes as their pieces arrive, and ends when both have closed', async () => {
    const stdout = new PassThrough()
    const stderr = new PassThrough()
    const seen: OutputChunk[] = []
    const stderrCopy: string[] = []
    const reading = (async () => {
      for await (const chunk of mergedOutput({stdout, stderr}, undefined, (t) => stderrCopy.push(t)))
        seen.push(chunk)
    })()
    stdout.write('one\npart')
    await new Promise((resolve) => setImmediate(resolve))
    stderr.write('oops\n')
    await new Promise((resolve) => setImmediate(resolve))
    // A character split across two writes arrives whole.
    const euro = Buffer.from('€\n')
    stdout.write(euro.subarray(0, 1))
    stdout.end(euro.subarray(1))
    stderr.end()
    await reading
    expect(seen.map((c) => `${c.stream}:${c.text}`).join('|')).toBe(
      'stdout:one\npart|stderr:oops\n|stdout:€\n',
    )
    expect(stderrCopy).toEqual(['oops\n'])
  })

  it('ends at once when the signal aborts, with the pipes still open', async () => {
    const controller = new AbortController()
    const pipes = {stdout: new PassThrough(), stderr: new PassThrough()}
    const reading = (async () => {
      const seen: string[] = []
      for await (const chunk of mergedOutput(pipes, controller.signal)) seen.push(chunk.text)
      return seen
    })()
    pipes.stdout.write('before\n')
    await new Promise((resolve) => setImmediate(resolve))
    controller.abort()
    expect(await reading).toEqual(['before\n'])
  })
})

describe('appendTail', () => {
  it('keeps only the end of a long stderr', () => {
    const tail = appendTail('x'.repeat(STDERR_TAIL_CHARS), 'the reason')
    expect(tail).toHaveLength(STDERR_TAIL_CHARS)
    expect(tail.endsWith('the reason')).toBe(true)
  })
})
