/**
 * The endpoints controller (`endpoint-controller`; k8s@1.28 pkg/controller/endpoint/endpoints_controller.go):
 * for every Service with a selector it keeps an Endpoints object of the same name listing the pods behind it,
 * ready ones in `addresses` and the rest in `notReadyAddresses`. The object has no owner, as in Kubernetes:
 * the controller itself deletes it when the Service goes. It writes only when something changed.
 */
import type {ApiServer} from '../../api/api-server.js'
import {newEvent} from '../../api/events.js'
import {cloneObject, jsonEqual} from '../../api/object-meta.js'
import {mustTypeForKind} from '../../api/resources.js'
import {matchesSelector, selectorFromMap} from '../../api/selectors.js'
import type {Endpoints, ObjectMeta, Pod, Service, StoredObject} from '../../api/types.js'
import {splitKey} from '../../loop/informer.js'
import type {Controller, ControllerContext} from '../controller.js'
import type {DesiredEndpoints} from './desired-endpoints.js'
import {desiredEndpoints} from './desired-endpoints.js'
import {ENDPOINT_HOST_PORTS_ANNOTATION, formatEndpointHostPorts} from './endpoint-host-ports.js'
import {watchEndpointSources} from './handlers.js'

/** The component name Kubernetes' endpoints controller records events as. */
export const ENDPOINT_CONTROLLER = 'endpoint-controller'

const ENDPOINTS = mustTypeForKind('Endpoints')

/** The endpoints controller; its sync is synchronous, so nothing else writes between its reads and writes. */
export interface EndpointsController extends Controller {
  sync(key: string): void
}

/** The endpoints controller (`endpoint-controller`), ready for runController. */
export function endpointsController(ctx: ControllerContext): EndpointsController {
  return {
    name: ENDPOINT_CONTROLLER,
    watch: watchEndpointSources,
    sync: (key) => syncService(ctx, key),
  }
}

/** One sync of one Service key (syncService). */
function syncService(ctx: ControllerContext, key: string): void {
  const {namespace, name} = splitKey(key)
  const service = ctx.informer.get('Service', namespace, name) as (Service & StoredObject) | undefined
  const current = ctx.informer.get('Endpoints', namespace, name)
  if (!service) {
    // The Service is gone: so are its endpoints (whoever made them).
    if (!current) return
    ctx.log(`${label(namespace, name)}: service is gone, deleting`)
    if (ctx.api.find(ENDPOINTS, namespace, name)) ctx.api.delete(ENDPOINTS, namespace, name)
    ctx.informer.pump()
    return
  }
  // ExternalName Services and Services without a selector get no endpoints from the controller: those of a
  // selector-less Service are written by hand.
  const selector = service.spec.selector
  if (service.spec.type === 'ExternalName' || !selector || Object.keys(selector).length === 0) return
  const matches = selectorFromMap(selector)
  const pods = (ctx.informer.list('Pod', namespace) as Pod[]).filter((pod) =>
    matchesSelector(matches, pod.metadata.labels),
  )
  const desired = desiredEndpoints(service, pods)
  const next = endpointsToWrite(service, current, desired)
  if (!next) return
  const counts = `${desired.ready} ready, ${desired.notReady} not ready`
  ctx.log(`${label(namespace, name)}: ${counts}, ${current ? 'updating' : 'creating'}`)
  writeEndpoints(ctx, ctx.api, next, current)
  ctx.informer.pump()
}

/** The object to create or update, or undefined when the current one already says it all. */
export function endpointsToWrite(
  service: Service,
  current: (Endpoints & StoredObject) | undefined,
  desired: DesiredEndpoints,
): Endpoints | undefined {
  const annotations = {...(current?.metadata.annotations ?? {})}
  if (desired.hostPorts.length)
    annotations[ENDPOINT_HOST_PORTS_ANNOTATION] = formatEndpointHostPorts(desired.hostPorts)
  else delete annotations[ENDPOINT_HOST_PORTS_ANNOTATION]
  if (
    current &&
    jsonEqual(current.subsets ?? [], desired.subsets) &&
    jsonEqual(current.metadata.labels ?? {}, desired.labels) &&
    jsonEqual(current.metadata.annotations ?? {}, annotations)
  )
    return undefined
  const base: Endpoints = current
    ? cloneObject(current)
    : {
        apiVersion: 'v1',
        kind: 'Endpoints',
        metadata: {name: service.metadata.name, namespace: service.metadata.namespace},
      }
  const metadata: ObjectMeta = {...base.metadata, labels: desired.labels, annotations}
  if (Object.keys(desired.labels).length === 0) delete metadata.labels
  if (Object.keys(annotations).length === 0) delete metadata.annotations
  const next: Endpoints = {...base, metadata}
  if (desired.subsets.length) next.subsets = desired.subsets
  else delete next.subsets
  return next
}

/** Creates or updates; a failure is recorded as Kubernetes records it, then returned to the queue. */
function writeEndpoints(
  ctx: ControllerContext,
  api: ApiServer,
  next: Endpoints,
  current: StoredObject | undefined,
): void {
  try {
    if (current) api.update(next)
    else api.create(next)
  } catch (error) {
    const {namespace = '', name = ''} = next.metadata
    const message = error instanceof Error ? error.message : String(error)
    const event = current
      ? {
          reason: 'FailedToUpdateEndpoint',
          message: `Failed to update endpoint ${namespace}/${name}: ${message}`,
        }
      : {
          reason: 'FailedToCreateEndpoint',
          message: `Failed to create endpoint for service ${namespace}/${name}: ${message}`,
        }
    const involved = (current ?? {
      ...next,
      metadata: {...next.metadata, uid: '', resourceVersion: ''},
    }) as StoredObject
    const input = {type: 'Warning' as const, ...event, source: {component: ENDPOINT_CONTROLLER}}
    api.store.recordEvent(newEvent(involved, input, new Date(ctx.clock.now())))
    throw error
  }
}

/** `endpoints/web`, or `endpoints/team/web` outside the default namespace, for the narration. */
function label(namespace: string, name: string): string {
  return `endpoints/${namespace === 'default' ? '' : `${namespace}/`}${name}`
}
