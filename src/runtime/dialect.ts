/**
 * The few places where docker's and podman's command lines differ, kept together. Everything else (run,
 * inspect, ps, volume, exec flags) is spelt the same by both; parse-inspect.ts reads both inspect shapes.
 */
import type {ContainerEvent} from '../core/runtime/container-runtime.js'
import {qualifyImageReference} from './image-reference.js'
import {objectAt, stringAt} from './json-shape.js'
import {parseDockerEvent, parsePodmanEvent} from './parse-event.js'
import {PS_STATES_FORMAT} from './parse-ps.js'

/** The engines the adapter drives. */
export type EngineName = 'docker' | 'podman'

/** All engine names, in detection order. */
export const ENGINES: readonly EngineName[] = ['docker', 'podman']

/** How one engine spells what differs. */
export interface Dialect {
  engine: EngineName
  /** `events --format`: docker's 20.10 client prints the word `json` for `json`; a template works in both. */
  eventsFormat: string
  parseEvent(line: string): ContainerEvent | undefined
  /** `ps --format` for ids and states (parse-ps.ts says why the engines differ). */
  psStatesFormat: string
  /** The engine's version from `version --format '{{json .}}'`; undefined when the engine did not answer. */
  parseVersion(stdout: string): string | undefined
  /** The stop timeout flag: docker 28's client deprecates `--time`, its 20.10 client lacks `--timeout`. */
  stopTimeoutFlag: string
  /** The `--entrypoint` value for a program: podman reads a value starting with `[` as a JSON array. */
  entrypoint(program: string): string
  /**
   * Whether `--hostname` may go with `--network container:<id>`. docker refuses it and gives the joining
   * container the owner's hostname; podman accepts it and otherwise uses the container's own id.
   */
  hostnameWithSharedNetwork: boolean
  /** Extra `rm --force` arguments: podman would first wait the stop timeout, docker kills at once. */
  forceRemoveArgs: readonly string[]
  /** The reference to pull: podman refuses short names without a terminal to ask which registry. */
  pullReference(image: string): string
  /** Whether `volume ls` ANDs several label filters; podman 4.3 ORs them (its `ps` ANDs them). */
  volumeFiltersMatchAll: boolean
}

const docker: Dialect = {
  engine: 'docker',
  eventsFormat: '{{json .}}',
  parseEvent: parseDockerEvent,
  psStatesFormat: PS_STATES_FORMAT.docker,
  parseVersion: (stdout) => versionOf(objectAt(parseObject(stdout)?.Server)),
  stopTimeoutFlag: '-t',
  entrypoint: (program) => program,
  hostnameWithSharedNetwork: false,
  forceRemoveArgs: [],
  pullReference: (image) => image,
  volumeFiltersMatchAll: true,
}

const podman: Dialect = {
  engine: 'podman',
  eventsFormat: 'json',
  parseEvent: parsePodmanEvent,
  psStatesFormat: PS_STATES_FORMAT.podman,
  // A remote podman client (macOS, Windows) reports the machine's version under Server.
  parseVersion: (stdout) => {
    const version = parseObject(stdout)
    return versionOf(objectAt(version?.Server)) ?? versionOf(objectAt(version?.Client))
  },
  stopTimeoutFlag: '--time',
  entrypoint: (program) => JSON.stringify([program]),
  hostnameWithSharedNetwork: true,
  forceRemoveArgs: ['--time=0'],
  pullReference: qualifyImageReference,
  volumeFiltersMatchAll: false,
}

/** The dialect of an engine. */
export function dialectOf(engine: EngineName): Dialect {
  return engine === 'docker' ? docker : podman
}

/** Engine messages for a missing container, volume or image, in both engines' words. */
export const NOT_FOUND =
  /no such (?:container|object|volume|image)|image not known|no container with name or ID|no volume with name/i

/** Engine messages for killing a container that is not running. */
export const NOT_RUNNING = /is not running|can only kill running containers|container state improper/i

/** podman's message when a volume exists (docker's `volume create` succeeds then). */
export const ALREADY_EXISTS = /already exists/i

function versionOf(part: Record<string, unknown>): string | undefined {
  return stringAt(part.Version) || undefined
}

function parseObject(stdout: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(stdout.trim())
    return Array.isArray(value) ? undefined : objectAt(value)
  } catch {
    return undefined
  }
}
