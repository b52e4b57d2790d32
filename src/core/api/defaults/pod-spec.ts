/**
 * Defaults of every PodSpec, whether in a Pod or in a controller's template (k8s@1.28 pkg/apis/core/v1/defaults.go:
 * SetDefaults_PodSpec, SetDefaults_Container, SetDefaults_ContainerPort, SetDefaults_Probe, SetDefaults_HTTPGetAction,
 * SetDefaults_Volume, SetDefaults_ObjectFieldSelector).
 */
import type {Container, PodSpec, Probe, Volume} from '../types.js'
import {isRecord, records} from '../validation/shape.js'

/** v1.DefaultTerminationGracePeriodSeconds. */
export const DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS = 30
/** v1.DefaultSchedulerName. */
export const DEFAULT_SCHEDULER_NAME = 'default-scheduler'
/** v1.TerminationMessagePathDefault. */
export const DEFAULT_TERMINATION_MESSAGE_PATH = '/dev/termination-log'

/** Fills a PodSpec's defaults in place, containers, probes and volumes included. */
export function defaultPodSpec(spec: PodSpec): void {
  spec.dnsPolicy ||= 'ClusterFirst'
  spec.restartPolicy ||= 'Always'
  spec.securityContext ??= {}
  spec.terminationGracePeriodSeconds ??= DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS
  spec.schedulerName ||= DEFAULT_SCHEDULER_NAME
  for (const volume of records<Volume>(spec.volumes)) defaultVolume(volume)
  for (const container of [
    ...records<Container>(spec.initContainers),
    ...records<Container>(spec.containers),
  ])
    defaultContainer(container)
}

/** Container defaults: pull policy from the image tag, termination message, port protocols, probe timings. */
export function defaultContainer(container: Container): void {
  container.imagePullPolicy ||= defaultPullPolicy(container.image ?? '')
  container.terminationMessagePath ||= DEFAULT_TERMINATION_MESSAGE_PATH
  container.terminationMessagePolicy ||= 'File'
  // Not a server default in Go terms: ResourceRequirements is a struct, so it always serialises as `resources: {}`.
  container.resources ??= {}
  for (const port of records<{protocol?: string}>(container.ports)) port.protocol ||= 'TCP'
  for (const env of records<{valueFrom?: unknown}>(container.env)) {
    const fieldRef = isRecord(env.valueFrom) ? env.valueFrom.fieldRef : undefined
    if (isRecord(fieldRef)) fieldRef.apiVersion ||= 'v1'
  }
  for (const probe of [container.livenessProbe, container.readinessProbe, container.startupProbe]) {
    if (isRecord(probe)) defaultProbe(probe)
  }
}

/** `Always` for `:latest` or no tag at all, else `IfNotPresent` (a digest without a tag counts as pinned). */
export function defaultPullPolicy(image: string): 'Always' | 'IfNotPresent' {
  const [reference = ''] = image.split('@')
  const lastSlash = reference.lastIndexOf('/')
  const colon = reference.lastIndexOf(':')
  const tag = colon > lastSlash ? reference.slice(colon + 1) : ''
  const hasDigest = image.includes('@')
  return tag === 'latest' || (tag === '' && !hasDigest) ? 'Always' : 'IfNotPresent'
}

/** Probe timings default only when zero or unset, as Go's zero values are indistinguishable from "unset". */
export function defaultProbe(probe: Probe): void {
  probe.timeoutSeconds ||= 1
  probe.periodSeconds ||= 10
  probe.successThreshold ||= 1
  probe.failureThreshold ||= 3
  if (isRecord(probe.httpGet)) {
    probe.httpGet.path ||= '/'
    probe.httpGet.scheme ||= 'HTTP'
  }
}

/** A volume that names no source becomes an emptyDir. */
export function defaultVolume(volume: Volume): void {
  const sources = Object.keys(volume).filter((key) => key !== 'name')
  if (sources.length === 0) volume.emptyDir = {}
}
