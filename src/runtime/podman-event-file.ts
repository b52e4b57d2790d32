/**
 * podman's events log, read directly. With `events_logger = "file"` (containers.conf(5)) podman appends one
 * JSON line per event to a file, and `podman events` follows that file by polling it every 250 ms, so a
 * container's death reaches the kubelet up to a quarter of a second late. Watching the file's folder
 * (inotify) sees each line as podman appends it. The lines are the same JSON `podman events --format=json`
 * prints, so parse-event.ts reads both.
 *
 * This only speeds the stream up: `podman events` keeps running beside it (event-stream.ts), because the file
 * is podman's own business (its place is configurable, it is rotated, a remote podman keeps it elsewhere).
 */
import {existsSync, readdirSync, readFileSync, watch, type FSWatcher} from 'node:fs'
import {open, stat, type FileHandle} from 'node:fs/promises'
import {homedir} from 'node:os'
import {basename, dirname, join} from 'node:path'
import {StringDecoder} from 'node:string_decoder'

/** Where podman writes its events when its logger is the file, or undefined when there is no such file. */
export function podmanEventFile(
  env: NodeJS.ProcessEnv = process.env,
  uid = process.getuid?.() ?? 0,
): string | undefined {
  const engine: Record<string, string> = {}
  for (const file of configFiles(env, uid)) Object.assign(engine, engineTable(file))
  const tmpDir = engine.tmp_dir || defaultTmpDir(env, uid)
  const path = engine.events_logfile_path || join(tmpDir, 'events', 'events.log')
  return existsSync(path) ? path : undefined
}

/** The containers.conf files podman 4 reads, in order (a later one overrides); CONTAINERS_CONF alone if set. */
function configFiles(env: NodeJS.ProcessEnv, uid: number): string[] {
  if (env.CONTAINERS_CONF) return [env.CONTAINERS_CONF]
  const files = ['/usr/share/containers/containers.conf', '/etc/containers/containers.conf']
  files.push(...dropIns('/etc/containers/containers.conf.d'))
  if (uid !== 0) {
    const config = env.XDG_CONFIG_HOME || join(homedir(), '.config')
    files.push(join(config, 'containers', 'containers.conf'))
    files.push(...dropIns(join(config, 'containers', 'containers.conf.d')))
  }
  return files
}

function dropIns(folder: string): string[] {
  try {
    return readdirSync(folder)
      .filter((name) => name.endsWith('.conf'))
      .sort()
      .map((name) => join(folder, name))
  } catch {
    return []
  }
}

/** The string keys of a TOML file's `[engine]` table: the two this module needs are plain strings. */
export function engineTable(file: string): Record<string, string> {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch {
    return {}
  }
  const values: Record<string, string> = {}
  let table = ''
  for (const line of text.split('\n')) {
    const header = /^\s*\[([^\]]+)\]/.exec(line)
    if (header) table = header[1]?.trim() ?? ''
    const entry = /^\s*([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(line)
    if (table === 'engine' && entry?.[1]) values[entry[1]] = entry[2] ?? entry[3] ?? ''
  }
  return values
}

/** podman's tmp_dir default: /run/libpod for root, the user's runtime folder otherwise. */
function defaultTmpDir(env: NodeJS.ProcessEnv, uid: number): string {
  if (uid === 0) return '/run/libpod'
  return join(env.XDG_RUNTIME_DIR || `/run/user/${uid}`, 'libpod', 'tmp')
}

/**
 * The lines appended to `path` from now until the signal aborts. When podman rotates the file (it writes a
 * new one in its place), reading goes on at the end of the new file: the lines it starts with were read
 * already, or are left to `podman events`. Ends quietly when the file cannot be watched or read.
 */
export async function* appendedLines(path: string, signal: AbortSignal): AsyncGenerator<string> {
  let handle: FileHandle | undefined
  let watcher: FSWatcher | undefined
  let changed = true
  let wake: (() => void) | undefined
  const notify = (): void => {
    changed = true
    wake?.()
  }
  signal.addEventListener('abort', notify, {once: true})
  try {
    handle = await open(path, 'r')
    let {ino, size: position} = await handle.stat()
    // The folder, not the file: a rotated file is a new one under the same name.
    watcher = watch(dirname(path), (_event, name) => {
      if (!name || name === basename(path)) notify()
    })
    watcher.on('error', notify)
    let partial = ''
    let decoder = new StringDecoder('utf8')
    while (!signal.aborted) {
      if (!changed) await new Promise<void>((resolve) => (wake = resolve))
      changed = false
      if (signal.aborted) return
      const current = await stat(path).catch(() => undefined)
      if (!current) return
      if (current.ino !== ino || current.size < position) {
        await handle.close()
        handle = await open(path, 'r')
        ;({ino, size: position} = await handle.stat())
        partial = ''
        decoder = new StringDecoder('utf8')
        continue
      }
      const read = await readFrom(handle, position)
      position += read.length
      const lines = (partial + decoder.write(read)).split('\n')
      partial = lines.pop() ?? ''
      for (const line of lines) if (line.trim()) yield line
    }
  } catch {
    return
  } finally {
    signal.removeEventListener('abort', notify)
    watcher?.close()
    await handle?.close().catch(() => undefined)
  }
}

/** Everything from `position` to the end of the file as it is now. */
async function readFrom(handle: FileHandle, position: number): Promise<Buffer> {
  const chunks: Buffer[] = []
  for (let offset = position; ;) {
    const buffer = Buffer.alloc(64 * 1024)
    const {bytesRead} = await handle.read(buffer, 0, buffer.length, offset)
    if (bytesRead === 0) break
    chunks.push(buffer.subarray(0, bytesRead))
    offset += bytesRead
  }
  return Buffer.concat(chunks)
}
