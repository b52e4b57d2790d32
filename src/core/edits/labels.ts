/**
 * `tug label` and `tug annotate`: change an object's labels or annotations with `key=value` and `key-`, as
 * kubectl's label and annotate commands do. Changing an existing key to a different value needs --overwrite;
 * setting a key to the value it already has, or removing an absent key, is allowed.
 */
import type {ApiServer} from '../api/api-server.js'
import {UserError} from '../api/errors.js'
import {isValidLabelValue} from '../api/names.js'
import {cloneObject, jsonEqual} from '../api/object-meta.js'
import type {ResourceType} from '../api/resources.js'
import type {KubeObject} from '../api/types.js'
import type {DryRun} from '../generators/dry-run.js'
import type {MapChanges} from './pairs.js'
import {emptyMap, parsePairs} from './pairs.js'
import type {Target, TargetQuery} from './targets.js'
import {checkTargetQuery, findTargets} from './targets.js'

/** The annotation rollout history reads; annotate may always overwrite it, as kubectl allows. */
export const CHANGE_CAUSE = 'kubernetes.io/change-cause'

/** A label or annotate request: which objects, which `key=value` / `key-` changes, and how. */
export interface MetadataEditRequest extends TargetQuery {
  changes: readonly string[]
  overwrite?: boolean
  /** Print the resulting map instead of the object; nothing is written. */
  list?: boolean
  /** The -o flag, only to refuse it together with --list. */
  output?: string
  /** Write only if the object still has this resourceVersion (one object only). */
  resourceVersion?: string
  dryRun: DryRun
}

/** What happened to one object. */
export interface MetadataEdit {
  type: ResourceType
  object: KubeObject
  /** `labeled`, `unlabeled`, `not labeled` or `annotated`: the verb kubectl prints. */
  operation: string
  /** Labels asked to be removed that the object did not have; kubectl says `label "x" not found.` */
  absentKeys: string[]
}

/** Every object edited (or listed), and whether exactly one was named. */
export interface MetadataEditResult {
  edits: MetadataEdit[]
  single: boolean
}

/** How label and annotate differ. */
interface MetadataRules {
  field: 'labels' | 'annotations'
  noun: 'label' | 'annotation'
  parse: (pairs: readonly string[]) => MapChanges
  overwriteConflicts: (current: Record<string, string>, set: Record<string, string>) => string | undefined
  operation: (before: Record<string, string>, after: Record<string, string>, overwrite: boolean) => string
  reportsAbsentKeys: boolean
}

/** kubectl label's parser: exactly one `=`, a valid label value, never both set and remove one key. */
export function parseLabelChanges(pairs: readonly string[]): MapChanges {
  const changes: MapChanges = {set: emptyMap(), remove: []}
  for (const pair of pairs) {
    if (pair.includes('=')) {
      const parts = pair.split('=')
      if (parts.length !== 2) throw new UserError(`invalid label spec: ${pair}`)
      const [key = '', value = ''] = parts
      const problems = isValidLabelValue(value)
      if (problems.length)
        throw new UserError(`invalid label value: ${JSON.stringify(pair)}: ${problems.join(';')}`)
      changes.set[key] = value
    } else if (pair.endsWith('-')) changes.remove.push(pair.slice(0, -1))
    else throw new UserError(`unknown label spec: ${pair}`)
  }
  if (changes.remove.some((key) => Object.hasOwn(changes.set, key)))
    throw new UserError('can not both modify and remove a label in the same command')
  return changes
}

/** kubectl annotate's parser: `key=value` (the value may hold `=`) and `key-`; one key may not be both. */
export function parseAnnotationChanges(pairs: readonly string[]): MapChanges {
  const changes = parsePairs(pairs, 'annotation', true)
  const both = changes.remove.filter((key) => Object.hasOwn(changes.set, key))
  if (both.length)
    throw new UserError(
      `can not both modify and remove the following annotation(s) in the same command: ${both.join(', ')}`,
    )
  return changes
}

