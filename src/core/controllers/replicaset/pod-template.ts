/**
 * A new pod from a controller's template (k8s@1.28 pkg/controller/controller_utils.go GetPodFromTemplate):
 * the template's labels, annotations, finalizers and spec, a generated name `<owner>-<5 chars>`, and the
 * owner as its controller.
 */
import {cloneObject} from '../../api/object-meta.js'
import type {OwnerReference, Pod, PodTemplateSpec} from '../../api/types.js'

/** The longest object name; `<name>-` past it would be refused, so the dash is dropped (getPodsPrefix). */
const MAX_NAME_LENGTH = 253

/** The pod a controller creates; throws when the template has no labels, as RealPodControl refuses it. */
export function podFromTemplate(
  template: PodTemplateSpec | undefined,
  owner: {name: string; namespace: string},
  controllerRef: OwnerReference,
): Pod {
  if (!template) throw new Error('unable to create pods, no pod template')
  const labels = {...(template.metadata?.labels ?? {})}
  if (Object.keys(labels).length === 0) throw new Error('unable to create pods, no labels')
  const annotations = template.metadata?.annotations
  const finalizers = template.metadata?.finalizers
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      generateName: podNamePrefix(owner.name),
      namespace: owner.namespace,
      labels,
      ...(annotations && Object.keys(annotations).length ? {annotations: {...annotations}} : {}),
      ...(finalizers?.length ? {finalizers: [...finalizers]} : {}),
      ownerReferences: [{...controllerRef}],
    },
    spec: cloneObject(template.spec),
  }
}

/** `web-` makes prettier names (`web-x7k2p`); the API server then cuts the base to 58 characters. */
export function podNamePrefix(ownerName: string): string {
  const prefix = `${ownerName}-`
  return prefix.length > MAX_NAME_LENGTH ? ownerName : prefix
}
