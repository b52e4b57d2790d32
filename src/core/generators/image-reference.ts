/**
 * Image references as docker/podman (and kubectl run) accept them: `nginx`, `nginx:1.25`,
 * `registry.example.com:5000/team/app@sha256:...`. The grammar is distribution/reference's ReferenceRegexp,
 * which `kubectl run` checks before it sends anything. Tugboat checks every image it writes this way, because
 * an image string ends up as an argument of `docker run`: a reference with spaces, quotes or `;` is never a
 * real image, and refusing it early gives the learner a clear message instead of a runtime failure.
 */
import {UserError} from '../api/errors.js'

const ALPHANUMERIC = '[a-z0-9]+'
const SEPARATOR = '(?:[._]|__|[-]+)'
const PATH_COMPONENT = `${ALPHANUMERIC}(?:${SEPARATOR}${ALPHANUMERIC})*`
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])'
const IPV6_HOST = '\\[(?:[a-fA-F0-9:]+)\\]'
const HOST = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|${IPV6_HOST})`
const DOMAIN_AND_PORT = `${HOST}(?::[0-9]+)?`
const NAME = `(?:${DOMAIN_AND_PORT}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*`
const TAG = '[\\w][\\w.-]{0,127}'
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9a-fA-F]{32,}'
const REFERENCE = new RegExp(`^${NAME}(?::${TAG})?(?:@${DIGEST})?$`)

/** True when `image` is a well-formed reference (name, optional tag, optional digest). */
export function isImageReference(image: string): boolean {
  return REFERENCE.test(image)
}

/** Throws kubectl run's error for a malformed reference: `Invalid image name "x": invalid reference format`. */
export function validateImageReference(image: string): void {
  if (isImageReference(image)) return
  throw new UserError(
    `Invalid image name ${JSON.stringify(image)}: invalid reference format`,
    'an image is [registry[:port]/]name[:tag][@digest] in lower case, e.g. nginx, nginx:1.25 or ghcr.io/team/app:v2; spaces and shell characters such as ; | & $ are not allowed',
  )
}
