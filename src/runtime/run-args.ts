/**
 * The argument array of `docker run` / `podman run` for a ContainerSpec. Every option is written
 * `--opt=value`, so a value can never be taken for the next flag; the image comes after `--`, and the
 * command's arguments after the image, where both engines stop reading options.
 */
import {LABELS, MANAGED_BY, type ContainerSpec} from '../core/runtime/container-runtime.js'
import type {Dialect} from './dialect.js'
import {checkImageReference} from './image-reference.js'
import {
  checkArgumentText,
  checkContainerRef,
  checkEnvName,
  checkHostname,
  checkInteger,
  checkLabelKey,
  checkMountPath,
  checkProtocol,
  checkVolumeName,
} from './safe-values.js'

/** The spec's labels plus the managed-by label, which no spec can override. */
export function managedLabels(labels: Record<string, string>): Record<string, string> {
  return {...labels, [LABELS.managedBy]: MANAGED_BY}
}

/** `--label=k=v` for each label, sorted so the same spec always gives the same command. */
export function labelArgs(labels: Record<string, string>): string[] {
  return Object.entries(labels)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, value]) => `--label=${checkLabelKey(key)}=${checkArgumentText('label value', value)}`)
}

/** The full `run` argument array; throws InvalidValueError for a value no engine should see. */
export function buildRunArgs(spec: ContainerSpec, dialect: Dialect): string[] {
  // --pull=never: pulling is the kubelet's decision (imagePullPolicy), never a side effect of run.
  const args = ['run', '--detach', '--pull=never', `--name=${checkContainerRef(spec.name)}`]
  args.push(...labelArgs(managedLabels(spec.labels)))
  const [program, ...commandArgs] = spec.entrypoint ?? []
  if (program !== undefined)
    args.push(`--entrypoint=${dialect.entrypoint(checkArgumentText('command', program))}`)
  for (const [name, value] of Object.entries(spec.env ?? {})) {
    args.push(`--env=${checkEnvName(name)}=${checkArgumentText('environment value', value)}`)
  }
  if (spec.workingDir) args.push(`--workdir=${checkArgumentText('working directory', spec.workingDir)}`)
  if (spec.hostname && (!spec.networkOf || dialect.hostnameWithSharedNetwork)) {
    args.push(`--hostname=${checkHostname(spec.hostname)}`)
  }
  if (spec.networkOf) args.push(`--network=container:${checkContainerRef(spec.networkOf)}`)
  for (const {containerPort, protocol} of spec.publish ?? []) {
    const port = checkInteger('container port', containerPort, 1, 65535)
    // No host port: the engine picks a free one, which inspect then reports.
    args.push(`--publish=127.0.0.1::${port}/${checkProtocol(protocol)}`)
  }
  for (const {volume, path, readOnly} of spec.mounts ?? []) {
    const target = checkMountPath(path)
    args.push(
      `--mount=type=volume,source=${checkVolumeName(volume)},target=${target}${readOnly ? ',readonly' : ''}`,
    )
  }
  if (spec.memoryBytes !== undefined) {
    args.push(`--memory=${checkInteger('memory limit', spec.memoryBytes, 1, Number.MAX_SAFE_INTEGER)}`)
  }
  if (spec.nanoCpus !== undefined) {
    checkInteger('CPU limit (nanoCPUs)', spec.nanoCpus, 1, Number.MAX_SAFE_INTEGER)
    args.push(`--cpus=${spec.nanoCpus / 1e9}`)
  }
  if (spec.stopTimeoutSeconds !== undefined) {
    args.push(`--stop-timeout=${checkInteger('stop timeout', spec.stopTimeoutSeconds, 0, 2_147_483_647)}`)
  }
  const trailing = [...commandArgs, ...(spec.args ?? [])].map((arg) => checkArgumentText('argument', arg))
  args.push('--', checkImageReference(spec.image), ...trailing)
  return args
}
