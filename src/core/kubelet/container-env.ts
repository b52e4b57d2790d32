/**
 * A container's environment as the kubelet builds it (k8s@1.28 pkg/kubelet/kubelet_pods.go makeEnvironmentVariables):
 * values in order, each able to refer to the ones before it as `$(NAME)`, and `valueFrom.fieldRef` reading the
 * pod's own fields (the downward API). command and args expand `$(NAME)` the same way.
 */
import type {Container, EnvVar, Pod} from '../api/types.js'

/** The environment, or why it cannot be built (shown as CreateContainerConfigError). */
export type EnvResult = {env: Record<string, string>} | {error: string}

/** The container's environment; `podIP` is known once the infra container runs. */
export function containerEnv(pod: Pod, container: Container, podIP: string | undefined): EnvResult {
  const env: Record<string, string> = {}
  for (const variable of container.env ?? []) {
    const value = variableValue(pod, variable, podIP, env)
    if (typeof value !== 'string') return value
    env[variable.name] = value
  }
  return {env}
}

/** Whether any container's environment reads the pod's IP, which the kubelet knows once the infra container runs. */
export function needsPodIP(pod: Pod): boolean {
  return pod.spec.containers.some((container) =>
    (container.env ?? []).some((variable) => {
      const path = variable.valueFrom === undefined ? undefined : fieldRefPath(variable.valueFrom)
      return path === 'status.podIP' || path === 'status.podIPs'
    }),
  )
}

/** `$(VAR)` expansion (third_party/forked/golang/expansion): unknown references stay as written, `$$` is `$`. */
export function expandReferences(input: string, env: Readonly<Record<string, string>>): string {
  return input.replace(/\$\$|\$\(([^)]*)\)/g, (match, name: string | undefined) => {
    if (match === '$$') return '$'
    return name !== undefined && Object.hasOwn(env, name) ? (env[name] ?? '') : match
  })
}

function variableValue(
  pod: Pod,
  variable: EnvVar,
  podIP: string | undefined,
  env: Readonly<Record<string, string>>,
): string | {error: string} {
  if (variable.valueFrom === undefined) return expandReferences(variable.value ?? '', env)
  const fieldPath = fieldRefPath(variable.valueFrom)
  if (fieldPath === undefined)
    return {error: `env ${variable.name}: Tugboat supports valueFrom.fieldRef only`}
  const value = podField(pod, fieldPath, podIP)
  return value ?? {error: `env ${variable.name}: unsupported fieldPath "${fieldPath}"`}
}

function fieldRefPath(valueFrom: unknown): string | undefined {
  const fieldRef = (valueFrom as {fieldRef?: {fieldPath?: unknown}} | null)?.fieldRef
  return typeof fieldRef?.fieldPath === 'string' ? fieldRef.fieldPath : undefined
}

/** The downward API's fieldRef paths (pkg/fieldpath ExtractFieldPathAsString plus the kubelet's status ones). */
function podField(pod: Pod, path: string, podIP: string | undefined): string | undefined {
  const {metadata, spec} = pod
  const keyed = /^metadata\.(labels|annotations)\['(.*)'\]$/.exec(path)
  if (keyed) return (keyed[1] === 'labels' ? metadata.labels : metadata.annotations)?.[keyed[2] ?? ''] ?? ''
  const fields: Record<string, string | undefined> = {
    'metadata.name': metadata.name,
    'metadata.namespace': metadata.namespace,
    'metadata.uid': metadata.uid,
    'spec.nodeName': spec.nodeName,
    'spec.serviceAccountName': spec.serviceAccountName ?? 'default',
    'status.hostIP': '127.0.0.1',
    'status.hostIPs': '127.0.0.1',
    'status.podIP': podIP ?? '',
    'status.podIPs': podIP ?? '',
  }
  return Object.hasOwn(fields, path) ? (fields[path] ?? '') : undefined
}
