/**
 * `tug create deployment`: the Deployment kubectl's `create deployment` builds (`pkg/cmd/create/create_deployment.go`),
 * labels and selector `app=NAME`, one container per image named after the image. Keys are inserted in Go's
 * struct order so a client dry run prints as kubectl does.
 */
import type {ApiServer} from '../api/api-server.js'
import {ApiError, InvalidError, UserError} from '../api/errors.js'
import {generateNameSuffix} from '../api/names.js'
import type {Container, Deployment} from '../api/types.js'
import type {DryRun} from './dry-run.js'
import {compact, generatedMeta} from './generated-meta.js'
import {validateImageReference} from './image-reference.js'
import type {GeneratedObject} from './write-generated.js'
import {writeGenerated} from './write-generated.js'

/** The arguments of `tug create deployment NAME --image=IMAGE... [--replicas=N] [--port=P] [-- COMMAND...]`. */
export interface CreateDeploymentRequest {
  /** The words before `--`: exactly one, the name. */
  names: readonly string[]
  images: readonly string[]
  replicas?: number
  /** The first container's port; kubectl's default -1 means none. */
  port?: number
  /** The words after `--`: every container's command. */
  command?: readonly string[]
  namespace: string
  /** True when -n was given: kubectl then writes the namespace into a client dry run's output. */
  namespaceExplicit?: boolean
  dryRun: DryRun
  /** Randomness for the suffix of sanitized container names; Math.random unless a test fixes it. */
  random?: () => number
}

/** Validates as kubectl does and builds the Deployment, without touching the API server. */
export function buildDeployment(request: CreateDeploymentRequest): Deployment {
  const [name] = request.names
  if (request.names.length !== 1 || name === undefined) {
    throw new UserError(
      `exactly one NAME is required, got ${request.names.length}`,
      'tug create deployment NAME --image=IMAGE',
    )
  }
  if (request.images.length === 0)
    throw new UserError('required flag(s) "image" not set', 'name the image to run, e.g. --image=nginx')
  const command = request.command?.length ? [...request.command] : undefined
  if (request.images.length > 1 && command)
    throw new UserError('cannot specify multiple --image options and command')
  request.images.forEach(validateImageReference)
  const random = request.random ?? Math.random
  const port = request.port ?? -1
  const containers = request.images.map((image, index): Container =>
    compact({
      name: containerNameFor(image, random),
      image,
      command,
      ports: index === 0 && port >= 0 ? [{containerPort: port}] : undefined,
      resources: {},
    }),
  )
  const labels = {app: name}
  return {
    kind: 'Deployment',
    apiVersion: 'apps/v1',
    metadata: generatedMeta(name, request.namespaceExplicit ? request.namespace : undefined, labels),
    spec: {
      replicas: request.replicas ?? 1,
      selector: {matchLabels: {...labels}},
      template: {metadata: {creationTimestamp: null, labels: {...labels}}, spec: {containers}},
      strategy: {},
    },
    status: {},
  }
}

/**
 * Builds and creates the Deployment. Like kubectl, a refusal other than validation is reported as
 * `failed to create deployment: <reason>`.
 */
export function createDeployment(api: ApiServer, request: CreateDeploymentRequest): GeneratedObject {
  const deployment = buildDeployment(request)
  try {
    return writeGenerated(api, deployment, request.namespace, request.dryRun)
  } catch (error) {
    if (error instanceof ApiError && !(error instanceof InvalidError))
      throw new UserError(`failed to create deployment: ${error.message}`)
    throw error
  }
}

/**
 * The container name kubectl derives from an image: the last path segment without tag or digest
 * (`registry:5000/team/web-app:1.2` gives `web-app`). Names with `.` or `_` are not valid container names,
 * so, like kubectl's sanitizeAndUniquify, those become `-` and a random 5-character suffix keeps them apart.
 */
export function containerNameFor(image: string, random: () => number = Math.random): string {
  const last = image.split('/').pop() ?? image
  const name = last.split(':')[0]!.split('@')[0]!
  if (!/[._]/.test(name)) return name
  return `${name.replaceAll('_', '-').replaceAll('.', '-')}-${generateNameSuffix(random)}`
}
