/** The namespaces every cluster starts with. */
import type {ApiServer} from './api-server.js'
import {mustTypeForKind} from './resources.js'

const SYSTEM_NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system']

/** Creates the system namespaces that are missing (once per state directory; cheap reads after that). */
export function ensureSystemNamespaces(api: ApiServer): void {
  const type = mustTypeForKind('Namespace')
  const missing = SYSTEM_NAMESPACES.filter((name) => !api.find(type, '', name))
  if (!missing.length) return
  api.store.transaction(() => {
    for (const name of missing) {
      if (!api.find(type, '', name)) {
        api.create({
          apiVersion: 'v1',
          kind: 'Namespace',
          metadata: {name, labels: {'kubernetes.io/metadata.name': name}},
        })
      }
    }
  })
}
