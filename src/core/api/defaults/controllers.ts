/**
 * Defaults of the replica controllers (k8s@1.28 pkg/apis/apps/v1/defaults.go, pkg/apis/core/v1/defaults.go
 * SetDefaults_ReplicationController). Their pod templates get every PodSpec default, as the API server's
 * defaulting walks nested structs.
 */
import type {Deployment, PodTemplateSpec, ReplicaSet, ReplicationController} from '../types.js'
import {isRecord} from '../validation/shape.js'
import {defaultPodSpec} from './pod-spec.js'

/** apps/v1 Deployment defaults. */
export const DEPLOYMENT_DEFAULTS = {
  replicas: 1,
  maxSurge: '25%',
  maxUnavailable: '25%',
  revisionHistoryLimit: 10,
  progressDeadlineSeconds: 600,
} as const

/** ReplicaSet: one replica, and template defaults. */
export function defaultReplicaSet(rs: ReplicaSet): void {
  const spec = ensureSpec(rs)
  spec.replicas ??= 1
  spec.template = defaultTemplate(spec.template)
}

/** ReplicationController: selector and metadata.labels default to the template's labels; one replica. */
export function defaultReplicationController(rc: ReplicationController): void {
  const spec = ensureSpec(rc)
  // The template is optional for an RC (a pointer in Go); validation says it is required.
  if (isRecord(spec.template)) {
    if (!isRecord(spec.template.spec)) spec.template.spec = {} as PodTemplateSpec['spec']
    defaultPodSpec(spec.template.spec)
    const labels = spec.template.metadata?.labels
    if (isRecord(labels)) {
      if (!isRecord(spec.selector) || Object.keys(spec.selector).length === 0) spec.selector = {...labels}
      if (!isRecord(rc.metadata.labels) || Object.keys(rc.metadata.labels).length === 0)
        rc.metadata.labels = {...labels}
    }
  }
  spec.replicas ??= 1
}

/** Deployment: replicas, RollingUpdate 25%/25%, history 10, progress deadline 600s, and template defaults. */
export function defaultDeployment(deployment: Deployment): void {
  const spec = ensureSpec(deployment)
  spec.replicas ??= DEPLOYMENT_DEFAULTS.replicas
  const strategy = isRecord(spec.strategy) ? spec.strategy : {}
  strategy.type ||= 'RollingUpdate'
  if (strategy.type === 'RollingUpdate') {
    const rollingUpdate = isRecord(strategy.rollingUpdate) ? strategy.rollingUpdate : {}
    rollingUpdate.maxUnavailable ??= DEPLOYMENT_DEFAULTS.maxUnavailable
    rollingUpdate.maxSurge ??= DEPLOYMENT_DEFAULTS.maxSurge
    strategy.rollingUpdate = rollingUpdate
  }
  spec.strategy = strategy
  spec.revisionHistoryLimit ??= DEPLOYMENT_DEFAULTS.revisionHistoryLimit
  spec.progressDeadlineSeconds ??= DEPLOYMENT_DEFAULTS.progressDeadlineSeconds
  spec.template = defaultTemplate(spec.template)
}

/** apps/v1 templates are structs, so a missing one is an empty template (validation then asks for containers). */
function defaultTemplate(template: PodTemplateSpec | undefined): PodTemplateSpec {
  const result = isRecord(template) ? template : ({} as PodTemplateSpec)
  if (!isRecord(result.spec)) result.spec = {} as PodTemplateSpec['spec']
  defaultPodSpec(result.spec)
  return result
}

function ensureSpec<T extends {spec: unknown}>(object: T): NonNullable<T['spec']> {
  if (!isRecord(object.spec)) object.spec = {}
  return object.spec as NonNullable<T['spec']>
}
