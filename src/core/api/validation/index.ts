/**
 * Server-side validation of a defaulted object: every problem at once, each with its field path, in the
 * order Kubernetes reports them (metadata first, then the kind's spec). `old` makes it an update check.
 */
import type {FieldError} from '../field.js'
import type {NameRule} from '../names.js'
import {typeForKind} from '../resources.js'
import type {
  Deployment,
  KubeObject,
  Namespace,
  Node,
  Pod,
  ReplicaSet,
  ReplicationController,
  Service,
} from '../types.js'
import {validateDeploymentSpec} from './deployment.js'
import {validateEndpointSubsets} from './endpoints.js'
import {validateObjectMeta} from './meta.js'
import {validateNamespaceSpec} from './namespace.js'
import {validateNodeSpec} from './node.js'
import {validatePodObject} from './pod.js'
import {validateReplicaSetSpec} from './replica-set.js'
import {validateReplicationControllerSpec} from './replication-controller.js'
import {validateServiceSpec} from './service.js'
import {isRecord} from './shape.js'

interface KindRules {
  /** How names are checked: Services are DNS-1035 labels, Namespaces DNS-1123 labels, the rest subdomains. */
  name: NameRule
  spec: (object: KubeObject, old?: KubeObject) => FieldError[]
}

const RULES: Readonly<Record<string, KindRules>> = {
  Pod: {name: 'subdomain', spec: (object, old) => validatePodObject(object as Pod, old as Pod | undefined)},
  ReplicationController: {
    name: 'subdomain',
    spec: (object) => validateReplicationControllerSpec(object as ReplicationController),
  },
  ReplicaSet: {
    name: 'subdomain',
    spec: (object, old) => validateReplicaSetSpec(object as ReplicaSet, old as ReplicaSet | undefined),
  },
  Deployment: {
    name: 'subdomain',
    spec: (object, old) => validateDeploymentSpec(object as Deployment, old as Deployment | undefined),
  },
  Service: {
    name: 'dns1035',
    spec: (object, old) => validateServiceSpec(object as Service, old as Service | undefined),
  },
  Endpoints: {name: 'subdomain', spec: (object) => validateEndpointSubsets(object)},
  Node: {name: 'subdomain', spec: (object) => validateNodeSpec(object as Node)},
  Namespace: {name: 'label', spec: (object) => validateNamespaceSpec(object as Namespace)},
  // Events are written only by Tugboat's own components.
  Event: {name: 'subdomain', spec: () => []},
}

const WITHOUT_SPEC: ReadonlySet<string> = new Set(['Node', 'Namespace', 'Endpoints'])

/** Every problem of a defaulted object; `old` (the stored, defaulted object) enables the update rules. */
export function validateObject(object: KubeObject, old?: KubeObject): FieldError[] {
  const rules = Object.hasOwn(RULES, object.kind) ? RULES[object.kind] : undefined
  if (!rules) return []
  const namespaced = typeForKind(object.kind)?.namespaced ?? true
  const metadata = isRecord(object.metadata) ? object.metadata : {}
  const errors = validateObjectMeta(metadata, rules.name, namespaced)
  // Defaulting gives every kind with a required spec an object; a Node or Namespace may have none, and
  // Endpoints keep their content in subsets.
  if (!isRecord(object.spec) && !WITHOUT_SPEC.has(object.kind)) return errors
  return [...errors, ...rules.spec(object, old)]
}
