/**
 * What each check kind accepts: its fields, their types and which are required. Lint validates lesson files
 * against this table and the checks read fields knowing their types hold.
 */
import type {CheckKind} from './types.js'

/** A field's type: `count` is a whole number from 0 up; `phase` one of a pod's phases. */
export type FieldType = 'string' | 'count' | 'boolean' | 'phase' | 'serviceType'

/** One field of a check kind. */
export interface FieldSpec {
  type: FieldType
  required?: boolean
}

const NAMESPACE: FieldSpec = {type: 'string'}
const NAME: FieldSpec = {type: 'string', required: true}

/** The fields of every check kind. */
export const CONDITION_SCHEMA: Readonly<Record<CheckKind, Readonly<Record<string, FieldSpec>>>> = {
  pods: {
    namespace: NAMESPACE,
    selector: {type: 'string', required: true},
    count: {type: 'count', required: true},
    phase: {type: 'phase'},
    ready: {type: 'boolean'},
  },
  pod: {
    namespace: NAMESPACE,
    name: NAME,
    phase: {type: 'phase'},
    ready: {type: 'boolean'},
    image: {type: 'string'},
    containers: {type: 'count'},
    sharedEmptyDir: {type: 'boolean'},
  },
  deployment: {
    namespace: NAMESPACE,
    name: NAME,
    replicas: {type: 'count'},
    revision: {type: 'count'},
    image: {type: 'string'},
    available: {type: 'count'},
  },
  replicaset: {
    namespace: NAMESPACE,
    name: NAME,
    replicas: {type: 'count'},
    ready: {type: 'count'},
    image: {type: 'string'},
    // At least this many pods created over its life (its SuccessfulCreate events): proof that it healed.
    created: {type: 'count'},
  },
  replicationcontroller: {
    namespace: NAMESPACE,
    name: NAME,
    replicas: {type: 'count'},
    ready: {type: 'count'},
    image: {type: 'string'},
    // At least this many pods created over its life (its SuccessfulCreate events): proof that it healed.
    created: {type: 'count'},
  },
  service: {
    namespace: NAMESPACE,
    name: NAME,
    type: {type: 'serviceType'},
    endpoints: {type: 'count'},
  },
  node: {name: NAME, ready: {type: 'boolean'}, unschedulable: {type: 'boolean'}},
  object: {
    namespace: NAMESPACE,
    kind: {type: 'string', required: true},
    name: NAME,
    exists: {type: 'boolean', required: true},
  },
}

/** A pod's phases, as the kubelet reports them. */
export const POD_PHASES = ['Pending', 'Running', 'Succeeded', 'Failed', 'Unknown'] as const

/** The Service types Tugboat serves. */
export const SERVICE_TYPES = ['ClusterIP', 'NodePort'] as const

/** Whether `value` fits `type`; the detail for the field error when it does not. */
export function typeProblem(type: FieldType, value: unknown): string | undefined {
  switch (type) {
    case 'string':
      return typeof value === 'string' && value !== '' ? undefined : 'must be a non-empty string'
    case 'count':
      return Number.isInteger(value) && (value as number) >= 0
        ? undefined
        : 'must be a whole number, 0 or more'
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'must be true or false'
    case 'phase':
      return POD_PHASES.includes(value as never) ? undefined : `must be one of ${POD_PHASES.join(', ')}`
    case 'serviceType':
      return SERVICE_TYPES.includes(value as never) ? undefined : `must be one of ${SERVICE_TYPES.join(', ')}`
  }
}
