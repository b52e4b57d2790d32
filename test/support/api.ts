/** An API server over a fresh in-memory store with a fixed clock and predictable uids, for unit tests. */
import {ApiServer} from '../../src/core/api/api-server.js'
import {ensureSystemNamespaces} from '../../src/core/api/system-namespaces.js'
import {openStore} from '../../src/db/store.js'

/** A test API server; `clock.advance(ms)` moves its time. */
export function testApiServer(start = new Date('2024-05-14T11:54:50Z')): {
  api: ApiServer
  clock: {advance(ms: number): void}
} {
  let now = start.getTime()
  let uid = 0
  let seed = 1
  const api = new ApiServer(openStore(':memory:'), {
    now: () => new Date(now),
    newUid: () => `00000000-0000-4000-8000-${String(++uid).padStart(12, '0')}`,
    // A small deterministic generator, so generated names are stable across runs.
    random: () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646,
  })
  ensureSystemNamespaces(api)
  return {api, clock: {advance: (ms) => void (now += ms)}}
}
