/**
 * `tug run`: the Pod that kubectl's run generator (run-pod/v1, `pkg/generate/versioned/run.go` BasicPod)
 * builds, checked as `kubectl run` checks it, then created through the API server. Keys are inserted in the
 * order of the Go structs, so a client dry run prints as kubectl's typed printer does.
 */
import type {ApiServer} from '../api/api-server.js'
import {UserError} from '../api/errors.js'
import type {Container, Pod} from '../api/types.js'
import type {DryRun} from './dry-run.js'
import {compact, generatedMeta} from './generated-meta.js'
import {parseEnvVars, parseLabelSpec, parsePortArg} from './generator-params.js'
import {validateImageReference} from './image-reference.js'
import type {GeneratedObject} from './write-generated.js'
import {writeGenerated} from './write-generated.js'

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'] as const
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'] as const

/** The arguments of `tug run NAME --image=IMAGE [flags] [-- ARGS...]`. */
export interface RunPodRequest {
  name?: string
  image?: string
  /** `a=b,c=d`; replaces the default `run=NAME` label. */
  labels?: string
  port?: string
  env?: readonly string[]
  restart?: string
  imagePullPolicy?: string
  /** Use the extra words as the container's command rather than its args. */
  command?: boolean
  /** The words after NAME (after `--` or not). */
  args?: readonly string[]
  namespace: string
  /** True when -n was given: kubectl then writes the namespace into a client dry run's output. */
  namespaceExplicit?: boolean
  dryRun: DryRun
}

/** Validates the request in kubectl run's order and builds the Pod, without touching the API server. */
export function buildRunPod(request: RunPodRequest): Pod {
  const {name, image} = request
  if (!name)
    throw new UserError('NAME is required for run', 'give the pod a name: tug run NAME --image=IMAGE')
  if (!image) throw new UserError('--image is required', 'name the image to run, e.g. --image=nginx')
  validateImageReference(image)
  const restartPolicy = oneOf(request.restart || 'Always', RESTART_POLICIES, 'invalid restart policy')
  const imagePullPolicy = request.imagePullPolicy
    ? oneOf(request.imagePullPolicy, PULL_POLICIES, 'invalid image pull policy')
    : undefined
  const env = parseEnvVars(request.env ?? [])
  const labels = request.labels ? parseLabelSpec(request.labels) : {run: name}
  const containerPort = request.port ? parsePortArg(request.port) : undefined
  const args = request.args?.length ? [...request.args] : undefined
  const container: Container = {
    name,
    image,
    command: request.command ? args : undefined,
    args: request.command ? undefined : args,
    ports: containerPort === undefined ? undefined : [{containerPort}],
    env: env.length ? env : undefined,
    resources: {},
    imagePullPolicy,
  }
  return {
    kind: 'Pod',
    apiVersion: 'v1',
    metadata: generatedMeta(name, request.namespaceExplicit ? request.namespace : undefined, labels),
    spec: {containers: [compact(container)], restartPolicy, dnsPolicy: 'ClusterFirst'},
    status: {},
  }
}

/** `tug run`: builds the Pod and creates it (or, with a dry run, only shows or server-checks it). */
export function runPod(api: ApiServer, request: RunPodRequest): GeneratedObject {
  return writeGenerated(api, buildRunPod(request), request.namespace, request.dryRun)
}

function oneOf<T extends string>(value: string, allowed: readonly T[], message: string): T {
  const found = allowed.find((candidate) => candidate === value)
  if (!found) throw new UserError(`${message}: ${value}`, `use one of: ${allowed.join(', ')}`)
  return found
}
