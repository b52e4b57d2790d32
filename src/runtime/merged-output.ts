/**
 * A program's stdout and stderr read together, in the order their pieces arrive: what `docker logs` prints
 * for a container is its stdout on one pipe and its stderr on the other, and a log reader wants both,
 * interleaved as written, with partial lines kept as they are.
 */
import type {Readable} from 'node:stream'
import type {OutputChunk} from './process-runner.js'

/** Pieces held before the pipes are paused, so a slow reader does not make the whole log pile up in memory. */
const HIGH_WATER = 64

/** How much of stderr the result keeps for an error message. */
export const STDERR_TAIL_CHARS = 4096

/** Yields both pipes' output until both have closed or the signal aborts; `onStderr` also sees stderr. */
export async function* mergedOutput(
  pipes: {stdout: Readable; stderr: Readable},
  signal?: AbortSignal,
  onStderr?: (text: string) => void,
): AsyncGenerator<OutputChunk> {
  const pending: OutputChunk[] = []
  let open = 0
  let wake: (() => void) | undefined
  const notify = (): void => {
    const resolve = wake
    wake = undefined
    resolve?.()
  }
  const readables = Object.entries(pipes) as [OutputChunk['stream'], Readable][]
  for (const [stream, readable] of readables) {
    open++
    // A decoder per pipe: a character split across two reads is joined, not mangled.
    readable.setEncoding('utf8')
    readable.on('data', (text: string) => {
      if (stream === 'stderr') onStderr?.(text)
      pending.push({stream, text})
      if (pending.length >= HIGH_WATER) for (const [, r] of readables) r.pause()
      notify()
    })
    // 'close' comes after 'end', and also when a pipe is destroyed without ending.
    readable.once('close', () => {
      open--
      notify()
    })
  }
  signal?.addEventListener('abort', notify)
  try {
    for (;;) {
      if (signal?.aborted) return
      const next = pending.shift()
      if (next) {
        yield next
        continue
      }
      if (open === 0) return
      for (const [, readable] of readables) readable.resume()
      await new Promise<void>((resolve) => (wake = resolve))
    }
  } finally {
    signal?.removeEventListener('abort', notify)
  }
}

/** Appends to a bounded tail: the end of stderr is where engines put the reason. */
export function appendTail(tail: string, text: string): string {
  const joined = tail + text
  return joined.length > STDERR_TAIL_CHARS ? joined.slice(-STDERR_TAIL_CHARS) : joined
}
