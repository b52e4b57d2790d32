/**
 * A ProcessRunner for unit tests: answers each command from a table keyed by its verb (`ps`, `inspect`,
 * `volume create`, ...) with output recorded from the real engines, and keeps every argument array so tests
 * can assert on exactly what would have run.
 */
import {readFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import type {
  FollowedProcess,
  OutputChunk,
  ProcessResult,
  ProcessRunner,
  RunOptions,
  StreamedProcess,
} from '../../../src/runtime/process-runner.js'

/** A canned answer, or a function of the arguments giving one. */
export type Answer = Partial<ProcessResult> | ((args: readonly string[]) => Partial<ProcessResult>)

/** One command the adapter ran. */
export interface Call {
  file: string
  args: string[]
}

const SAMPLES = join(dirname(fileURLToPath(import.meta.url)), 'samples')

/** A file recorded from a real engine, from test/unit/runtime/samples/<engine>/. */
export function sample(engine: 'docker' | 'podman', name: string): string {
  return readFileSync(join(SAMPLES, engine, name), 'utf8')
}

/** The verb a command is keyed by: `volume create`, `image inspect`, else the first argument. */
export function verbOf(args: readonly string[]): string {
  const [first = '', second = ''] = args
  return first === 'volume' || first === 'image' ? `${first} ${second}` : first
}

/** Records commands and answers them from a table; unknown verbs exit 0 with no output. */
export class FakeProcesses implements ProcessRunner {
  readonly calls: Call[] = []
  /** Lines an event stream prints before it ends by itself (unless aborted first). */
  streamLines: string[] = []
  streamResult: Partial<ProcessResult> = {exitCode: 1, stderr: 'unexpected EOF'}
  /** What a streamed command (`logs`) prints, and how it ends. */
  outputChunks: OutputChunk[] = []
  outputResult: Partial<ProcessResult> = {exitCode: 0}
  /** The exit code an attached command (`exec -it`) ends with, and the stdin flag each was run with. */
  attachResult: Partial<ProcessResult> = {exitCode: 0}
  readonly attachedStdin: boolean[] = []

  constructor(private readonly answers: Record<string, Answer> = {}) {}

  /** The argument arrays of the calls with this verb. */
  argsOf(verb: string): string[][] {
    return this.calls.filter((call) => verbOf(call.args) === verb).map((call) => call.args)
  }

  /** The verbs run, in order. */
  verbs(): string[] {
    return this.calls.map((call) => verbOf(call.args))
  }

  run(file: string, args: readonly string[], options: RunOptions = {}): Promise<ProcessResult> {
    this.calls.push({file, args: [...args]})
    const answer = this.answers[verbOf(args)] ?? {}
    const result = {
      exitCode: 0,
      stdout: '',
      stderr: '',
      timedOut: false,
      ...(typeof answer === 'function' ? answer(args) : answer),
    }
    if (options.onLine) {
      for (const line of `${result.stdout}\n${result.stderr}`.split('\n')) if (line) options.onLine(line)
    }
    return Promise.resolve(result)
  }

  follow(file: string, args: readonly string[], signal: AbortSignal): FollowedProcess {
    this.calls.push({file, args: [...args]})
    const lines = this.streamLines
    async function* stream(): AsyncGenerator<string> {
      for (const line of lines) {
        if (signal.aborted) return
        await Promise.resolve()
        yield line
      }
    }
    const result = {exitCode: 1, stdout: '', stderr: '', timedOut: false, ...this.streamResult}
    return {lines: stream(), result: () => Promise.resolve(result)}
  }

  stream(file: string, args: readonly string[], signal?: AbortSignal): StreamedProcess {
    this.calls.push({file, args: [...args]})
    const output = this.outputChunks
    async function* chunks(): AsyncGenerator<OutputChunk> {
      for (const chunk of output) {
        if (signal?.aborted) return
        await Promise.resolve()
        yield chunk
      }
    }
    const result = {exitCode: 0, stdout: '', stderr: '', timedOut: false, ...this.outputResult}
    return {chunks: chunks(), result: () => Promise.resolve(result)}
  }

  attach(file: string, args: readonly string[], options: {stdin: boolean}): Promise<ProcessResult> {
    this.calls.push({file, args: [...args]})
    this.attachedStdin.push(options.stdin)
    return Promise.resolve({exitCode: 0, stdout: '', stderr: '', timedOut: false, ...this.attachResult})
  }
}
