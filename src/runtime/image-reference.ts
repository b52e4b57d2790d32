/**
 * Image references, checked before any reaches an engine's command line. The grammar is the one docker and
 * podman parse (github.com/distribution/reference), minus IPv6 registry hosts, so a value such as `-v/:/x`
 * or `x;rm -rf /` is refused here instead of being read as a flag or a shell word anywhere later.
 */
import {InvalidValueError} from './runtime-error.js'

const alphanumeric = '[a-z0-9]+'
const separator = '(?:[._]|__|[-]+)'
const pathComponent = `${alphanumeric}(?:${separator}${alphanumeric})*`
const domainComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])'
const domain = `${domainComponent}(?:\\.${domainComponent})*(?::[0-9]+)?`
const name = `(?:${domain}/)?${pathComponent}(?:/${pathComponent})*`
const tag = '[\\w][\\w.-]{0,127}'
const digest = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}'
const REFERENCE = new RegExp(`^(${name})(?::${tag})?(?:@${digest})?$`)

/** The longest repository name the engines accept. */
const MAX_NAME_LENGTH = 255

/** True when the value is an image reference both engines parse the same way. */
export function isImageReference(value: string): boolean {
  const match = REFERENCE.exec(value)
  return match !== null && (match[1]?.length ?? 0) <= MAX_NAME_LENGTH
}

/** Returns the reference, or throws InvalidValueError with the reason kubelet gives (`InvalidImageName`). */
export function checkImageReference(value: string): string {
  if (!isImageReference(value)) {
    throw new InvalidValueError('image reference', value, 'invalid reference format')
  }
  return value
}

/**
 * The fully qualified name docker would pull for a short one (`nginx` -> `docker.io/library/nginx`). podman
 * refuses to guess a registry for a short name without a terminal, so pulls through podman use this.
 */
export function qualifyImageReference(reference: string): string {
  const slash = reference.indexOf('/')
  const first = slash === -1 ? '' : reference.slice(0, slash)
  const hasDomain = first.includes('.') || first.includes(':') || first === 'localhost'
  if (hasDomain) return reference
  return slash === -1 ? `docker.io/library/${reference}` : `docker.io/${reference}`
}
