/** Reading `-f FILE|DIR|-`: files as given, directories' .yaml/.yml/.json files, or stdin. */
import type {Stats} from 'node:fs'
import {readdirSync, readFileSync, statSync} from 'node:fs'
import {join} from 'node:path'
import {UserError} from '../core/api/errors.js'
import type {ManifestSource} from '../core/manifests/parse.js'

/** Tugboat reads manifest files up to this size; larger ones are refused before parsing. */
export const MAX_FILE_BYTES = 32 * 1024 * 1024

const MANIFEST_EXTENSIONS = /\.(ya?ml|json)$/i

/** Reads every -f argument in order; directories in name order (recursively with `recursive`). */
export async function readManifestSources(
  paths: readonly string[],
  recursive = false,
): Promise<ManifestSource[]> {
  if (paths.length === 0)
    throw new UserError(
      'must specify one of -f and -k',
      'pass a manifest with -f FILE, -f DIR or -f - for stdin',
    )
  const sources: ManifestSource[] = []
  for (const path of paths) {
    if (path === '-') sources.push({source: '-', text: await readStdin()})
    else if (/^https?:\/\//i.test(path))
      throw new UserError(
        `reading manifests from URLs is not supported: ${path}`,
        'download the file and pass its path to -f',
      )
    else sources.push(...readPath(path, recursive, true))
  }
  return sources
}

function readPath(path: string, recursive: boolean, named: boolean): ManifestSource[] {
  const stats = statOrThrow(path)
  if (stats.isDirectory()) {
    if (!named && !recursive) return []
    return readdirSync(path)
      .sort()
      .flatMap((entry) => {
        const child = join(path, entry)
        const childStats = statOrThrow(child)
        if (childStats.isDirectory()) return recursive ? readPath(child, recursive, false) : []
        return MANIFEST_EXTENSIONS.test(entry) ? readPath(child, recursive, false) : []
      })
  }
  if (stats.size > MAX_FILE_BYTES) throw tooLarge(path, stats.size)
  return [{source: path, text: readFileSync(path, 'utf8')}]
}

function statOrThrow(path: string): Stats {
  try {
    return statSync(path)
  } catch {
    throw new UserError(`the path "${path}" does not exist`)
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of process.stdin) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk))
    size += buffer.length
    if (size > MAX_FILE_BYTES) throw tooLarge('-', size)
    chunks.push(buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

function tooLarge(path: string, size: number): UserError {
  const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`
  return new UserError(
    `${path} is ${mb(size)}: Tugboat reads manifests up to ${mb(MAX_FILE_BYTES)}`,
    'split it into several files, or pass a directory with -f',
  )
}
