/**
 * The composition root of a `tug` invocation: where the state lives, the store opened once, and the API
 * server over it.
 */
import {homedir} from 'node:os'
import {join, resolve} from 'node:path'
import {ApiServer} from '../core/api/api-server.js'
import {ensureSystemNamespaces} from '../core/api/system-namespaces.js'
import {openStore} from '../db/store.js'

/** The state directory: TUG_HOME, else ~/.tugboat. */
export function stateDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.TUG_HOME ? resolve(env.TUG_HOME) : join(homedir(), '.tugboat')
}

/** The database file inside a state directory. */
export function databaseFile(dir: string): string {
  return join(dir, 'state.db')
}

/** Opens the cluster's state and an API server over it. */
export function openApiServer(dir = stateDir()): ApiServer {
  const store = openStore(databaseFile(dir))
  // The global Web Crypto loads on first use; importing node:crypto would cost every `tug get` ~2 ms for
  // uids only writes need.
  const newUid = (): string => crypto.randomUUID()
  const api = new ApiServer(store, {now: () => new Date(), newUid, random: Math.random})
  try {
    ensureSystemNamespaces(api)
  } catch (error) {
    store.close()
    throw error
  }
  return api
}
