/** A garbage collector over an in-memory API server, with its queue drained by hand, and owned objects to feed it. */
import type {ApiServer} from '../../../../../src/core/api/api-server.js'
import {apiVersionOf, mustTypeForKind} from '../../../../../src/core/api/resources.js'
import type {KubeObject, OwnerReference, StoredObject} from '../../../../../src/core/api/types.js'
import type {Controller} from '../../../../../src/core/controllers/controller.js'
import {garbageCollector} from '../../../../../src/core/controllers/garbage-collector/garbage-collector.js'
import {SharedInformer} from '../../../../../src/core/loop/informer.js'
import {testApiServer} from '../../../../support/api.js'
import {FakeClock} from '../../../../support/fake-clock.js'

/** The collector, what it said, and a way to run it until it has nothing left to do. */
export interface GcHarness {
  api: ApiServer
  informer: SharedInformer
  controller: Controller
  log: string[]
  /** Pumps the informer and syncs queued keys until the queue stays empty; returns the keys synced. */
  drain(): Promise<string[]>
}

/** Starts the harness over `api` (objects created before this are the collector's initial list). */
export function gcHarness(api: ApiServer = testApiServer().api): GcHarness {
  const informer = new SharedInformer(api.store, ['Pod', 'ReplicaSet', 'Deployment'])
  const log: string[] = []
  const controller = garbageCollector({api, informer, clock: new FakeClock(), log: (m) => log.push(m)})
  const queue = new Set<string>()
  controller.watch(informer, (key) => queue.add(key))
  async function drain(): Promise<string[]> {
    const synced: string[] = []
    for (let round = 0; round < 50; round++) {
      informer.pump()
      if (!queue.size) return synced
      const keys = [...queue]
      queue.clear()
      for (const key of keys) {
        await controller.sync(key)
        synced.push(key)
      }
    }
    throw new Error(`the collector did not settle; still queued: ${[...queue].join(', ')}`)
  }
  return {api, informer, controller, log, drain}
}

/** The reference a controller puts on what it creates. */
export function ownedBy(owner: StoredObject, blockOwnerDeletion = true): OwnerReference {
  return {
    apiVersion: apiVersionOf(mustTypeForKind(owner.kind)),
    kind: owner.kind,
    name: owner.metadata.name,
    uid: owner.metadata.uid,
    controller: true,
    blockOwnerDeletion,
  }
}

/** A Deployment or ReplicaSet named `name`, selecting app=web. */
export function workload(
  kind: 'Deployment' | 'ReplicaSet',
  name: string,
  owners: OwnerReference[] = [],
): KubeObject {
  const labels = {app: 'web'}
  return {
    apiVersion: 'apps/v1',
    kind,
    metadata: {name, labels, ...(owners.length ? {ownerReferences: owners} : {})},
    spec: {
      replicas: 2,
      selector: {matchLabels: labels},
      template: {metadata: {labels}, spec: {containers: [{name: 'web', image: 'nginx:1.25'}]}},
    },
  }
}

/** A pod owned by `owners`, bound to a node when `nodeName` is given (its deletion is then graceful). */
export function ownedPod(name: string, owners: OwnerReference[], nodeName?: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {name, labels: {app: 'web'}, ownerReferences: owners},
    spec: {containers: [{name: 'web', image: 'nginx:1.25'}], ...(nodeName ? {nodeName} : {})},
  }
}

/** Deployment web -> ReplicaSet web-5d4f -> pods web-5d4f-a and web-5d4f-b (bound to node01 if asked). */
export function seedChain(
  api: ApiServer,
  nodeName?: string,
): {deployment: StoredObject; replicaSet: StoredObject} {
  const deployment = api.create(workload('Deployment', 'web'))
  const replicaSet = api.create(workload('ReplicaSet', 'web-5d4f', [ownedBy(deployment)]))
  for (const suffix of ['a', 'b']) api.create(ownedPod(`web-5d4f-${suffix}`, [ownedBy(replicaSet)], nodeName))
  return {deployment, replicaSet}
}

/** Names of the objects of a kind that exist, with ` (Terminating)` for those being deleted. */
export function names(api: ApiServer, kind: string): string[] {
  return api
    .list(mustTypeForKind(kind))
    .map((o) => `${o.metadata.name}${o.metadata.deletionTimestamp ? ' (Terminating)' : ''}`)
}
