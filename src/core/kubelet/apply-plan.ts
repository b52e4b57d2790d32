/**
 * Carries out a pod's plan through the runtime, in order, recording events and narrating as it goes.
 * Stopping, removing and the sandbox are all-or-nothing: a failure there aborts the plan (the queue retries
 * the pod with back-off). A container that cannot start (image, configuration, runtime error) is remembered
 * in the reason cache for the status and the others still start; its error is returned for a retry.
 */
import type {Container, Pod} from '../api/types.js'
import type {ContainerInfo, ContainerRuntime} from '../runtime/container-runtime.js'
import type {Backoff} from './backoff.js'
import type {Clock} from '../loop/clock.js'
import {needsPodIP} from './container-env.js'
import {appContainerSpec, infraContainerSpec} from './container-spec.js'
import type {ImagePuller} from './image-puller.js'
import {oneLine} from './image-puller.js'
import type {RecordEvent} from './kubelet-events.js'
import {kubeletEvents} from './kubelet-events.js'
import {crashBackoffKey, podLabels} from './naming.js'
import type {ObservedPod} from './observed-pod.js'
import {attemptOf, isRunning} from './observed-pod.js'
import type {PlanAction, PodPlan, StopTarget} from './plan.js'
import type {ReasonCache} from './reason-cache.js'

/** What applying a plan needs. */
export interface ApplyContext {
  node: string
  /** The pod; undefined when only left-overs are being removed. */
  pod: Pod | undefined
  observed: ObservedPod
  runtime: ContainerRuntime
  clock: Clock
  infraImage: string
  images: ImagePuller
  crashBackoff: Backoff
  reasons: ReasonCache
  record: RecordEvent
  /** Narrates about this pod (the prefix is added by the caller). */
  narrate: (message: string) => void
  /** Removes the pod object for good. */
  deletePod: (pod: Pod) => void
  /** Tells the container cache which containers the plan started or stopped (or tried to)... */
  changed: (ids: string[]) => void
  /** ...and which it removed. */
  removed: (ids: string[]) => void
  /** Reads one container from the engine now. */
  inspect: (id: string) => Promise<ContainerInfo | undefined>
}

/** What is left to retry after a plan ran. */
export interface ApplyResult {
  errors: string[]
  requeueAfterMs?: number
}

type Action<T extends PlanAction['type']> = Extract<PlanAction, {type: T}>

/** Applies the plan's steps in order. */
export async function applyPlan(plan: PodPlan, context: ApplyContext): Promise<ApplyResult> {
  const run = new PlanRun(context, plan)
  for (const action of plan.actions) await run.apply(action)
  return run.result
}

class PlanRun {
  readonly result: ApplyResult = {errors: []}
  private infra: {id: string; attempt: number; ip?: string} | undefined
  /** The containers the plan starts. */
  private readonly starting: Container[]

  constructor(
    private readonly context: ApplyContext,
    plan: PodPlan,
  ) {
    this.starting = plan.actions.flatMap((action) => (action.type === 'start' ? [action.container] : []))
    const infra = context.observed.infra[0]
    if (infra && isRunning(infra)) this.infra = {id: infra.id, attempt: attemptOf(infra), ip: infra.ip}
  }

  async apply(action: PlanAction): Promise<void> {
    const {runtime, pod, node} = this.context
    switch (action.type) {
      case 'create-volume':
        return runtime.createVolume(action.name, pod ? podLabels(pod, node) : {})
      case 'remove-volume':
        return runtime.removeVolume(action.name)
      case 'stop':
        return void (await Promise.all(action.targets.map((target) => this.stop(target))))
      case 'remove':
        return void (await Promise.all(action.containers.map((c) => this.remove(c.id))))
      case 'start-infra':
        return this.startInfra(action)
      case 'start':
        return this.start(action)
      case 'back-off':
        return this.backOff(action)
      case 'delete-pod':
        if (pod) this.context.deletePod(pod)
        return
    }
  }

  private async stop(target: StopTarget): Promise<void> {
    const {pod, record, narrate, runtime} = this.context
    if (target.killing && pod) {
      record(pod, kubeletEvents.killing(target.killing), target.name)
      const why = target.killing.charAt(0).toLowerCase() + target.killing.slice(1)
      narrate(`${why} (grace period ${target.graceSeconds}s)`)
    }
    try {
      await runtime.stopContainer(target.container.id, target.graceSeconds)
    } finally {
      this.context.changed([target.container.id])
    }
  }

