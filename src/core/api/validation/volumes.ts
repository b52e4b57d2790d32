/** Pod volumes and container volume mounts (k8s@1.28 ValidateVolumes, validateVolumeSource, ValidateVolumeMounts). */
import type {FieldError} from '../field.js'
import {duplicate, forbidden, invalid, required} from '../field.js'
import {validateDNS1123Label} from '../names.js'
import type {Volume, VolumeMount} from '../types.js'
import {indexed, isRecord, text} from './shape.js'

/** Validates spec.volumes; returns the names of the valid volumes, which mounts may refer to. */
export function validateVolumes(volumes: unknown, path: string): {names: Set<string>; errors: FieldError[]} {
  const names = new Set<string>()
  const errors: FieldError[] = []
  for (const [volume, i] of indexed<Volume>(volumes)) {
    const at = `${path}[${i}]`
    if (!isRecord(volume)) {
      errors.push(invalid(at, volume, 'must be an object'))
      continue
    }
    const name = text(volume.name)
    const own = validateSource(volume, at)
    if (!name) own.push(required(`${at}.name`, ''))
    else own.push(...validateDNS1123Label(name, `${at}.name`))
    if (names.has(name)) own.push(duplicate(`${at}.name`, name))
    // Only a volume without problems can be mounted, so a broken one is also reported as "Not found" by mounts.
    if (own.length === 0) names.add(name)
    errors.push(...own)
  }
  return {names, errors}
}

/** Exactly one source (defaulting turned "none" into emptyDir); a second one is Forbidden. */
function validateSource(volume: Volume, path: string): FieldError[] {
  const sources = Object.keys(volume).filter(
    (key) => key !== 'name' && volume[key] !== undefined && volume[key] !== null,
  )
  if (sources.length === 0) return [required(path, 'must specify a volume type')]
  return sources
    .slice(1)
    .map((source) => forbidden(`${path}.${source}`, 'may not specify more than 1 volume type'))
}

/** A container's mounts: named volumes that exist, unique mount paths, relative subPaths. */
export function validateVolumeMounts(
  mounts: unknown,
  volumes: ReadonlySet<string>,
  path: string,
): FieldError[] {
  const errors: FieldError[] = []
  const mountPaths = new Set<string>()
  for (const [mount, i] of indexed<VolumeMount>(mounts)) {
    const at = `${path}[${i}]`
    if (!isRecord(mount)) {
      errors.push(invalid(at, mount, 'must be an object'))
      continue
    }
    const name = text(mount.name)
    const mountPath = text(mount.mountPath)
    if (!name) errors.push(required(`${at}.name`, ''))
    if (!volumes.has(name)) errors.push({type: 'Not found', field: `${at}.name`, value: name})
    if (!mountPath) errors.push(required(`${at}.mountPath`, ''))
    if (mountPaths.has(mountPath)) errors.push(invalid(`${at}.mountPath`, mountPath, 'must be unique'))
    mountPaths.add(mountPath)
    // Kubernetes reports subPath at the list's path, without the index.
    if (text(mount.subPath))
      errors.push(...validateLocalDescendingPath(text(mount.subPath), `${path}.subPath`))
  }
  return errors
}

/** A path that stays inside the volume: relative, with no `..` element. */
function validateLocalDescendingPath(target: string, path: string): FieldError[] {
  const errors: FieldError[] = []
  if (target.startsWith('/')) errors.push(invalid(path, target, 'must be a relative path'))
  if (target.split(/[\\/]/).includes('..')) errors.push(invalid(path, target, "must not contain '..'"))
  return errors
}
