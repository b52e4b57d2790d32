/**
 * `tug expose`: the Service kubectl's `expose` builds for an existing object (kubectl 1.28
 * pkg/cmd/expose/expose.go RunExpose and createService): its selector, ports and labels come from the object
 * unless flags say otherwise, every port's targetPort is --target-port (else the port itself). Keys are
 * inserted in Go's struct order so a client dry run prints as kubectl does.
 */
import type {ApiServer} from '../api/api-server.js'
import {UserError} from '../api/errors.js'
import type {ResourceType} from '../api/resources.js'
import type {KubeObject, Service, ServicePort} from '../api/types.js'
import type {DryRun} from './dry-run.js'
import {
  checkExposable,
  portsForObject,
  protocolsForObject,
  selectorForObject,
} from './expose-introspection.js'
import {compact, generatedMeta} from './generated-meta.js'
import {parseLabelSpec, parsePortArg} from './generator-params.js'
import type {GeneratedObject} from './write-generated.js'
import {writeGenerated} from './write-generated.js'
import {compareStrings} from '../api/selector-requirement.js'

/** DNS-1035 labels, the rule for Service names, are at most this long: longer object names are cut. */
const MAX_SERVICE_NAME = 63

/** The arguments of `tug expose TYPE NAME [--port] [--target-port] [--type] [--name] [...]`. */
export interface ExposeRequest {
  /** The objects named on the command line. */
  resources: readonly {type: ResourceType; names: readonly string[]}[]
  port?: string
  targetPort?: string
  protocol?: string
  type?: string
  name?: string
  selector?: string
  labels?: string
  clusterIP?: string
  sessionAffinity?: string
  namespace: string
  /** True when -n was given: kubectl then writes the namespace into a client dry run's output. */
  namespaceExplicit?: boolean
  dryRun: DryRun
}

/** A usage error as kubectl's UsageErrorf prints it, pointing at the command's help. */
function usageError(message: string): UserError {
  return new UserError(`${message}\nSee 'tug expose --help' for help and examples`)
}

/** Builds and creates (or, with a dry run, shows) one Service per object named. */
export function exposeObjects(api: ApiServer, request: ExposeRequest): GeneratedObject[] {
  if (request.resources.length === 0)
    throw new UserError(
      'You must provide one or more resources by argument or filename.',
      'name what to expose, e.g. tug expose deployment web --port=80',
    )
  if (request.resources.some((resource) => resource.names.length === 0))
    throw new UserError(
      'resource(s) were provided, but no name was specified',
      'e.g. tug expose deployment web',
    )
  const objects = request.resources.flatMap(({type, names}) =>
    names.map((name) => api.get(type, request.namespace, name)),
  )
  return objects.map((object) =>
    writeGenerated(api, buildExposedService(object, request), request.namespace, request.dryRun),
  )
}

/** The Service for one object, without touching the API server. */
export function buildExposedService(object: KubeObject, request: ExposeRequest): Service {
  checkExposable(object)
  let selector: Record<string, string>
  try {
    selector = request.selector ? parseLabelSpec(request.selector) : selectorForObject(object)
  } catch (error) {
    if (error instanceof UserError) throw error
    throw usageError(`couldn't retrieve selectors via --selector flag or introspection: ${messageOf(error)}`)
  }
  const ports = request.port ? [request.port] : portsForObject(object)
  if (ports.length === 0 && request.clusterIP !== 'None')
    throw usageError("couldn't find port via --port flag or introspection")
  const labels = request.labels ? parseLabelSpec(request.labels) : (object.metadata.labels ?? {})
  const name = request.name || (object.metadata.name ?? '').slice(0, MAX_SERVICE_NAME)
  const spec: Service['spec'] = compact({
    ports: servicePorts(ports, request, protocolsForObject(object)),
    selector: sorted(selector),
    clusterIP: request.clusterIP || undefined,
    type: (request.type || undefined) as Service['spec']['type'],
    sessionAffinity: sessionAffinity(request.sessionAffinity),
  })
  const namespace = request.namespaceExplicit ? request.namespace : undefined
  const hasLabels = Object.keys(labels).length > 0
  return {
    kind: 'Service',
    apiVersion: 'v1',
    metadata: hasLabels ? generatedMeta(name, namespace, sorted(labels)) : metaWithoutLabels(name, namespace),
    spec,
    status: {loadBalancer: {}},
  }
}

/**
 * One ServicePort per port: named `port-1`, `port-2`... when there are several; the protocol from --protocol,
 * else from the object (a port it serves over two protocols becomes one Service port per protocol, named
 * `port-1-tcp`, `port-1-udp`), else TCP.
 */
function servicePorts(
  ports: readonly string[],
  request: ExposeRequest,
  protocols: Map<string, string[]>,
): ServicePort[] {
  const target = request.targetPort ? targetPortOf(request.targetPort) : undefined
  return ports.flatMap((text, index) => {
    const port = parsePortArg(text)
    const name = ports.length > 1 ? `port-${index + 1}` : undefined
    const known = request.protocol ? undefined : protocols.get(text)
    const chosen = request.protocol || (known?.length === 1 ? known[0] : undefined) || 'TCP'
    const split = known && known.length > 1 ? known : [chosen]
    return split.map((protocol) =>
      compact({
        name: split.length > 1 ? `port-${index + 1}-${protocol.toLowerCase()}` : name,
        protocol: protocol as ServicePort['protocol'],
        port,
        targetPort: target ?? port,
      }),
    )
  })
}

/** A number when it reads as one (strconv.Atoi), else a port name. */
function targetPortOf(text: string): number | string {
  return /^[+-]?\d+$/.test(text) ? Number(text) : text
}

function sessionAffinity(value: string | undefined): 'None' | 'ClientIP' | undefined {
  if (!value) return undefined
  if (value === 'None' || value === 'ClientIP') return value
  throw new UserError(`unknown session affinity: ${value}`, 'use None or ClientIP')
}

function metaWithoutLabels(name: string, namespace: string | undefined) {
  return compact({name, namespace, creationTimestamp: null})
}

/** Go prints map keys sorted. */
function sorted(map: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(map).sort(([a], [b]) => compareStrings(a, b)))
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
