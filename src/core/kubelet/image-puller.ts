/**
 * Making sure a container's image is there before it runs (k8s@1.28 pkg/kubelet/images/image_manager.go
 * EnsureImageExists): the pull policy decides, a failed pull is ErrImagePull and starts a back-off during which
 * the kubelet does not try again (ImagePullBackOff, `Back-off pulling image "x"`), with Pulling/Pulled/Failed/
 * BackOff events. Images known to be present are remembered, so a steady pod costs no engine call.
 */
import type {Container, Pod} from '../api/types.js'
import type {ContainerRuntime} from '../runtime/container-runtime.js'
import type {Backoff} from './backoff.js'
import type {Clock} from '../loop/clock.js'
import type {WaitingReason} from './container-status.js'
import type {RecordEvent} from './kubelet-events.js'
import {kubeletEvents} from './kubelet-events.js'
import {pullBackoffKey} from './naming.js'
import {pullDecision} from './pull-policy.js'

/** Ready to run, or why not (the container's waiting reason) and when to try again. */
export type ImageOutcome = {ok: true} | {ok: false; reason: WaitingReason; retryAfterMs?: number}

/** What the puller needs. */
export interface ImagePullerOptions {
  runtime: ContainerRuntime
  clock: Clock
  backoff: Backoff
  record: RecordEvent
  narrate: (message: string) => void
}

/** What is known of an engine's images: the nodes of this host share one, so one look serves every kubelet. */
interface EngineImages {
  /** Images known to be present. */
  present: Set<string>
  /** Look-ups under way, so two asking for one image share one engine command. */
  looking: Map<string, Promise<boolean>>
}

const imagesOf = new WeakMap<ContainerRuntime, EngineImages>()

/** The image side of starting containers. */
export class ImagePuller {
  private readonly present: Set<string>
  private readonly looking: Map<string, Promise<boolean>>

  constructor(private readonly options: ImagePullerOptions) {
    const known = imagesOf.get(options.runtime) ?? {
      present: new Set<string>(),
      looking: new Map<string, Promise<boolean>>(),
    }
    imagesOf.set(options.runtime, known)
    this.present = known.present
    this.looking = known.looking
  }

  /** Ensures a pod container's image per its pull policy. */
  async ensure(pod: Pod, container: Container): Promise<ImageOutcome> {
    const image = container.image ?? ''
    const {record} = this.options
    const present = await this.isPresent(image)
    const decision = pullDecision(container.imagePullPolicy, present)
    if (decision === 'use') {
      record(pod, kubeletEvents.alreadyPresent(image), container.name)
      return {ok: true}
    }
    if (decision === 'never-pull') {
      const event = kubeletEvents.neverPull(image)
      record(pod, event, container.name)
      record(pod, kubeletEvents.failed('ErrImageNeverPull'), container.name)
      return {ok: false, reason: {reason: 'ErrImageNeverPull', message: event.message}}
    }
    return this.pull(pod, container.name, image)
  }

  /** The infra image: pulled only when missing, without pod events; throws when it cannot be had. */
  async ensureInfra(image: string): Promise<void> {
    if (await this.isPresent(image)) return
    this.options.narrate(`pulling infra image ${image}`)
    await this.options.runtime.pullImage(image)
    this.present.add(image)
  }

  /**
   * Starts finding out whether these images are there, so that a later ensure() need not wait for the engine
   * (the kubelet asks about a pod's app images while its infra container starts). No events, no pulls.
   */
  lookAhead(images: readonly string[]): void {
    for (const image of images) if (image) void this.isPresent(image).catch(() => undefined)
  }

  /** Forgets that an image is present (a run said it is not). */
  forget(image: string): void {
    this.present.delete(image)
  }

  private async isPresent(image: string): Promise<boolean> {
    if (this.present.has(image)) return true
    let lookup = this.looking.get(image)
    if (!lookup) {
      lookup = this.options.runtime.imageExists(image).finally(() => this.looking.delete(image))
      this.looking.set(image, lookup)
    }
    const present = await lookup
    if (present) this.present.add(image)
    return present
  }

  private async pull(pod: Pod, container: string, image: string): Promise<ImageOutcome> {
    const {backoff, clock, record, runtime} = this.options
    const key = pullBackoffKey(pod, image)
    if (backoff.isInBackOffSinceUpdate(key, clock.now())) {
      const event = kubeletEvents.pullBackOff(image)
      record(pod, event, container)
      record(pod, kubeletEvents.failed('ImagePullBackOff'), container)
      const reason = {reason: 'ImagePullBackOff', message: event.message}
      return {ok: false, reason, retryAfterMs: backoff.remainingSinceUpdate(key)}
    }
    record(pod, kubeletEvents.pulling(image), container)
    this.options.narrate(`pulling image ${image}`)
    const start = clock.now()
    try {
      await runtime.pullImage(image, this.progress(image))
    } catch (error) {
      const message = oneLine(error)
      record(pod, kubeletEvents.failedPull(image, message), container)
      backoff.next(key, clock.now())
      record(pod, kubeletEvents.failed('ErrImagePull'), container)
      const firstLine = message.split(' command: ')[0] ?? message
      this.options.narrate(
        `could not pull ${image}: ${firstLine}; trying again in ${backoff.get(key) / 1000}s`,
      )
      return {ok: false, reason: {reason: 'ErrImagePull', message}, retryAfterMs: backoff.get(key)}
    }
    this.present.add(image)
    const took = clock.now() - start
    record(pod, kubeletEvents.pulled(image, took, took), container)
    return {ok: true}
  }

  /** Pull progress for the narration, at most one line a second so long pulls show life without flooding. */
  private progress(image: string): (line: string) => void {
    let last = -Infinity
    return (line) => {
      const now = this.options.clock.now()
      if (now - last < 1000) return
      last = now
      this.options.narrate(`pulling ${image}: ${line}`)
    }
  }
}

/** An error's message on one line: events and waiting messages are table cells, not paragraphs. */
export function oneLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error)
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join(' ')
}
