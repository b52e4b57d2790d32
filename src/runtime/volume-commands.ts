/**
 * Named volumes (a pod's emptyDirs): created with Tugboat's labels, listed by label, and removed only when
 * they carry the managed-by label. Creating one that exists is fine if Tugboat made it: podman says
 * "already exists" where docker says nothing.
 */
import {LABELS, MANAGED_BY} from '../core/runtime/container-runtime.js'
import {ALREADY_EXISTS, NOT_FOUND, type Dialect} from './dialect.js'
import type {EngineCommands} from './engine-commands.js'
import {objectAt, parseJsonArray, stringAt, stringMapAt} from './json-shape.js'
import {labelArgs, managedLabels} from './run-args.js'
import {ForeignObjectError} from './runtime-error.js'
import {checkArgumentText, checkLabelKey, checkVolumeName} from './safe-values.js'

const TIMEOUT_MS = 60_000

/** Volume commands of one engine. */
export class VolumeCommands {
  constructor(
    private readonly commands: EngineCommands,
    private readonly dialect: Dialect,
  ) {}

  /** Creates a volume with the labels plus managed-by; an existing volume of Tugboat's is accepted. */
  async create(name: string, labels: Record<string, string>): Promise<void> {
    const args = ['volume', 'create', ...labelArgs(managedLabels(labels)), '--', checkVolumeName(name)]
    const result = await this.commands.attempt(args, {timeoutMs: TIMEOUT_MS})
    if (result.exitCode === 0) return
    if (ALREADY_EXISTS.test(result.stderr)) {
      const existing = await this.labels(name)
      if (existing?.[LABELS.managedBy] === MANAGED_BY) return
      throw new ForeignObjectError('reuse', 'volume', name)
    }
    throw this.commands.failure(`cannot create volume "${name}"`, args, result)
  }

  /** Removes a volume Tugboat created; a missing one is already gone, a foreign one is refused. */
  async remove(name: string): Promise<void> {
    const labels = await this.labels(checkVolumeName(name))
    if (!labels) return
    if (labels[LABELS.managedBy] !== MANAGED_BY) throw new ForeignObjectError('remove', 'volume', name)
    const args = ['volume', 'rm', '--', name]
    const result = await this.commands.attempt(args, {timeoutMs: TIMEOUT_MS})
    if (result.exitCode === 0 || NOT_FOUND.test(result.stderr)) return
    throw this.commands.failure(`cannot remove volume "${name}"`, args, result)
  }

  /** Names of the volumes carrying all these labels and the managed-by label. */
  async list(labels: Record<string, string>): Promise<string[]> {
    const wanted = managedLabels(labels)
    const filters = Object.entries(wanted).map(
      ([key, value]) => `--filter=label=${checkLabelKey(key)}=${checkArgumentText('label value', value)}`,
    )
    const args = ['volume', 'ls', '--quiet', ...filters]
    const result = await this.commands.run('cannot list volumes', args, {timeoutMs: TIMEOUT_MS})
    const names = result.stdout
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
    if (this.dialect.volumeFiltersMatchAll || names.length === 0) return names
    // The engine matched any one label; keep the volumes that carry them all.
    const inspectArgs = ['volume', 'inspect', '--', ...names]
    const inspected = await this.commands.attempt(inspectArgs, {timeoutMs: TIMEOUT_MS})
    const volumes = parseJsonArray(inspected.stdout)
    if (!volumes || (inspected.exitCode !== 0 && !NOT_FOUND.test(inspected.stderr))) {
      throw this.commands.failure('cannot inspect volumes', inspectArgs, inspected)
    }
    return volumes
      .map(objectAt)
      .filter((volume) => {
        const have = stringMapAt(volume.Labels)
        return Object.entries(wanted).every(([key, value]) => have[key] === value)
      })
      .map((volume) => stringAt(volume.Name))
  }

  /** A volume's labels, or undefined when it does not exist. */
  private async labels(name: string): Promise<Record<string, string> | undefined> {
    const args = ['volume', 'inspect', '--', name]
    const result = await this.commands.attempt(args, {timeoutMs: TIMEOUT_MS})
    if (result.exitCode !== 0 && NOT_FOUND.test(result.stderr)) return undefined
    const [volume] = result.exitCode === 0 ? (parseJsonArray(result.stdout) ?? []) : []
    if (volume === undefined) throw this.commands.failure(`cannot inspect volume "${name}"`, args, result)
    return stringMapAt(objectAt(volume).Labels)
  }
}
