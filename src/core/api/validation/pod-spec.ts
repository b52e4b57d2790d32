/** A PodSpec, in a Pod or a template (k8s@1.28 ValidatePodSpec, the parts Tugboat runs). */
import type {FieldError} from '../field.js'
import {invalid} from '../field.js'
import {validateDNS1123Label, validateDNS1123Subdomain, validateLabels} from '../names.js'
import type {PodSpec} from '../types.js'
import {validateContainers, validateInitContainers} from './container.js'
import {inclusiveRange, oneOf} from './scalars.js'
import {stringMap, text} from './shape.js'
import {validateTolerations} from './tolerations.js'
import {validateVolumes} from './volumes.js'

/** restartPolicy values, in Kubernetes' order. */
export const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'] as const
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'] as const
const MAX_INT32 = 2147483647

/** A PodSpec with the fields Kubernetes 1.28 allows on every pod; `path` is `spec` or `spec.template.spec`. */
export function validatePodSpec(
  spec: PodSpec & {activeDeadlineSeconds?: number},
  path: string,
): FieldError[] {
  const volumes = validateVolumes(spec.volumes, `${path}.volumes`)
  const errors = [...volumes.errors]
  errors.push(...validateContainers(spec.containers, volumes.names, `${path}.containers`))
  errors.push(
    ...validateInitContainers(spec.initContainers, spec.containers, volumes.names, `${path}.initContainers`),
  )
  errors.push(...oneOf(spec.restartPolicy, RESTART_POLICIES, `${path}.restartPolicy`))
  errors.push(...oneOf(spec.dnsPolicy, DNS_POLICIES, `${path}.dnsPolicy`))
  errors.push(...validateLabels(stringMap(spec.nodeSelector), `${path}.nodeSelector`))
  if (text(spec.serviceAccountName))
    errors.push(...validateDNS1123Subdomain(text(spec.serviceAccountName), `${path}.serviceAccountName`))
  if (text(spec.nodeName)) errors.push(...validateDNS1123Subdomain(text(spec.nodeName), `${path}.nodeName`))
  const deadline = spec.activeDeadlineSeconds
  if (deadline !== undefined && !(Number.isInteger(deadline) && deadline >= 1 && deadline <= MAX_INT32)) {
    errors.push(invalid(`${path}.activeDeadlineSeconds`, deadline, inclusiveRange(1, MAX_INT32)))
  }
  if (text(spec.hostname)) errors.push(...validateDNS1123Label(text(spec.hostname), `${path}.hostname`))
  errors.push(...validateTolerations(spec.tolerations, `${path}.tolerations`))
  return errors
}
