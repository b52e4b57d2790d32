/**
 * One control plane per state directory: `tug up` holds a pid file while it runs. A second one is refused
 * with a clear message; a file left by a control plane that died (kill -9) is taken over.
 */
import {openSync, readFileSync, rmSync, writeSync, closeSync} from 'node:fs'
import {join} from 'node:path'
import {UserError} from '../core/api/errors.js'

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Takes the lock or throws; returns the function that releases it. */
export function lockControlPlane(dir: string): () => void {
  const file = join(dir, 'control-plane.pid')
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600)
      writeSync(fd, String(process.pid))
      closeSync(fd)
      return () => rmSync(file, {force: true})
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const holder = Number(readFileSync(file, 'utf8').trim())
      if (holder && holder !== process.pid && alive(holder)) {
        throw new UserError(
          `a control plane is already running for ${dir} (pid ${holder})`,
          'stop it with Ctrl-C in its terminal, or point TUG_HOME at another state directory',
        )
      }
      rmSync(file, {force: true})
    }
  }
  throw new UserError(`could not take the control-plane lock ${file}`)
}

/** The pid of the live control plane holding the lock, if any. */
export function controlPlaneHolder(dir: string): number | undefined {
  try {
    const holder = Number(readFileSync(join(dir, 'control-plane.pid'), 'utf8').trim())
    return holder && alive(holder) ? holder : undefined
  } catch {
    return undefined
  }
}
