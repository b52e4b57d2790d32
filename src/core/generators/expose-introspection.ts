/**
 * What `tug expose` reads off the object it exposes (kubectl's polymorphichelpers: canbeexposed.go,
 * mapbasedselectorforobject.go, portsforobject.go, protocolsforobject.go): whether it can be exposed at all,
 * the pod selector, the ports its pods declare and their protocols, and its labels.
 */
import {UserError} from '../api/errors.js'
import type {
  Deployment,
  KubeObject,
  LabelSelectorRequirement,
  Pod,
  PodSpec,
  ReplicaSet,
  ReplicationController,
  Service,
} from '../api/types.js'

/** The kinds kubectl can expose (canBeExposed). */
const EXPOSABLE = new Set(['Pod', 'ReplicationController', 'ReplicaSet', 'Deployment', 'Service'])

/** Refuses what cannot be exposed: `cannot expose a Node` (a GroupKind: `Kind` or `Kind.group`). */
export function checkExposable(object: KubeObject): void {
  if (EXPOSABLE.has(object.kind)) return
  const group = object.apiVersion.includes('/') ? object.apiVersion.split('/')[0] : ''
  throw new UserError(`cannot expose a ${group ? `${object.kind}.${group}` : object.kind}`)
}

/** The object's pod selector as a map (mapBasedSelectorForObject); throws kubectl's reason when there is none. */
export function selectorForObject(object: KubeObject): Record<string, string> {
  switch (object.kind) {
    case 'ReplicationController':
      return {...((object as ReplicationController).spec.selector ?? {})}
    case 'Pod': {
      const labels = object.metadata.labels ?? {}
      if (Object.keys(labels).length === 0) throw new Error('the pod has no labels and cannot be exposed')
      return {...labels}
    }
    case 'Service': {
      const selector = (object as Service).spec.selector
      if (!selector) throw new Error('the service has no pod selector set')
      return {...selector}
    }
    case 'Deployment':
    case 'ReplicaSet': {
      const selector = (object as Deployment | ReplicaSet).spec.selector
      const noun = object.kind.toLowerCase()
      if (!selector?.matchLabels || Object.keys(selector.matchLabels).length === 0)
        throw new Error(`invalid ${noun}: no selectors, therefore cannot be exposed`)
      // kubectl turns only matchLabels into a Service's (map) selector.
      if (selector.matchExpressions?.length)
        throw new Error(
          `couldn't convert expressions - "${goRequirements(selector.matchExpressions)}" to map-based selector format`,
        )
      return {...selector.matchLabels}
    }
    default:
      throw new Error(`cannot extract pod selector from ${object.kind}`)
  }
}

/**
 * The container ports (a Service: its ports) as strings, in order (portsForObject). A port declared for two
 * protocols is listed once: protocolsForObject splits it into one Service port per protocol, where kubectl
 * would list it twice and have the API server refuse the duplicate.
 */
export function portsForObject(object: KubeObject): string[] {
  const ports =
    object.kind === 'Service'
      ? ((object as Service).spec.ports ?? []).map((port) => String(port.port))
      : containerPorts(podSpecOf(object)).map(({port}) => String(port))
  return [...new Set(ports)]
}

/** Port -> its protocols, e.g. `{"53": ["UDP", "TCP"]}` (protocolsForObject, multi-protocol since 1.25). */
export function protocolsForObject(object: KubeObject): Map<string, string[]> {
  const entries =
    object.kind === 'Service'
      ? ((object as Service).spec.ports ?? []).map((port) => ({port: port.port, protocol: port.protocol}))
      : containerPorts(podSpecOf(object))
  const protocols = new Map<string, string[]>()
  for (const {port, protocol = 'TCP'} of entries) {
    const list = protocols.get(String(port)) ?? []
    if (!list.includes(protocol)) list.push(protocol)
    protocols.set(String(port), list)
  }
  return protocols
}

function podSpecOf(object: KubeObject): PodSpec | undefined {
  if (object.kind === 'Pod') return (object as Pod).spec
  return (object as Deployment | ReplicaSet | ReplicationController).spec.template?.spec
}

function containerPorts(spec: PodSpec | undefined): {port: number; protocol?: string}[] {
  return (spec?.containers ?? []).flatMap((container) =>
    (container.ports ?? []).map((port) => ({port: port.containerPort, protocol: port.protocol})),
  )
}

/** Go's `%+v` of []LabelSelectorRequirement: `[{Key:tier Operator:In Values:[a b]}]`. */
function goRequirements(requirements: readonly LabelSelectorRequirement[]): string {
  const items = requirements.map(
    (r) => `{Key:${r.key} Operator:${r.operator} Values:[${(r.values ?? []).join(' ')}]}`,
  )
  return `[${items.join(' ')}]`
}
