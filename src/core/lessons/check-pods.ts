/** The `pods` and `pod` checks: how many pods match, and what one pod looks like. */
import type {ApiServer} from '../api/api-server.js'
import {mustTypeForKind} from '../api/resources.js'
import {parseSelector} from '../api/selectors.js'
import type {Pod} from '../api/types.js'
import type {ConditionFields} from './types.js'

const PODS = mustTypeForKind('Pod')

/** Whether a pod's Ready condition is True, as `tug get pods` counts READY. */
export function isPodReady(pod: Pod): boolean {
  return pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false
}

/** `pods: {selector, count, phase?, ready?}`: exactly `count` pods match, not counting terminating ones. */
export function checkPods(api: ApiServer, fields: ConditionFields): string[] {
  const selector = fields.selector as string
  const namespace = (fields.namespace as string | undefined) ?? 'default'
  const pods = (api.list(PODS, {namespace, selector: parseSelector(selector)}) as Pod[]).filter(
    (pod) => !pod.metadata.deletionTimestamp,
  )
  const matching = pods.filter(
    (pod) =>
      (fields.phase === undefined || pod.status?.phase === fields.phase) &&
      (fields.ready === undefined || isPodReady(pod) === fields.ready),
  )
  const want = fields.count as number
  if (matching.length === want) return []
  return [`found ${matching.length} ${describePods(fields, matching.length)} with ${selector}, want ${want}`]
}

/** "Running and Ready pods", "pods that are not Ready", "pod". */
function describePods(fields: ConditionFields, count: number): string {
  const noun = count === 1 ? 'pod' : 'pods'
  const readiness = fields.ready === undefined ? undefined : fields.ready ? 'Ready' : 'not Ready'
  if (fields.phase && readiness) return `${fields.phase as string} and ${readiness} ${noun}`
  if (fields.phase) return `${fields.phase as string} ${noun}`
  return readiness ? `${readiness} ${noun}` : noun
}

/** `pod: {name, phase?, ready?, image?, containers?, sharedEmptyDir?}`: one pod, every named property. */
export function checkPod(api: ApiServer, fields: ConditionFields): string[] {
  const name = fields.name as string
  const pod = api.find(PODS, (fields.namespace as string | undefined) ?? 'default', name) as Pod | undefined
  if (!pod) return [`pod "${name}" not found`]
  const reasons: string[] = []
  const phase = pod.status?.phase ?? 'Pending'
  if (fields.phase !== undefined && phase !== fields.phase)
    reasons.push(`pod "${name}" is ${phase}, want ${fields.phase as string}`)
  if (fields.ready !== undefined && isPodReady(pod) !== fields.ready)
    reasons.push(
      `pod "${name}" is ${isPodReady(pod) ? 'Ready' : 'not Ready'}, want ${fields.ready ? 'Ready' : 'not Ready'}`,
    )
  const containers = pod.spec.containers
  if (fields.containers !== undefined && containers.length !== fields.containers)
    reasons.push(
      `pod "${name}" has ${plural(containers.length, 'container')}, want ${fields.containers as number}`,
    )
  const images = containers.map((c) => c.image ?? '')
  if (fields.image !== undefined && !images.includes(fields.image as string))
    reasons.push(`pod "${name}" runs ${images.join(', ')}, want ${fields.image as string}`)
  if (fields.sharedEmptyDir !== undefined && sharesEmptyDir(pod) !== fields.sharedEmptyDir)
    reasons.push(
      fields.sharedEmptyDir
        ? `pod "${name}" has no emptyDir volume mounted by all of its ${plural(containers.length, 'container')}`
        : `pod "${name}" has an emptyDir volume mounted by all of its containers`,
    )
  return reasons
}

/** Whether some emptyDir volume is mounted by every container of a pod with two or more. */
function sharesEmptyDir(pod: Pod): boolean {
  const {containers, volumes = []} = pod.spec
  if (containers.length < 2) return false
  return volumes
    .filter((volume) => volume.emptyDir !== undefined)
    .some((volume) => containers.every((c) => c.volumeMounts?.some((m) => m.name === volume.name)))
}

/** "1 container", "2 containers". */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}
