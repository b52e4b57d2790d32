// Running docker/podman from the benchmarks: argument arrays, no shell, a timeout on every command.
import {execFile} from 'node:child_process'
import {now} from './timing.js'

/** The outcome of one command, with its wall time. */
export function runCommand(command, args, {timeoutMs = 120_000} = {}) {
  const start = now()
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      {encoding: 'utf8', timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 64 * 1024 * 1024},
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0
        resolve({
          code,
          stdout,
          stderr: stderr || (error && code === -1 ? String(error.message) : ''),
          ms: now() - start,
        })
      },
    )
  })
}

/** Runs a command that must succeed; returns its stdout, trimmed. */
export async function mustRun(command, args, options) {
  const result = await runCommand(command, args, options)
  if (result.code !== 0)
    throw new Error(`${command} ${args.join(' ')} failed (${result.code}): ${result.stderr.trim()}`)
  return result.stdout.trim()
}

/** Runs `work` over items with at most `parallelism` at a time; resolves with the results in order. */
export async function inPool(items, parallelism, work) {
  const results = new Array(items.length)
  let next = 0
  async function worker() {
    while (next < items.length) {
      const index = next++
      results[index] = await work(items[index], index)
    }
  }
  await Promise.all(Array.from({length: Math.min(parallelism, items.length)}, worker))
  return results
}
