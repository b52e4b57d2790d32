// `tug up` as the user runs it: the built CLI in its own process, with --verbose so its log shows every
// docker/podman command and how long it took. Each stderr line is stamped on arrival with the benchmark's
// clock: the log is how the pod figures see when the kubelet acted.
import {spawn} from 'node:child_process'
import {writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {createInterface} from 'node:readline'
import {fileURLToPath} from 'node:url'
import {now, poll} from './timing.js'

const TUG = join(fileURLToPath(new URL('../..', import.meta.url)), 'bin', 'run.js')

/** `HH:MM:SS runtime: podman ps ... (34 ms, exit 0)`: one command of --verbose. */
const COMMAND_LINE = /^\S+ runtime: (\S+) (\S+) (.*) \((\d+) ms, (?:exit -?\d+|no exit code)\)$/

/** A running `tug up`, its log lines stamped with the benchmark's clock. */
export class ControlPlane {
  /** Starts `tug up --runtime <engine> --verbose` (the default cluster: its worker nodes) with state in `home`. */
  constructor({engine, home}) {
    this.lines = []
    this.lastLineAt = 0
    this.exited = false
    this.child = spawn(process.execPath, [TUG, 'up', '--runtime', engine, '--verbose'], {
      env: {...process.env, TUG_HOME: home, NO_COLOR: '1'},
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    this.exit = new Promise((resolve) =>
      this.child.once('exit', (code, signal) => {
        this.exited = true
        resolve({code, signal})
      }),
    )
    createInterface({input: this.child.stderr, crlfDelay: Infinity}).on('line', (text) => {
      this.lastLineAt = now()
      this.lines.push({at: this.lastLineAt, text})
    })
  }

  /** Waits (bounded) for the kubelet to have started and finished its first relist. */
  async ready(timeoutMs = 30_000) {
    await poll(
      'tug up to start its kubelet',
      () => {
        if (this.exited) throw new Error(`tug up exited early:\n${this.tail()}`)
        return this.lines.some((line) => / runtime: \S+ volume ls /.test(line.text)) ? true : undefined
      },
      {timeoutMs, intervalMs: 20},
    )
  }

  /**
   * The runtime commands logged after `since`, each with when it started (arrival minus its duration) and
   * ended (arrival), on the benchmark's clock.
   */
  commandsSince(since) {
    const commands = []
    for (const line of this.lines) {
      if (line.at < since) continue
      const match = COMMAND_LINE.exec(line.text)
      if (!match) continue
      const durationMs = Number(match[4])
      commands.push({verb: match[2], args: match[3], start: line.at - durationMs, end: line.at, durationMs})
    }
    return commands
  }

  /** Waits (bounded) until the log has been quiet for `quietMs`: the kubelet's follow-up syncs are over. */
  async settle(quietMs = 600, timeoutMs = 15_000) {
    await poll(
      'the control plane to go quiet',
      () => (now() - this.lastLineAt >= quietMs ? true : undefined),
      {timeoutMs, intervalMs: 50},
    ).catch(() => undefined)
  }

  /** The last lines of the log, for error messages. */
  tail(count = 20) {
    return this.lines
      .slice(-count)
      .map((line) => line.text)
      .join('\n')
  }

  /** Notes what the benchmark did, and when, among the log's lines (for the saved log). */
  mark(text, at = now()) {
    this.lines.push({at, text: `-- bench: ${text}`})
  }

  /** Writes the log, each line with its arrival on the benchmark's clock in ms, for profiling. */
  save(file) {
    writeFileSync(
      file,
      [...this.lines]
        .sort((a, b) => a.at - b.at)
        .map((line) => `${line.at.toFixed(1).padStart(10)} ${line.text}\n`)
        .join(''),
    )
  }

  /** Stops it as Ctrl-C would (SIGTERM), then SIGKILL if it has not exited within the bound. */
  async stop(timeoutMs = 15_000) {
    if (this.exited) return
    this.child.kill('SIGTERM')
    const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs)
    await this.exit
    clearTimeout(timer)
  }
}
