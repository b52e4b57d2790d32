/** The `Volumes:` section of pods and pod templates (describe.go describeVolumes), for the sources Tugboat knows. */
import {formatQuantity, parseOptionalQuantity} from '../../../core/api/quantity.js'
import type {Volume} from '../../../core/api/types.js'
import type {DescribeWriter} from './prefix-writer.js'

interface Sources {
  emptyDir?: {medium?: string; sizeLimit?: string | number}
  hostPath?: {path?: string; type?: string}
  secret?: {secretName?: string; optional?: boolean}
  configMap?: {name?: string; optional?: boolean}
  persistentVolumeClaim?: {claimName?: string; readOnly?: boolean}
}

/** `Volumes:  <none>`, or each volume with its type; `space` indents the title inside a pod template. */
export function printVolumes(
  writer: DescribeWriter,
  volumes: readonly Volume[] | undefined,
  space: string,
): void {
  if (!volumes?.length) return writer.write(0, `${space}Volumes:\t<none>\n`)
  writer.write(0, `${space}Volumes:\n`)
  for (const volume of volumes) {
    writer.write(1, `${space ? ' ' : ''}${volume.name}:\n`)
    const details = volumeDetails(volume)
    // An unknown source is reported one level up, where describeVolumes writes it.
    if (details === undefined) writer.write(1, '<unknown>\n')
    else writer.write(2, details)
  }
}

/** The lines after a volume's name; the first gets the level's indent, the rest carry their own. */
function volumeDetails(volume: Sources): string | undefined {
  if (volume.hostPath) {
    return lines(
      'Type:\tHostPath (bare host directory volume)',
      `Path:\t${volume.hostPath.path ?? ''}`,
      `HostPathType:\t${volume.hostPath.type || '<none>'}`,
    )
  }
  if (volume.emptyDir) {
    const size = parseOptionalQuantity(volume.emptyDir.sizeLimit)
    const limit = size && size.nanos > 0n ? formatQuantity(size) : '<unset>'
    return lines(
      "Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)",
      `Medium:\t${volume.emptyDir.medium ?? ''}`,
      `SizeLimit:\t${limit}`,
    )
  }
  if (volume.secret) {
    return lines(
      'Type:\tSecret (a volume populated by a Secret)',
      `SecretName:\t${volume.secret.secretName ?? ''}`,
      `Optional:\t${volume.secret.optional ?? false}`,
    )
  }
  if (volume.configMap) {
    return lines(
      'Type:\tConfigMap (a volume populated by a ConfigMap)',
      `Name:\t${volume.configMap.name ?? ''}`,
      `Optional:\t${volume.configMap.optional ?? false}`,
    )
  }
  if (volume.persistentVolumeClaim) {
    const claim = volume.persistentVolumeClaim
    return lines(
      'Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)',
      `ClaimName:\t${claim.claimName ?? ''}`,
      `ReadOnly:\t${claim.readOnly ?? false}`,
    )
  }
  return undefined
}

/** describe.go hard-codes four spaces before every detail line but the first. */
function lines(first: string, ...rest: string[]): string {
  return [first, ...rest.map((line) => `    ${line}`)].map((line) => `${line}\n`).join('')
}
