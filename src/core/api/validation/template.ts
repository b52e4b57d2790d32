/**
 * Pod templates of the replica controllers (k8s@1.28 ValidatePodTemplateSpec, ValidatePodTemplateSpecForReplicaSet,
 * ValidatePodTemplateSpecForRC): labels that match the selector, a valid PodSpec, restartPolicy Always.
 */
import type {FieldError} from '../field.js'
import {forbidden, invalid, notSupported} from '../field.js'
import {validateAnnotations, validateLabels} from '../names.js'
import type {Selector} from '../selectors.js'
import {isEverything, matchesSelector} from '../selectors.js'
import type {PodSpec, PodTemplateSpec} from '../types.js'
import {goStringMap} from './go-value.js'
import {validatePodSpec} from './pod-spec.js'
import {isRecord, stringMap} from './shape.js'

/** What selects the template's pods: a parsed selector, or `nothing` when the selector is missing. */
export type TemplateSelector = Selector | 'nothing'

/**
 * A controller's template at `path` (`spec.template`); `owner` names the kind in Kubernetes' message about
 * activeDeadlineSeconds (Deployments share the ReplicaSet wording, as in Kubernetes).
 */
export function validateControllerTemplate(
  template: PodTemplateSpec,
  selector: TemplateSelector | undefined,
  owner: 'ReplicaSet' | 'ReplicationController',
  path: string,
): FieldError[] {
  const errors: FieldError[] = []
  const labels = isRecord(template.metadata) ? template.metadata.labels : undefined
  const matches =
    selector === 'nothing'
      ? false
      : selector === undefined || isEverything(selector) || matchesSelector(selector, stringMap(labels))
  if (!matches) {
    const detail = '`selector` does not match template `labels`'
    const at = `${path}.metadata.labels`
    errors.push(invalid(at, goStringMap(labels), detail))
  }
  errors.push(...validatePodTemplateSpec(template, path))
  const spec = (isRecord(template.spec) ? template.spec : {}) as PodSpec & {activeDeadlineSeconds?: number}
  if (spec.restartPolicy !== 'Always')
    errors.push(notSupported(`${path}.spec.restartPolicy`, spec.restartPolicy ?? '', ['Always']))
  if (spec.activeDeadlineSeconds !== undefined) {
    errors.push(
      forbidden(`${path}.spec.activeDeadlineSeconds`, `activeDeadlineSeconds in ${owner} is not Supported`),
    )
  }
  return errors
}

/** A template's own metadata and spec; Kubernetes reports its labels at `<path>.labels`, without `metadata`. */
export function validatePodTemplateSpec(template: PodTemplateSpec, path: string): FieldError[] {
  const metadata = isRecord(template.metadata) ? template.metadata : {}
  return [
    ...validateLabels(stringMap(metadata.labels), `${path}.labels`),
    ...validateAnnotations(stringMap(metadata.annotations), `${path}.annotations`),
    ...validatePodSpec((isRecord(template.spec) ? template.spec : {}) as PodSpec, `${path}.spec`),
  ]
}
