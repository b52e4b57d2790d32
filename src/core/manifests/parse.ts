/**
 * Manifests: multi-document YAML (JSON is YAML too) split into objects, each remembering where it came from
 * so errors can name the file and the document. `kind: List` documents are expanded as kubectl does.
 */
import {LineCounter, parseAllDocuments} from 'yaml'
import {UserError} from '../api/errors.js'
import type {KubeObject} from '../api/types.js'

/** Text read from one source: a file path, or `-` for stdin. */
export interface ManifestSource {
  source: string
  text: string
}

/** One object of a manifest, with its origin. */
export interface ManifestDocument {
  source: string
  /** 1-based position of the YAML document in its source. */
  document: number
  object: KubeObject
}

/** The API server's request size limit, which Tugboat applies per object. */
export const MAX_OBJECT_BYTES = 3 * 1024 * 1024

/** Parses every source; the first malformed document aborts with its file, document, line and column. */
export function parseManifests(sources: readonly ManifestSource[]): ManifestDocument[] {
  return sources.flatMap(parseSource)
}

function parseSource({source, text}: ManifestSource): ManifestDocument[] {
  const lineCounter = new LineCounter()
  const documents = parseAllDocuments(text, {prettyErrors: false, uniqueKeys: true, lineCounter})
  const parsed: ManifestDocument[] = []
  for (const [index, doc] of (Array.isArray(documents) ? documents : [documents]).entries()) {
    const number = index + 1
    const error = doc.errors[0]
    if (error) {
      const {line, col} = lineCounter.linePos(error.pos[0])
      const where = ` line ${line}, column ${col}:`
      throw new UserError(`error parsing ${source} (document ${number}):${where} ${firstLine(error.message)}`)
    }
    const value: unknown = doc.toJS({maxAliasCount: 100})
    if (value === null || value === undefined) continue
    if (typeof value !== 'object' || Array.isArray(value)) {
      throw new UserError(
        `error validating "${source}" (document ${number}): error validating data: the document is not an object (found ${describeType(value)})`,
      )
    }
    for (const object of expandList(value as KubeObject))
      parsed.push({source, document: number, object: checkEnvelope(object, source, number)})
  }
  return parsed
}

function expandList(object: KubeObject): KubeObject[] {
  if (typeof object.kind === 'string' && object.kind.endsWith('List') && Array.isArray(object.items))
    return object.items as KubeObject[]
  return [object]
}

/** The envelope checks kubectl's client-side validation makes before anything reaches the server. */
function checkEnvelope(object: KubeObject, source: string, document: number): KubeObject {
  const where = `error validating "${source}" (document ${document}): error validating data`
  if (!object.kind)
    throw new UserError(
      `${where}: kind not set`,
      'every document needs `apiVersion:` and `kind:`, e.g. `apiVersion: v1` and `kind: Pod`',
    )
  if (!object.apiVersion)
    throw new UserError(`${where}: apiVersion not set`, 'every document needs `apiVersion:` and `kind:`')
  if (typeof object.metadata !== 'object' || object.metadata === null || Array.isArray(object.metadata)) {
    if (object.metadata === undefined) object.metadata = {}
    else throw new UserError(`${where}: metadata must be a map`)
  }
  const size = Buffer.byteLength(JSON.stringify(object))
  if (size > MAX_OBJECT_BYTES) {
    throw new UserError(
      `${where}: Request entity too large: limit is ${MAX_OBJECT_BYTES} bytes, the object is ${size} bytes`,
    )
  }
  return object
}

function describeType(value: unknown): string {
  return Array.isArray(value) ? 'a list' : typeof value
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text
}
