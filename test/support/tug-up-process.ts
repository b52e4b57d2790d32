/**
 * `tug up` in its own process, as a learner runs it, for the tests that must kill it for real (kill -9).
 * It runs the TypeScript sources through bin/dev.js (so a test never runs a stale build) with the engines'
 * settings of this shell, NO_COLOR, and the state directory given.
 */
import type {ChildProcess} from 'node:child_process'
import {spawn} from 'node:child_process'
import {join} from 'node:path'
import {ROOT} from './run-tug.js'

/** A running `tug up`. */
export class TugUpProcess {
  /** Its log (stderr), line by line. */
  readonly lines: string[] = []
  private readonly child: ChildProcess
  private readonly exited: Promise<void>

  constructor(home: string, args: string[]) {
    this.child = spawn(
      process.execPath,
      ['--import', 'tsx', '--no-warnings', join(ROOT, 'bin', 'dev.js'), 'up', ...args],
      {
        cwd: ROOT,
        env: {...process.env, TUG_HOME: home, NO_COLOR: '1'},
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    )
    let partial = ''
    this.child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      const parts = (partial + chunk).split('\n')
      partial = parts.pop() ?? ''
      this.lines.push(...parts)
    })
    this.exited = new Promise((resolve) => this.child.once('exit', () => resolve()))
  }

  /** The process id. */
  get pid(): number | undefined {
    return this.child.pid
  }

  /** Whether the process has ended. */
  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null
  }

  /** Kills it with SIGKILL, as a crash would, and waits until it is gone. */
  async crash(): Promise<void> {
    if (this.running) this.child.kill('SIGKILL')
    await this.exited
  }

  /** Ctrl-C: SIGINT, then waits until it has stopped. */
  async interrupt(): Promise<void> {
    if (this.running) this.child.kill('SIGINT')
    await this.exited
  }

  /** The last lines of its log. */
  tail(count = 40): string {
    return this.lines.slice(-count).join('\n')
  }
}
