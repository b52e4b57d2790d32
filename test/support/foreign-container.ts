/**
 * A container Tugboat did not create, started beside the kubelet's with the engine's own CLI: no Tugboat
 * labels, the pause image. Tests check it is still running, never restarted, once everything else ran.
 */
import type {EngineName} from '../../src/runtime/dialect.js'
import {runEngine} from './kubelet-cluster.js'

/** The container's identity and start time, as the engine reports them. */
export interface ForeignState {
  id: string
  running: boolean
  startedAt: string
  restartCount: string
}

/** A foreign container by name. */
export class ForeignContainer {
  constructor(
    readonly engine: EngineName,
    readonly name: string,
  ) {}

  /** Runs it detached; resolves with its state. */
  async start(): Promise<ForeignState> {
    await runEngine(this.engine, ['run', '--detach', `--name=${this.name}`, '--', 'tugboat/pause:3.9'])
    const state = await this.state()
    if (!state) throw new Error(`${this.name} did not start`)
    return state
  }

  /** Its current state, or undefined when it is gone. */
  async state(): Promise<ForeignState | undefined> {
    // `|` between fields: podman prints StartedAt with spaces in it.
    const format = '{{.Id}}|{{.State.Running}}|{{.State.StartedAt}}|{{.RestartCount}}'
    const result = await runEngine(this.engine, [
      'inspect',
      '--type=container',
      `--format=${format}`,
      '--',
      this.name,
    ]).catch(() => undefined)
    const [id = '', running = '', startedAt = '', restartCount = ''] = result?.stdout.trim().split('|') ?? []
    return id ? {id, running: running === 'true', startedAt, restartCount} : undefined
  }

  /** Removes it (at once: the pause image exits on SIGTERM, and `--time=0` spares podman's wait). */
  async remove(): Promise<void> {
    const wait = this.engine === 'podman' ? ['--time=0'] : []
    await runEngine(this.engine, ['rm', '--force', ...wait, '--', this.name]).catch(() => undefined)
  }
}
