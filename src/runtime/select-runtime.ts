/**
 * Which engine Tugboat drives: `--runtime docker|podman`, else TUG_RUNTIME, else detection (docker when its
 * engine answers, else podman). When none works the error says why and how to fix it: not installed,
 * docker's engine not running, or the engine failing in another way.
 */
import {CliRuntime, type ProbeResult} from './cli-runtime.js'
import type {CommandListener} from './command-log.js'
import {ENGINES, type EngineName} from './dialect.js'
import {hintFor} from './error-hints.js'
import type {ProcessRunner} from './process-runner.js'
import {RuntimeUnavailableError} from './runtime-error.js'

/** Where the choice comes from. */
export interface SelectRuntimeOptions {
  /** The `--runtime` flag's value. */
  runtime?: string
  /** The environment holding TUG_RUNTIME; defaults to process.env. */
  env?: NodeJS.ProcessEnv
  /** Receives every command, the probes included (`--verbose`). */
  onCommand?: CommandListener
  /** Runs the programs; tests pass a recorder. */
  processes?: ProcessRunner
}

const INSTALL_HINT =
  'install Docker (https://docs.docker.com/get-docker/) or Podman (https://podman.io/docs/installation); on Debian: apt-get install docker.io or apt-get install podman'

/** The engine name, or a UserError naming the choices. */
export function parseEngineName(value: string, source: string): EngineName {
  const name = value.trim().toLowerCase()
  if ((ENGINES as readonly string[]).includes(name)) return name as EngineName
  throw new RuntimeUnavailableError(
    `unknown container runtime "${value}" (from ${source})`,
    'use --runtime docker or --runtime podman, or set TUG_RUNTIME to one of them',
  )
}

/** Picks the engine and checks that it answers; its info() is then already known. */
export async function selectRuntime(options: SelectRuntimeOptions = {}): Promise<CliRuntime> {
  const env = options.env ?? process.env
  const create = (engine: EngineName) =>
    new CliRuntime(engine, {processes: options.processes, onCommand: options.onCommand})
  const requested = options.runtime?.trim()
    ? parseEngineName(options.runtime, '--runtime')
    : env.TUG_RUNTIME?.trim()
      ? parseEngineName(env.TUG_RUNTIME, 'TUG_RUNTIME')
      : undefined
  if (requested) {
    const runtime = create(requested)
    const probe = await runtime.probe()
    if (probe.ok) return runtime
    throw unavailable(requested, probe)
  }
  const failures: {engine: EngineName; probe: Exclude<ProbeResult, {ok: true}>}[] = []
  for (const engine of ENGINES) {
    const runtime = create(engine)
    const probe = await runtime.probe()
    if (probe.ok) return runtime
    failures.push({engine, probe})
  }
  throw noneAnswers(failures)
}

/** Why the requested engine cannot be used. */
function unavailable(engine: EngineName, probe: Exclude<ProbeResult, {ok: true}>): RuntimeUnavailableError {
  const other = engine === 'docker' ? 'podman' : 'docker'
  const {error} = probe
  switch (probe.reason) {
    case 'not-installed':
      return new RuntimeUnavailableError(
        `${engine} is not installed (no "${engine}" on PATH)`,
        `install ${engine}, or use --runtime ${other}`,
        error,
      )
    case 'engine-down':
      return new RuntimeUnavailableError(
        `the docker client cannot reach a docker engine: ${firstLine(error.stderrTail)}`,
        hintFor('docker', error.stderrTail) ?? `start the docker engine, or use --runtime ${other}`,
        error,
      )
    case 'failed':
      return new RuntimeUnavailableError(
        `${engine} does not work here: ${firstLine(error.stderrTail) || error.message}`,
        hintFor(engine, error.stderrTail) ??
          `run \`${engine} version\` to see why, or use --runtime ${other}`,
        error,
      )
  }
}

/** Why detection found nothing: the most useful failure first (a docker engine that is only stopped). */
function noneAnswers(
  failures: {engine: EngineName; probe: Exclude<ProbeResult, {ok: true}>}[],
): RuntimeUnavailableError {
  if (failures.every(({probe}) => probe.reason === 'not-installed')) {
    return new RuntimeUnavailableError(
      'no container runtime found: neither docker nor podman is installed',
      INSTALL_HINT,
    )
  }
  const installed = failures.filter(({probe}) => probe.reason !== 'not-installed')
  const [first] = installed
  const reasons = installed.map(({engine, probe}) => unavailable(engine, probe).message)
  const hint = first ? (unavailable(first.engine, first.probe).hint ?? INSTALL_HINT) : INSTALL_HINT
  return new RuntimeUnavailableError(
    `no container runtime answers: ${reasons.join('; ')}`,
    hint,
    first?.probe.error,
  )
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0] ?? ''
}
