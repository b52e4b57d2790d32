/**
 * A container's `Environment:` block (describe.go describeContainerEnvVars). Values from the downward API
 * resolve only for the metadata fields kubectl itself resolves; others print empty, as in kubectl.
 */
import {milliValue, parseOptionalQuantity, unitValue} from '../../../core/api/quantity.js'
import type {Container, EnvVar, Pod} from '../../../core/api/types.js'
import type {DescribeWriter} from './prefix-writer.js'

/** The valueFrom shapes kubectl knows. */
interface EnvSource {
  fieldRef?: {apiVersion?: string; fieldPath: string}
  resourceFieldRef?: {resource: string; containerName?: string}
  secretKeyRef?: {name?: string; key: string; optional?: boolean}
  configMapKeyRef?: {name?: string; key: string; optional?: boolean}
}

/** Writes `Environment:  <none>` or one `NAME:  value` per variable. */
export function printEnvironment(writer: DescribeWriter, container: Container, pod: Pod | undefined): void {
  const env = container.env ?? []
  writer.write(2, `Environment:${env.length === 0 ? '\t<none>' : ''}\n`)
  for (const variable of env) {
    if (variable.valueFrom === undefined) {
      for (const [index, line] of (variable.value ?? '').split('\n').entries()) {
        writer.write(3, index === 0 ? `${variable.name}:\t${line}\n` : `\t${line}\n`)
      }
      continue
    }
    const line = valueFromLine(variable, container, pod)
    if (line !== undefined) writer.write(3, `${line}\n`)
  }
}

function valueFromLine(variable: EnvVar, container: Container, pod: Pod | undefined): string | undefined {
  const source = variable.valueFrom as EnvSource
  const name = variable.name
  if (source.fieldRef) {
    const value = pod ? resolveFieldPath(pod, source.fieldRef.fieldPath) : ''
    return `${name}:\t${value} (${source.fieldRef.apiVersion ?? 'v1'}:${source.fieldRef.fieldPath})`
  }
  if (source.resourceFieldRef) {
    const resource = source.resourceFieldRef.resource
    let value = containerResourceValue(container, resource)
    if (value === '0' && (resource === 'limits.cpu' || resource === 'limits.memory'))
      value = 'node allocatable'
    return `${name}:\t${value} (${resource})`
  }
  if (source.secretKeyRef) {
    const {key, name: secret = '', optional = false} = source.secretKeyRef
    return `${name}:\t<set to the key '${key}' in secret '${secret}'>\tOptional: ${optional}`
  }
  if (source.configMapKeyRef) {
    const {key, name: configMap = '', optional = false} = source.configMapKeyRef
    return `${name}:\t<set to the key '${key}' of config map '${configMap}'>\tOptional: ${optional}`
  }
  return undefined
}

/** kubectl's fieldpath.ExtractFieldPathAsString: metadata only, anything else resolves to nothing. */
function resolveFieldPath(pod: Pod, path: string): string {
  const subscript = /^metadata\.(labels|annotations)\['(.*)'\]$/.exec(path)
  if (subscript)
    return (
      (subscript[1] === 'labels' ? pod.metadata.labels : pod.metadata.annotations)?.[subscript[2] ?? ''] ?? ''
    )
  if (path === 'metadata.name') return pod.metadata.name ?? ''
  if (path === 'metadata.namespace') return pod.metadata.namespace ?? ''
  if (path === 'metadata.uid') return pod.metadata.uid ?? ''
  return ''
}

/** A resource of the container in whole cores or bytes (the default divisor of 1). */
function containerResourceValue(container: Container, resource: string): string {
  const [kind, name = ''] = resource.split('.')
  const list =
    kind === 'limits'
      ? container.resources?.limits
      : {...container.resources?.limits, ...container.resources?.requests}
  const quantity = parseOptionalQuantity(list?.[name])
  if (!quantity) return '0'
  // Like ExtractContainerResourceValue, CPU rounds up to whole cores.
  return name === 'cpu' ? String(Math.ceil(milliValue(quantity) / 1000)) : String(unitValue(quantity))
}
