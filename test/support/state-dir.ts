/**
 * Seeding and reading a CLI test's state directory around the commands it runs. Each command opens the
 * directory itself, so the test's own API server is closed again before the next command runs.
 */
import {openApiServer} from '../../src/cli/context.js'
import type {ApiServer} from '../../src/core/api/api-server.js'
import type {KubeObject} from '../../src/core/api/types.js'

/** Opens the API server over the state directory `home`, hands it to `use`, and closes it again. */
export function withStateDir<T>(home: string, use: (api: ApiServer) => T): T {
  const api = openApiServer(home)
  try {
    return use(api)
  } finally {
    api.store.close()
  }
}

/** Creates `objects` in the state directory `home`: what a test starts from. */
export function seedStateDir(home: string, ...objects: KubeObject[]): void {
  withStateDir(home, (api) => {
    for (const object of objects) api.create(object)
  })
}
