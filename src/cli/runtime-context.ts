/** Opening the container runtime for a command: the engine chosen by flag, TUG_RUNTIME or detection. */
import type {ContainerRuntime} from '../core/runtime/container-runtime.js'
import {formatCommandRecord} from '../runtime/command-log.js'
import {selectRuntime} from '../runtime/select-runtime.js'
import {logComponent} from './component-log.js'

/** The runtime; with `verbose`, every docker/podman command is narrated with its duration. */
export async function openRuntime(options: {runtime?: string; verbose?: boolean}): Promise<ContainerRuntime> {
  const onCommand = options.verbose
    ? (record: Parameters<typeof formatCommandRecord>[0]) =>
        logComponent('runtime', formatCommandRecord(record))
    : undefined
  return selectRuntime({runtime: options.runtime, onCommand})
}
