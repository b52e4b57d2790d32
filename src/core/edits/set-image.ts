/**
 * `tug set image`: change container images of pods and of the pod templates of Deployments, ReplicaSets and
 * ReplicationControllers, with `CONTAINER=IMAGE` pairs or `*=IMAGE` for every container (init containers too),
 * as kubectl's set image does. Unlike kubectl, nothing is written when any pair names a missing container.
 */
import type {ApiServer} from '../api/api-server.js'
import {UserError} from '../api/errors.js'
import {cloneObject, jsonEqual} from '../api/object-meta.js'
import {qualifiedPlural} from '../api/resources.js'
import type {Container, KubeObject, PodSpec} from '../api/types.js'
import type {DryRun} from '../generators/dry-run.js'
import {validateImageReference} from '../generators/image-reference.js'
import {parsePairs} from './pairs.js'
import type {EditedObject, Target, TargetQuery} from './targets.js'
import {checkTargetQuery, findTargets} from './targets.js'

/** A set image request: which objects, and the raw `CONTAINER=IMAGE` pairs. */
export interface SetImageRequest extends TargetQuery {
  images: readonly string[]
  dryRun: DryRun
}

/** Parses and checks the pairs: at least one, `*` alone, every image a valid reference. */
export function parseImagePairs(pairs: readonly string[]): Map<string, string> {
  const images = new Map(Object.entries(parsePairs(pairs, 'image', false).set))
  if (images.size === 0)
    throw new UserError(
      'at least one image update is required',
      'e.g. nginx=nginx:1.25, or *=nginx:1.25 for every container',
    )
  if (images.size > 1 && images.has('*')) {
    throw new UserError(
      'all containers are already specified by *, but saw more than one container_name=container_image pairs',
    )
  }
  for (const image of images.values()) validateImageReference(image)
  return images
}

/** Sets the images on every target in one transaction; returns only the objects that changed. */
export function setImages(api: ApiServer, request: SetImageRequest): EditedObject[] {
  checkTargetQuery(request)
  const images = parseImagePairs(request.images)
  return api.store.transaction(() => {
    const {targets} = findTargets(api, request)
    const updated = targets.map((target) => ({target, next: withImages(target, images)}))
    const missing = [...new Set(updated.flatMap(({next}) => next.missing))]
    // kubectl prints each missing name as its own `error: ...` line; the first prefix comes from the caller.
    if (missing.length)
      throw new UserError(
        missing.map((name) => `unable to find container named ${JSON.stringify(name)}`).join('\nerror: '),
      )
    return updated
      .filter(({target, next}) => !jsonEqual(target.object.spec, next.object.spec))
      .map(({target, next}) => ({type: target.type, object: write(api, next.object, request.dryRun)}))
  })
}

function write(api: ApiServer, object: KubeObject, dryRun: DryRun): KubeObject {
  if (dryRun === 'client') return object
  return api.update(object, {dryRun: dryRun === 'server'})
}

/** The object with its images replaced, and the container names that matched nothing. */
function withImages(
  {type, object}: Target,
  images: ReadonlyMap<string, string>,
): {object: KubeObject; missing: string[]} {
  const next = cloneObject(object) as KubeObject
  const spec = podSpecOf(next)
  if (!spec) {
    throw new UserError(
      `${qualifiedPlural(type)}/${object.metadata.name} the object is not a pod or does not have a pod template: *v1.${type.kind}`,
    )
  }
  const missing: string[] = []
  for (const [name, image] of images) {
    const found = [spec.initContainers ?? [], spec.containers].map((containers) =>
      setImage(containers, name, image),
    )
    if (!found.some(Boolean)) missing.push(name)
  }
  return {object: next, missing}
}

/** Sets the image of the container called `name` (every container for `*`); true when one matched. */
function setImage(containers: Container[], name: string, image: string): boolean {
  let found = false
  for (const container of containers) {
    if (container.name !== name && name !== '*') continue
    container.image = image
    found = true
  }
  return found
}

/** A pod's spec, or the pod template's spec of a workload; undefined for other kinds. */
function podSpecOf(object: KubeObject): PodSpec | undefined {
  if (object.kind === 'Pod') return object.spec as PodSpec
  if (['Deployment', 'ReplicaSet', 'ReplicationController'].includes(object.kind)) {
    return (object.spec as {template?: {spec?: PodSpec}} | undefined)?.template?.spec
  }
  return undefined
}
