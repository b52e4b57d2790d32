/**
 * The container engines the integration tests run on. Every integration file asks docker and podman once
 * whether they answer and runs its suite on each that does. With CI=true an engine that does not answer fails
 * the run; elsewhere its tests are skipped with a message saying how to get it (`source scripts/engines.sh`).
 * The local images are built first when missing.
 */
import {join} from 'node:path'
import {execa} from 'execa'
import {describe, it} from 'vitest'
import {CliRuntime} from '../../src/runtime/cli-runtime.js'
import type {EngineName} from '../../src/runtime/dialect.js'
import {ROOT} from './run-tug.js'

/** The images scripts/build-images.sh builds and the integration tests use. */
export const TEST_IMAGES = [
  'tugboat/demo:v1',
  'tugboat/demo:v2',
  'tugboat/demo:unready',
  'tugboat/demo:crash',
  'tugboat/pause:3.9',
] as const

/** An engine that does not answer here, and its first line of complaint. */
export interface MissingEngine {
  engine: EngineName
  reason: string
}

/** Which engines answer, and why the others do not. */
export interface EngineProbes {
  available: EngineName[]
  missing: MissingEngine[]
}

/** Asks docker and podman for their versions, both at once. */
export async function probeEngines(): Promise<EngineProbes> {
  const probes = await Promise.all(
    (['docker', 'podman'] as const).map(async (engine) => ({
      engine,
      probe: await new CliRuntime(engine).probe(),
    })),
  )
  return {
    available: probes.filter(({probe}) => probe.ok).map(({engine}) => engine),
    missing: probes.flatMap(({engine, probe}) =>
      probe.ok
        ? []
        : [
            {
              engine,
              reason: probe.error.stderrTail.split('\n')[0] || probe.error.message.split('\n')[0] || '',
            },
          ],
    ),
  }
}

/**
 * One test per missing engine: a failure under CI=true (CI must test both engines), else a skipped test whose
 * title, and a warning, say how to get the engine. `suite` names the file's tests in the warning.
 */
export function reportMissingEngines(missing: readonly MissingEngine[], suite: string): void {
  describe.each(missing)('$engine is not available', ({engine, reason}) => {
    const hint = `${engine} does not answer here (${reason}); run \`source scripts/engines.sh\` first`
    if (process.env.CI === 'true') {
      it('fails the run: CI must test both engines', () => {
        throw new Error(hint)
      })
    } else {
      console.warn(`${suite}: skipping ${engine}: ${hint}`)
      it.skip(`skipped: ${hint}`, () => {})
    }
  })
}

/** Builds the local images on `engine` unless it has them all (a fresh machine, or a pruned engine). */
export async function ensureImages(runtime: CliRuntime): Promise<void> {
  const present = await Promise.all(TEST_IMAGES.map((image) => runtime.imageExists(image)))
  if (present.every(Boolean)) return
  await execa(join(ROOT, 'scripts/build-images.sh'), ['--engine', runtime.engine], {timeout: 180_000})
}
