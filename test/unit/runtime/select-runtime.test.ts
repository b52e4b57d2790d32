import {describe, expect, it} from 'vitest'
import type {
  FollowedProcess,
  ProcessResult,
  ProcessRunner,
  StreamedProcess,
} from '../../../src/runtime/process-runner.js'
import {RuntimeUnavailableError} from '../../../src/runtime/runtime-error.js'
import {parseEngineName, selectRuntime} from '../../../src/runtime/select-runtime.js'
import {sample} from './fake-processes.js'

type State = 'up' | 'down' | 'missing' | 'broken'

/** Answers `<engine> version` as an engine in the given state would. */
function engines(states: Record<'docker' | 'podman', State>): ProcessRunner & {asked: string[]} {
  const asked: string[] = []
  const answer = (file: 'docker' | 'podman'): Partial<ProcessResult> => {
    switch (states[file]) {
      case 'up':
        return {exitCode: 0, stdout: sample(file, 'version.json')}
      case 'down':
        return {
          exitCode: 1,
          stdout: sample('docker', 'version-engine-down.stdout'),
          stderr: sample('docker', 'version-engine-down.stderr'),
        }
      case 'missing':
        return {spawnError: Object.assign(new Error(`spawn ${file} ENOENT`), {code: 'ENOENT'})}
      case 'broken':
        return {exitCode: 125, stderr: 'Error: cgroups in hybrid mode not supported'}
    }
  }
  return {
    asked,
    run: (file) => {
      asked.push(file)
      return Promise.resolve({
        stdout: '',
        stderr: '',
        timedOut: false,
        ...answer(file as 'docker' | 'podman'),
      })
    },
    follow: (): FollowedProcess => {
      throw new Error('not used')
    },
    stream: (): StreamedProcess => {
      throw new Error('not used')
    },
    attach: () => Promise.reject(new Error('not used')),
  }
}

describe('selectRuntime', () => {
  it.each<[string, Record<'docker' | 'podman', State>, 'docker' | 'podman']>([
    ['docker when its engine answers', {docker: 'up', podman: 'up'}, 'docker'],
    ['podman when docker is not installed', {docker: 'missing', podman: 'up'}, 'podman'],
    ["podman when docker's engine is down", {docker: 'down', podman: 'up'}, 'podman'],
  ])('detects %s', async (_, states, engine) => {
    const runtime = await selectRuntime({env: {}, processes: engines(states)})
    expect(runtime.engine).toBe(engine)
    expect((await runtime.info()).engine).toBe(engine)
  })

  it('takes --runtime over TUG_RUNTIME, and TUG_RUNTIME over detection', async () => {
    const processes = engines({docker: 'up', podman: 'up'})
    expect((await selectRuntime({runtime: 'podman', env: {TUG_RUNTIME: 'docker'}, processes})).engine).toBe(
      'podman',
    )
    expect((await selectRuntime({env: {TUG_RUNTIME: 'Podman'}, processes})).engine).toBe('podman')
    expect(processes.asked).toEqual(['podman', 'podman'])
  })

  it.each<[string, Parameters<typeof selectRuntime>[0], Record<'docker' | 'podman', State>, RegExp, RegExp]>([
    [
      'neither engine is installed',
      {env: {}},
      {docker: 'missing', podman: 'missing'},
      /^no container runtime found: neither docker nor podman is installed$/,
      /install Docker .* or Podman/,
    ],
    [
      "docker's engine is down and podman is missing",
      {env: {}},
      {docker: 'down', podman: 'missing'},
      /^no container runtime answers: the docker client cannot reach a docker engine: Cannot connect to the Docker daemon at unix:\/\/\/run\/nonexistent.sock/,
      /start the docker engine .*source scripts\/engines.sh.*or use --runtime podman/,
    ],
    [
      'docker is requested but its engine is down',
      {runtime: 'docker', env: {}},
      {docker: 'down', podman: 'up'},
      /^the docker client cannot reach a docker engine: Cannot connect to the Docker daemon/,
      /start the docker engine/,
    ],
    [
      'podman is requested but not installed',
      {env: {TUG_RUNTIME: 'podman'}},
      {docker: 'up', podman: 'missing'},
      /^podman is not installed \(no "podman" on PATH\)$/,
      /^install podman, or use --runtime docker$/,
    ],
    [
      'podman is requested but fails on this machine',
      {runtime: 'podman', env: {}},
      {docker: 'up', podman: 'broken'},
      /^podman does not work here: Error: cgroups in hybrid mode not supported$/,
      /CONTAINERS_CONF/,
    ],
    [
      'the requested runtime is unknown',
      {runtime: 'containerd', env: {}},
      {docker: 'up', podman: 'up'},
      /^unknown container runtime "containerd" \(from --runtime\)$/,
      /use --runtime docker or --runtime podman/,
    ],
  ])('explains how to fix it when %s', async (_, options, states, message, hint) => {
    const error = await selectRuntime({...options, processes: engines(states)}).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(RuntimeUnavailableError)
    expect((error as RuntimeUnavailableError).message).toMatch(message)
    expect((error as RuntimeUnavailableError).hint).toMatch(hint)
  })
})

describe('parseEngineName', () => {
  it('names where a bad value came from', () => {
    expect(() => parseEngineName('rkt', 'TUG_RUNTIME')).toThrow(
      'unknown container runtime "rkt" (from TUG_RUNTIME)',
    )
    expect(parseEngineName(' DOCKER ', 'TUG_RUNTIME')).toBe('docker')
  })
})
