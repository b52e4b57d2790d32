/** Containers and init containers of a PodSpec (k8s@1.28 validateContainers, validateInitContainers, validateContainerCommon). */
import type {FieldError} from '../field.js'
import {duplicate, invalid, required} from '../field.js'
import {validateDNS1123Label} from '../names.js'
import type {Container} from '../types.js'
import {validateEnv} from './env.js'
import {validateContainerPorts, validateHostPortConflicts} from './ports.js'
import {forbidInitContainerProbes, validateContainerProbes} from './probe.js'
import {validateResources} from './resources.js'
import {oneOf} from './scalars.js'
import {indexed, isRecord, text} from './shape.js'
import {validateVolumeMounts} from './volumes.js'

const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'] as const
const TERMINATION_MESSAGE_POLICIES = ['File', 'FallbackToLogsOnError'] as const

/** spec.containers: at least one, names unique, each valid, probes checked, host ports not shared. */
export function validateContainers(
  containers: unknown,
  volumes: ReadonlySet<string>,
  path: string,
): FieldError[] {
  if (!Array.isArray(containers) || containers.length === 0) return [required(path, '')]
  return [
    ...validateEach(containers, new Set(), volumes, path, {
      // validateContainers records even an empty name, so a second nameless container is a Duplicate too.
      takesEmptyName: true,
      validateMore: validateContainerProbes,
    }),
    ...validateHostPortConflicts(containers, path),
  ]
}

/** spec.initContainers: like containers, unique among all containers, and without probes. */
export function validateInitContainers(
  initContainers: unknown,
  containers: unknown,
  volumes: ReadonlySet<string>,
  path: string,
): FieldError[] {
  const names = new Set(
    indexed<Container>(containers).map(([container]) => text(isRecord(container) ? container.name : '')),
  )
  return validateEach(initContainers, names, volumes, path, {
    takesEmptyName: false,
    validateMore: (container, at) => [
      // Init containers run one at a time, so host ports only clash within one of them.
      ...validateHostPortConflicts([container], path),
      ...forbidInitContainerProbes(container, at),
    ],
  })
}

/** How the checks of containers and of init containers differ. */
interface ListRules {
  /** Whether an empty name is recorded as taken (validateContainers) or skipped (validateInitContainers). */
  takesEmptyName: boolean
  /** The checks only this list makes, after the common ones and the name's uniqueness. */
  validateMore: (container: Container, path: string) => FieldError[]
}

/** Each entry of a container list: an object, the common checks, a name not in `names` (which it extends). */
function validateEach(
  list: unknown,
  names: Set<string>,
  volumes: ReadonlySet<string>,
  path: string,
  rules: ListRules,
): FieldError[] {
  const errors: FieldError[] = []
  for (const [container, i] of indexed<Container>(list)) {
    const at = `${path}[${i}]`
    if (!isRecord(container)) {
      errors.push(invalid(at, container, 'must be an object'))
      continue
    }
    errors.push(...validateContainerCommon(container, volumes, at))
    const name = text(container.name)
    if (names.has(name)) errors.push(duplicate(`${at}.name`, name))
    else if (name || rules.takesEmptyName) names.add(name)
    errors.push(...rules.validateMore(container, at))
  }
  return errors
}

/** What every container needs: a DNS-label name, an image, valid ports, env, mounts, pull policy, resources. */
function validateContainerCommon(
  container: Container,
  volumes: ReadonlySet<string>,
  path: string,
): FieldError[] {
  const errors: FieldError[] = []
  const name = text(container.name)
  if (!name) errors.push(required(`${path}.name`, ''))
  else errors.push(...validateDNS1123Label(name, `${path}.name`))
  if (!text(container.image)) errors.push(required(`${path}.image`, ''))
  errors.push(
    ...oneOf(
      container.terminationMessagePolicy,
      TERMINATION_MESSAGE_POLICIES,
      `${path}.terminationMessagePolicy`,
    ),
  )
  errors.push(...validateContainerPorts(container.ports, `${path}.ports`))
  errors.push(...validateEnv(container.env, `${path}.env`))
  errors.push(...validateVolumeMounts(container.volumeMounts, volumes, `${path}.volumeMounts`))
  errors.push(...oneOf(container.imagePullPolicy, PULL_POLICIES, `${path}.imagePullPolicy`))
  errors.push(...validateResources(container.resources, `${path}.resources`))
  return errors
}