const LABEL_RULES: MetadataRules = {
  field: 'labels',
  noun: 'label',
  parse: parseLabelChanges,
  overwriteConflicts: (current, set) => {
    const lines = changedKeys(current, set).map(
      (key) => `'${key}' already has a value (${current[key]}), and --overwrite is false`,
    )
    return lines.length ? lines.join('\n') : undefined
  },
  // kubectl's updateDataChangeMsg: a smaller object without --overwrite reads as "unlabeled".
  operation: (before, after, overwrite) => {
    if (jsonEqual(before, after)) return 'not labeled'
    return !overwrite && JSON.stringify(after).length < JSON.stringify(before).length
      ? 'unlabeled'
      : 'labeled'
  },
  reportsAbsentKeys: true,
}

const ANNOTATION_RULES: MetadataRules = {
  field: 'annotations',
  noun: 'annotation',
  parse: parseAnnotationChanges,
  overwriteConflicts: (current, set) => {
    const found = changedKeys(current, set).filter((key) => key !== CHANGE_CAUSE)
    if (!found.length) return undefined
    return `--overwrite is false but found the following declared annotation(s): ${found.map((key) => `'${key}' already has a value (${current[key]})`).join('; ')}`
  },
  operation: () => 'annotated',
  reportsAbsentKeys: false,
}

/** `tug label`: sets and removes labels on every target in one transaction. */
export function editLabels(api: ApiServer, request: MetadataEditRequest): MetadataEditResult {
  return editMetadata(api, request, LABEL_RULES)
}

/** `tug annotate`: sets and removes annotations on every target in one transaction. */
export function editAnnotations(api: ApiServer, request: MetadataEditRequest): MetadataEditResult {
  return editMetadata(api, request, ANNOTATION_RULES)
}

function editMetadata(
  api: ApiServer,
  request: MetadataEditRequest,
  rules: MetadataRules,
): MetadataEditResult {
  const changes = rules.parse(request.changes)
  if (request.list && request.output) throw new UserError('--list and --output may not be specified together')
  checkTargetQuery(request)
  if (!Object.keys(changes.set).length && !changes.remove.length && !request.list) {
    throw new UserError(
      `at least one ${rules.noun} update is required`,
      `e.g. ${rules.noun === 'label' ? 'tier=frontend' : 'note=hello'} to set, or key- to remove`,
    )
  }
  return api.store.transaction(() => {
    const {targets, single} = findTargets(api, request)
    if (request.resourceVersion && !single)
      throw new UserError('--resource-version may only be used with a single resource')
    return {edits: targets.map((target) => editOne(api, target, changes, request, rules)), single}
  })
}

function editOne(
  api: ApiServer,
  {type, object}: Target,
  changes: MapChanges,
  request: MetadataEditRequest,
  rules: MetadataRules,
): MetadataEdit {
  const before = object.metadata[rules.field] ?? {}
  if (!request.overwrite) {
    const conflicts = rules.overwriteConflicts(before, changes.set)
    if (conflicts) throw new UserError(conflicts, 'pass --overwrite to replace existing values')
  }
  const after: Record<string, string> = {...before, ...changes.set}
  for (const key of changes.remove) delete after[key]
  const next = cloneObject(object) as KubeObject
  if (Object.keys(after).length) next.metadata[rules.field] = after
  else delete next.metadata[rules.field]
  if (request.resourceVersion) next.metadata.resourceVersion = request.resourceVersion
  const operation = rules.operation(before, after, Boolean(request.overwrite))
  if (request.list || request.dryRun === 'client') return {type, object: next, operation, absentKeys: []}
  const absentKeys = rules.reportsAbsentKeys
    ? changes.remove.filter((key) => !Object.hasOwn(before, key))
    : []
  return {type, object: api.update(next, {dryRun: request.dryRun === 'server'}), operation, absentKeys}
}

/** Keys being set that already hold a different value (sorted, so messages are stable). */
function changedKeys(current: Record<string, string>, set: Record<string, string>): string[] {
  return Object.keys(set)
    .filter((key) => Object.hasOwn(current, key) && current[key] !== set[key])
    .sort()
}
