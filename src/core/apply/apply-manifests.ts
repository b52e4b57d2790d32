/**
 * `tug apply -f` and `tug create -f`: every document of every file in one transaction, so a file with one
 * bad document writes none of them (kubectl applies document by document; Tugboat is stricter on purpose,
 * so a learner never ends up with half a manifest applied).
 */
import type {ApiServer} from '../api/api-server.js'
import {threeWayMerge} from '../api/apply-merge.js'
import {TugError, UserError} from '../api/errors.js'
import {resolveManifestType} from '../api/manifest-type.js'
import {cloneObject} from '../api/object-meta.js'
import type {KubeObject, StoredObject} from '../api/types.js'
import type {ManifestDocument} from '../manifests/parse.js'

/** The annotation in which apply keeps what was applied last, as kubectl does. */
export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration'

/** What happened to one object. */
export type ApplyOperation = 'created' | 'configured' | 'unchanged'

/** One object written (or, in a dry run, that would be written). */
export interface AppliedObject {
  object: StoredObject
  operation: ApplyOperation
  warnings: string[]
}

/** A document the API server refused, with where it came from. */
export interface DocumentFailure {
  document: ManifestDocument
  error: Error
}

/** Some documents were refused; nothing was written. */
export class ManifestRejected extends TugError {
  override name = 'ManifestRejected'
  constructor(
    readonly failures: DocumentFailure[],
    readonly verb: 'apply' | 'create',
  ) {
    super(`${failures.length} document(s) rejected`)
  }
}

/** Options of apply/create -f. */
export interface ApplyOptions {
  mode: 'apply' | 'create'
  /** The -n flag, when given: it must agree with the documents' own namespaces. */
  namespaceFlag?: string
  dryRun?: boolean
}

/** Applies or creates every document atomically; throws ManifestRejected listing every refused document. */
export function applyManifests(
  api: ApiServer,
  documents: readonly ManifestDocument[],
  options: ApplyOptions,
): AppliedObject[] {
  if (documents.length === 0) throw new UserError('no objects passed to ' + options.mode)
  return api.store.transaction(() => {
    const results: AppliedObject[] = []
    const failures: DocumentFailure[] = []
    for (const document of documents) {
      try {
        const object = withNamespace(document.object, options.namespaceFlag)
        results.push(
          options.mode === 'apply'
            ? applyOne(api, object, options.dryRun)
            : createOne(api, object, options.dryRun),
        )
      } catch (error) {
        if (!(error instanceof TugError)) throw error
        failures.push({document, error})
      }
    }
    // Throwing inside the transaction rolls back every document already written.
    if (failures.length) throw new ManifestRejected(failures, options.mode)
    return results
  })
}

function createOne(api: ApiServer, object: KubeObject, dryRun = false): AppliedObject {
  return {object: api.create(object, {dryRun}), operation: 'created', warnings: []}
}

function applyOne(api: ApiServer, input: KubeObject, dryRun = false): AppliedObject {
  const type = resolveManifestType(input)
  const applied = cloneObject(input)
  const {[LAST_APPLIED]: _previous, ...annotations} = applied.metadata.annotations ?? {}
  const lastAppliedText = `${JSON.stringify({...applied, metadata: {...applied.metadata, annotations: emptyToUndefined(annotations)}})}\n`
  applied.metadata.annotations = {...annotations, [LAST_APPLIED]: lastAppliedText}
  const live = api.find(type, applied.metadata.namespace ?? 'default', applied.metadata.name ?? '')
  if (!live) return {object: api.create(applied, {dryRun}), operation: 'created', warnings: []}
  const previousText = live.metadata.annotations?.[LAST_APPLIED]
  const warnings = previousText ? [] : [missingAnnotationWarning(type.plural, live.metadata.name)]
  const merged = threeWayMerge(live, applied, parseLastApplied(previousText)) as KubeObject
  const {object, changed} = api.updateWithOutcome(merged, {dryRun})
  return {object, operation: changed ? 'configured' : 'unchanged', warnings}
}

/** A namespaced document without a namespace takes the flag's (or `default`); a mismatch is kubectl's error. */
function withNamespace(object: KubeObject, namespaceFlag: string | undefined): KubeObject {
  const type = resolveManifestType(object)
  if (!type.namespaced) return object
  const own = object.metadata.namespace
  if (own && namespaceFlag && own !== namespaceFlag) {
    throw new UserError(
      `the namespace from the provided object "${own}" does not match the namespace "${namespaceFlag}". You must pass '--namespace=${own}' to perform this operation.`,
    )
  }
  if (own) return object
  return {...object, metadata: {...object.metadata, namespace: namespaceFlag ?? 'default'}}
}

function parseLastApplied(text: string | undefined): unknown {
  if (!text) return undefined
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

function emptyToUndefined(map: Record<string, string>): Record<string, string> | undefined {
  return Object.keys(map).length ? map : undefined
}

function missingAnnotationWarning(plural: string, name: string): string {
  return `Warning: resource ${plural}/${name} is missing the ${LAST_APPLIED} annotation which is required by tug apply. tug apply should only be used on resources created declaratively by either tug create --save-config or tug apply. The missing annotation will be patched automatically.`
}
