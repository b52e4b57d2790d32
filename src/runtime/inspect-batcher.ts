/**
 * Inspects that overlap go out as fewer engine commands: while one `inspect` runs, the ids asked for meanwhile
 * wait for it and then go together in the next one. When pods start side by side (several kubelets, several
 * pods each), each one's last look at its new containers would otherwise be a command of its own, and every
 * engine command costs a process start that the `run`s beside it need the CPU for. A lone inspect goes at once.
 */
import type {ContainerInfo} from '../core/runtime/container-runtime.js'

/** The batch that waits for the running inspect. */
interface Batch {
  ids: Set<string>
  result: Promise<ContainerInfo[]>
}

/** Coalesces the inspects of one engine. */
export class InspectBatcher {
  private running: Promise<void> | undefined
  private waiting: Batch | undefined

  constructor(private readonly inspect: (ids: string[]) => Promise<ContainerInfo[]>) {}

  /** What the engine says of these containers (those that no longer exist are left out). */
  async get(ids: readonly string[]): Promise<ContainerInfo[]> {
    if (!this.running) return this.start([...new Set(ids)])
    const batch = this.waiting ?? this.nextBatch(this.running)
    for (const id of ids) batch.ids.add(id)
    const all = await batch.result
    return all.filter((container) => ids.some((id) => container.id.startsWith(id)))
  }

  private nextBatch(running: Promise<void>): Batch {
    const batch: Batch = {ids: new Set(), result: Promise.resolve([])}
    batch.result = running.then(() => {
      this.waiting = undefined
      return this.start([...batch.ids])
    })
    this.waiting = batch
    return batch
  }

  private start(ids: string[]): Promise<ContainerInfo[]> {
    const result = this.inspect(ids)
    const running = result.then(
      () => undefined,
      () => undefined,
    )
    this.running = running
    void running.then(() => {
      if (this.running === running) this.running = undefined
    })
    return result
  }
}
