/**
 * One line of `docker events --format '{{json .}}'` or `podman events --format json` as a ContainerEvent.
 * The engines name things differently:
 *   docker: {"Type":"container","Action":"die","Actor":{"ID":..,"Attributes":{labels + image, name, exitCode}},"timeNano":..}
 *   podman: {"Type":"container","Status":"died","ID":..,"Attributes":{labels},"Time":"2026-...Z","ContainerExitCode":1}
 * and podman says `died` and `remove` where docker says `die` and `destroy`.
 */
import type {ContainerEvent} from '../core/runtime/container-runtime.js'
import {numberAt, objectAt, stringAt, stringMapAt} from './json-shape.js'

/** Event names of both engines mapped onto ContainerEvent's; any other name is `other`. */
const EVENT_TYPES: Readonly<Record<string, ContainerEvent['type']>> = {
  create: 'create',
  start: 'start',
  die: 'die',
  died: 'die',
  destroy: 'destroy',
  remove: 'destroy',
  oom: 'oom',
}

/** Attributes docker mixes into an event's labels that are not labels. */
const DOCKER_ATTRIBUTES = new Set(['image', 'name', 'exitCode', 'signal', 'execDuration'])

/** A docker event line; undefined for lines that are not container events or not JSON. */
export function parseDockerEvent(line: string): ContainerEvent | undefined {
  const event = parseObject(line)
  if (!event || stringAt(event.Type) !== 'container') return undefined
  const actor = objectAt(event.Actor)
  const id = stringAt(actor.ID) || stringAt(event.id)
  if (!id) return undefined
  const labels = stringMapAt(actor.Attributes)
  for (const key of DOCKER_ATTRIBUTES) delete labels[key]
  const nanos = numberAt(event.timeNano)
  const seconds = numberAt(event.time)
  const time = nanos !== undefined ? Math.floor(nanos / 1e6) : seconds !== undefined ? seconds * 1000 : 0
  return {type: eventType(stringAt(event.Action) || stringAt(event.status)), id, labels, time}
}

/** A podman event line; undefined for lines that are not container events or not JSON. */
export function parsePodmanEvent(line: string): ContainerEvent | undefined {
  const event = parseObject(line)
  if (!event || stringAt(event.Type) !== 'container') return undefined
  const id = stringAt(event.ID)
  if (!id) return undefined
  const nanos = numberAt(event.timeNano)
  // Go prints nine fractional digits; Date.parse takes three.
  const parsed = Date.parse(stringAt(event.Time).replace(/(\.\d{3})\d+/, '$1'))
  const time = nanos !== undefined ? Math.floor(nanos / 1e6) : Number.isNaN(parsed) ? 0 : parsed
  return {type: eventType(stringAt(event.Status)), id, labels: stringMapAt(event.Attributes), time}
}

function eventType(name: string): ContainerEvent['type'] {
  return EVENT_TYPES[name] ?? 'other'
}

function parseObject(line: string): Record<string, unknown> | undefined {
  const text = line.trim()
  if (!text.startsWith('{')) return undefined
  try {
    return objectAt(JSON.parse(text))
  } catch {
    return undefined
  }
}
