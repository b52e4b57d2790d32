/**
 * The ProcessRunner that runs real programs with execa. execa is imported on first use: it costs about
 * 0.15 s to load, which commands that never touch the runtime (`tug get`) should not pay.
 */
import {createInterface} from 'node:readline'
import type {execa as execaFunction, Result, ResultPromise} from 'execa'
import {appendTail, mergedOutput} from './merged-output.js'
import type {
  FollowedProcess,
  OutputChunk,
  ProcessResult,
  ProcessRunner,
  RunOptions,
  StreamedProcess,
} from './process-runner.js'

/** After SIGTERM (timeout or abort), how long a program gets before SIGKILL. */
const FORCE_KILL_AFTER_MS = 2000

let execaModule: Promise<{execa: typeof execaFunction}> | undefined
function loadExeca(): Promise<{execa: typeof execaFunction}> {
  execaModule ??= import('execa')
  return execaModule
}

/** Runs programs through execa: argument arrays, no shell, stdin closed. */
export class ExecaRunner implements ProcessRunner {
  async run(file: string, args: readonly string[], options: RunOptions = {}): Promise<ProcessResult> {
    const {execa} = await loadExeca()
    const subprocess = execa(file, args, {
      reject: false,
      stdin: 'ignore',
      all: options.onLine !== undefined,
      timeout: options.timeoutMs,
      forceKillAfterDelay: FORCE_KILL_AFTER_MS,
    })
    if (options.onLine) {
      for await (const line of subprocess.iterable({from: 'all'})) options.onLine(line)
    }
    return toProcessResult(await subprocess)
  }

  follow(file: string, args: readonly string[], signal: AbortSignal): FollowedProcess {
    // The subprocess is held outside the promise chain: it is itself thenable, so resolving a promise with
    // it would wait for it to end.
    let subprocess: ResultPromise | undefined
    const started = loadExeca().then(({execa}) => {
      subprocess = execa(file, args, {
        reject: false,
        stdin: 'ignore',
        cancelSignal: signal,
        buffer: {stdout: false, stderr: true},
        forceKillAfterDelay: FORCE_KILL_AFTER_MS,
      })
      if (!subprocess.stdout) throw new Error('the event stream has no stdout pipe')
      return subprocess.stdout
    })
    async function* lines(): AsyncGenerator<string> {
      const stdout = await started
      // readline, not execa's own iteration: that waits for every holder of the pipe to close, and closing
      // the reader on abort ends the lines at once.
      const reader = createInterface({input: stdout, crlfDelay: Infinity})
      const close = () => reader.close()
      signal.addEventListener('abort', close, {once: true})
      try {
        if (signal.aborted) return
        for await (const line of reader) yield line
      } finally {
        signal.removeEventListener('abort', close)
        reader.close()
        // A consumer that stops early must not leave the engine's client running.
        if (subprocess?.exitCode === null) subprocess.kill()
      }
    }
    const result = async (): Promise<ProcessResult> => {
      await started
      return toProcessResult(await subprocess!)
    }
    return {lines: lines(), result}
  }

  stream(file: string, args: readonly string[], signal?: AbortSignal): StreamedProcess {
    let subprocess: ResultPromise | undefined
    let stderrTail = ''
    const started = loadExeca().then(({execa}) => {
      // No buffering: the pipes are read here as they fill, however long the program runs.
      subprocess = execa(file, args, {
        reject: false,
        stdin: 'ignore',
        cancelSignal: signal,
        buffer: false,
        forceKillAfterDelay: FORCE_KILL_AFTER_MS,
      })
      const {stdout, stderr} = subprocess
      if (!stdout || !stderr) throw new Error('the program has no stdout or stderr pipe')
      return {stdout, stderr}
    })
    async function* chunks(): AsyncGenerator<OutputChunk> {
      const pipes = await started
      try {
        yield* mergedOutput(pipes, signal, (text) => (stderrTail = appendTail(stderrTail, text)))
      } finally {
        // A reader that stops early must not leave the engine's client running.
        if (subprocess?.exitCode === null) subprocess.kill()
      }
    }
    const result = async (): Promise<ProcessResult> => {
      await started
      return {...toProcessResult(await subprocess!), stderr: stderrTail}
    }
    return {chunks: chunks(), result}
  }

  async attach(file: string, args: readonly string[], options: {stdin: boolean}): Promise<ProcessResult> {
    const {execa} = await loadExeca()
    const result = await execa(file, args, {
      reject: false,
      stdin: options.stdin ? 'inherit' : 'ignore',
      stdout: 'inherit',
      stderr: 'inherit',
    })
    return toProcessResult(result)
  }
}

function toProcessResult(result: Result): ProcessResult {
  const text = (value: unknown) => (typeof value === 'string' ? value : '')
  const spawnError =
    result.code !== undefined && result.exitCode === undefined && result.cause instanceof Error
      ? (result.cause as Error & {code?: string})
      : undefined
  return {
    exitCode: result.exitCode,
    stdout: text(result.stdout),
    stderr: text(result.stderr),
    timedOut: result.timedOut,
    spawnError,
    error: result instanceof Error ? result : undefined,
  }
}