  private async remove(id: string): Promise<void> {
    try {
      await this.context.runtime.removeContainer(id)
    } catch (error) {
      this.context.changed([id])
      throw error
    }
    this.context.removed([id])
  }

  private async startInfra(action: Action<'start-infra'>): Promise<void> {
    const {pod, record, narrate, runtime, node} = this.context
    if (!pod) return
    if (action.sandboxChanged) {
      record(pod, kubeletEvents.sandboxChanged())
      narrate('the infra container is gone: re-creating the sandbox and the containers in it')
    }
    try {
      // The app images are looked up while the infra container starts, not after it.
      const pulledAnyway = (c: Container) => c.imagePullPolicy === 'Always'
      this.context.images.lookAhead(this.starting.filter((c) => !pulledAnyway(c)).map((c) => c.image ?? ''))
      await this.context.images.ensureInfra(this.context.infraImage)
      const id = await runtime.runContainer(
        infraContainerSpec(pod, node, this.context.infraImage, action.attempt),
      )
      this.context.changed([id])
      // The pod's address is known only from inspect; the app containers wait for it only if they use it.
      const ip = needsPodIP(pod) ? (await this.context.inspect(id))?.ip : undefined
      this.infra = {id, attempt: action.attempt, ip}
    } catch (error) {
      record(pod, kubeletEvents.failedSandbox(oneLine(error)))
      throw error
    }
  }

  private async start(action: Action<'start'>): Promise<void> {
    const {pod, reasons, crashBackoff, narrate} = this.context
    const {container, restart} = action
    if (!pod || !this.infra) return
    const uid = pod.metadata.uid ?? ''
    if (restart) {
      crashBackoff.next(crashBackoffKey(pod, container), restart.eventTime)
      if (restart.exitCode !== undefined)
        narrate(`container ${container.name} exited with code ${restart.exitCode}, restarting`)
    }
    const image = await this.context.images.ensure(pod, container)
    if (!image.ok) {
      reasons.set(uid, container.name, image.reason)
      if (image.retryAfterMs !== undefined) this.requeueAfter(image.retryAfterMs)
      return
    }
    const built = appContainerSpec(pod, container, {
      node: this.context.node,
      attempt: action.attempt,
      infraId: this.infra.id,
      infraAttempt: this.infra.attempt,
      podIP: this.infra.ip,
    })
    if ('error' in built) return this.startFailed(container, 'CreateContainerConfigError', built.error)
    try {
      this.context.changed([await this.context.runtime.runContainer(built.spec)])
    } catch (error) {
      this.context.images.forget(container.image ?? '')
      return this.startFailed(container, 'RunContainerError', oneLine(error))
    }
    reasons.clear(uid, container.name)
    this.context.record(pod, kubeletEvents.created(container.name), container.name)
    this.context.record(pod, kubeletEvents.started(container.name), container.name)
    narrate(`started container ${container.name}${action.attempt ? ` (restart ${action.attempt})` : ''}`)
  }

  private startFailed(container: Container, reason: string, message: string): void {
    const {pod, reasons, record, narrate} = this.context
    if (!pod) return
    reasons.set(pod.metadata.uid ?? '', container.name, {reason, message})
    record(pod, kubeletEvents.failed(message), container.name)
    narrate(`container ${container.name} could not start: ${message.split(' command: ')[0] ?? message}`)
    this.result.errors.push(`container ${container.name}: ${message}`)
  }

  private backOff(action: Action<'back-off'>): void {
    const {pod, reasons, record, narrate} = this.context
    if (!pod) return
    const uid = pod.metadata.uid ?? ''
    const before = reasons.of(uid).get(action.container.name)
    reasons.set(uid, action.container.name, {reason: 'CrashLoopBackOff', message: action.message})
    record(pod, kubeletEvents.backOff(action.container.name, pod), action.container.name)
    if (before?.message !== action.message)
      narrate(
        `container ${action.container.name} exited with code ${action.exitCode}, restarting in ${action.delayMs / 1000}s`,
      )
  }

  private requeueAfter(ms: number): void {
    const current = this.result.requeueAfterMs
    this.result.requeueAfterMs = current === undefined ? ms : Math.min(current, ms)
  }
}
