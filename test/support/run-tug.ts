/** Runs a tug command class in-process against a state directory and captures what it prints. */
import type {Command} from '@oclif/core'
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {Readable} from 'node:stream'
import {fileURLToPath} from 'node:url'
import {vi} from 'vitest'

/** The repository root, which oclif loads its configuration from. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url))

/** What a command printed, and its exit code. */
export interface TugResult {
  stdout: string
  stderr: string
  exitCode: number
}

type CommandClass = {run(argv?: string[], opts?: string): Promise<unknown>} & typeof Command

/** Runs `command` with `argv`, TUG_HOME set to `home`, capturing stdout and stderr. */
export async function runTug(
  command: CommandClass,
  argv: string[],
  home: string,
  stdin?: string,
  onStdout?: (text: string) => void,
): Promise<TugResult> {
  let stdout = ''
  let stderr = ''
  const previousHome = process.env.TUG_HOME
  process.env.TUG_HOME = home
  process.exitCode = undefined
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk)
    onStdout?.(stdout)
    return true
  })
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk)
    return true
  })
  const restoreStdin = stdin === undefined ? undefined : fakeStdin(stdin)
  try {
    await command.run(argv, ROOT)
  } finally {
    out.mockRestore()
    err.mockRestore()
    restoreStdin?.()
    if (previousHome === undefined) delete process.env.TUG_HOME
    else process.env.TUG_HOME = previousHome
  }
  const exitCode = typeof process.exitCode === 'number' ? process.exitCode : 0
  process.exitCode = undefined
  return {stdout, stderr, exitCode}
}

/** A fresh temporary state directory; call the returned cleanup when done. */
export function tempHome(): {home: string; cleanup: () => void} {
  const home = mkdtempSync(join(tmpdir(), 'tug-test-'))
  return {home, cleanup: () => rmSync(home, {recursive: true, force: true})}
}

/** Replaces process.stdin with a stream of `text`, so commands that read `-f -` see it. */
function fakeStdin(text: string): () => void {
  const original = Object.getOwnPropertyDescriptor(process, 'stdin')
  Object.defineProperty(process, 'stdin', {value: Readable.from([Buffer.from(text)]), configurable: true})
  return () => {
    if (original) Object.defineProperty(process, 'stdin', original)
  }
}
