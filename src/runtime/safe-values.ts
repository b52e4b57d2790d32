/**
 * Checks for the values Tugboat puts on an engine's command line besides images. Every value travels as its
 * own argument (never through a shell) and options are written `--opt=value`, so these checks are a second
 * fence: they refuse what the engines would misread (a name that looks like a flag, a key holding `=`, a path
 * that would split a `--mount` list) with a clear error instead of a strange one.
 */
import {InvalidValueError} from './runtime-error.js'

// docker's own rule for container and volume names ([a-zA-Z0-9][a-zA-Z0-9_.-]+), which podman shares.
const NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,252}$/
const HOSTNAME =
  /^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/
const SIGNAL = /^(?:SIG)?[A-Z][A-Z0-9+-]*$|^[1-9][0-9]?$/

/** True when the text holds a control character (newline, NUL, escape...). */
function hasControl(text: string): boolean {
  return [...text].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f)
}

function check(ok: boolean, kind: string, value: string, reason: string): string {
  if (!ok) throw new InvalidValueError(kind, value, reason)
  return value
}

/** A container name Tugboat generated, or a container id (hex, which the same rule admits). */
export function checkContainerRef(value: string): string {
  return check(NAME.test(value), 'container name', value, 'must match [a-zA-Z0-9][a-zA-Z0-9_.-]*')
}

/** A named volume. */
export function checkVolumeName(value: string): string {
  return check(NAME.test(value), 'volume name', value, 'must match [a-zA-Z0-9][a-zA-Z0-9_.-]*')
}

/** A label key: `--label=KEY=VALUE` splits at the first `=`, so the key must not hold one. */
export function checkLabelKey(value: string): string {
  const ok = value !== '' && !value.includes('=') && !hasControl(value)
  return check(ok, 'label key', value, 'must be non-empty, without "=" or control characters')
}

/** An environment variable name: `--env=NAME=VALUE` splits at the first `=`; the value may hold anything. */
export function checkEnvName(value: string): string {
  const ok = value !== '' && !value.includes('=') && !value.includes('\u0000')
  return check(ok, 'environment variable name', value, 'must be non-empty and without "="')
}

/** A mount path inside the container; `--mount` is a comma-separated list, so commas and quotes are out. */
export function checkMountPath(value: string): string {
  const ok = value.startsWith('/') && !/[,"]/.test(value) && !hasControl(value)
  return check(ok, 'mount path', value, 'must be absolute, without commas, quotes or control characters')
}

/** A hostname (RFC 1123, as Kubernetes requires of pod names that become hostnames). */
export function checkHostname(value: string): string {
  return check(HOSTNAME.test(value) && value.length <= 253, 'hostname', value, 'must be an RFC 1123 hostname')
}

/** A signal name (`SIGTERM`, `TERM`, `SIGRTMIN+3`) or number. */
export function checkSignal(value: string): string {
  return check(SIGNAL.test(value), 'signal', value, 'must be a signal name such as SIGTERM, or its number')
}

/** A whole number within bounds (ports, seconds, bytes). */
export function checkInteger(kind: string, value: number, min: number, max: number): string {
  const ok = Number.isSafeInteger(value) && value >= min && value <= max
  return check(ok, kind, String(value), `must be a whole number from ${min} to ${max}`)
}

/** A port's protocol. */
export function checkProtocol(value: string): string {
  return check(value === 'tcp' || value === 'udp', 'protocol', value, 'must be tcp or udp')
}

/** A label value or an environment value: anything but NUL, which cannot travel in an argument. */
export function checkArgumentText(kind: string, value: string): string {
  return check(!value.includes('\u0000'), kind, value, 'must not contain NUL characters')
}
