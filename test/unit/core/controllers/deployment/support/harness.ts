/**
 * The Deployment controller over an in-memory API server and a shared informer, with the ReplicaSet
 * controller's part played by hand: `settle` writes the replica sets' statuses as their pods would come and go.
 */
import {mustTypeForKind} from '../../../../../../src/core/api/resources.js'
import type {
  Deployment,
  DeploymentStrategy,
  KubeEvent,
  ReplicaSet,
  StoredObject,
} from '../../../../../../src/core/api/types.js'
import type {ControllerContext} from '../../../../../../src/core/controllers/controller.js'
import {deploymentController} from '../../../../../../src/core/controllers/deployment/deployment-controller.js'
import type {StoredReplicaSet} from '../../../../../../src/core/controllers/deployment/objects.js'
import {SharedInformer} from '../../../../../../src/core/loop/informer.js'
import {testApiServer} from '../../../../../support/api.js'

export const DEPLOYMENT = mustTypeForKind('Deployment')
export const RS = mustTypeForKind('ReplicaSet')
export const POD = mustTypeForKind('Pod')

/** A Deployment manifest selecting `app=<name>` with one container running `image`. */
export function deploymentManifest(
  name: string,
  replicas: number,
  options: {
    image?: string
    strategy?: DeploymentStrategy
    minReadySeconds?: number
    progressDeadlineSeconds?: number
    revisionHistoryLimit?: number
    paused?: boolean
    annotations?: Record<string, string>
  } = {},
): Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {name, ...(options.annotations ? {annotations: options.annotations} : {})},
    spec: {
      replicas,
      selector: {matchLabels: {app: name}},
      template: {
        metadata: {labels: {app: name}},
        spec: {containers: [{name: 'app', image: options.image ?? 'tugboat/demo:v1'}]},
      },
      ...(options.strategy ? {strategy: options.strategy} : {}),
      ...(options.minReadySeconds !== undefined ? {minReadySeconds: options.minReadySeconds} : {}),
      ...(options.progressDeadlineSeconds !== undefined
        ? {progressDeadlineSeconds: options.progressDeadlineSeconds}
        : {}),
      ...(options.revisionHistoryLimit !== undefined
        ? {revisionHistoryLimit: options.revisionHistoryLimit}
        : {}),
      ...(options.paused ? {paused: true} : {}),
    },
  }
}

/** The parts of a test cluster. */
export type Harness = ReturnType<typeof deploymentHarness>

/** A fresh API server with the Deployment controller on a shared informer. */
export function deploymentHarness(kinds: readonly string[] = ['Deployment', 'ReplicaSet', 'Pod']) {
  const {api, clock} = testApiServer()
  const informer = new SharedInformer(api.store, kinds)
  const logs: string[] = []
  const ctx: ControllerContext = {
    api,
    informer,
    clock: {now: () => api.now().getTime(), setTimer: () => ({cancel: () => undefined})},
    log: (message) => logs.push(message),
  }
  informer.pump()
  const controller = deploymentController(ctx)
  const deployment = (name = 'web'): Deployment & StoredObject =>
    api.get(DEPLOYMENT, 'default', name) as Deployment & StoredObject
  /** The replica sets, oldest first. */
  const replicaSets = (): StoredReplicaSet[] =>
    (api.list(RS, {namespace: 'default'}) as StoredReplicaSet[]).sort(
      (a, b) =>
        a.metadata.creationTimestamp.localeCompare(b.metadata.creationTimestamp) ||
        a.metadata.name.localeCompare(b.metadata.name),
    )
  const h = {
    api,
    informer,
    ctx,
    logs,
    controller,
    deployment,
    replicaSets,
    advance: (ms: number) => clock.advance(ms),
    /** The cache catches up with the store, then the controller syncs the key. */
    sync(key = 'default/web') {
      informer.pump()
      return controller.sync(key)
    },
    /** Syncs until a sync writes nothing; fails if that takes more than a few rounds. */
    converge(key = 'default/web') {
      for (let round = 0; round < 10; round++) {
        const before = api.store.latestResourceVersion()
        const outcome = h.sync(key)
        if (api.store.latestResourceVersion() === before) return outcome
      }
      throw new Error('did not converge')
    },
    /** Changes the deployment's spec (and metadata) through the API server, as `tug edit` would. */
    edit(change: (d: Deployment) => void, name = 'web') {
      const d = deployment(name)
      change(d)
      return api.update(d)
    },
    setImage(image: string, name = 'web') {
      return h.edit((d) => {
        d.spec.template.spec.containers[0]!.image = image
      }, name)
    },
    /** The replica set whose template runs `image`. */
    rsFor(image: string): StoredReplicaSet {
      const rs = replicaSets().find(
        (candidate) => candidate.spec.template.spec.containers[0]?.image === image,
      )
      if (!rs) throw new Error(`no replica set runs ${image}`)
      return rs
    },
    /** Writes a replica set's status as the ReplicaSet controller would, having seen its generation. */
    observe(rs: ReplicaSet & StoredObject, counts: {replicas: number; ready?: number; available?: number}) {
      const fresh = api.get(RS, 'default', rs.metadata.name) as StoredReplicaSet
      const ready = counts.ready ?? counts.available ?? 0
      const available = counts.available ?? 0
      const status = {
        replicas: counts.replicas,
        ...(ready ? {fullyLabeledReplicas: counts.replicas, readyReplicas: ready} : {}),
        ...(available ? {availableReplicas: available} : {}),
        observedGeneration: fresh.metadata.generation ?? 1,
      }
      return api.update({...fresh, status}, {subresource: 'status'}) as StoredReplicaSet
    },
    /**
     * One step of the pods' lives: every replica set has its spec.replicas pods at once (deleted ones go at
     * once), and the pods that already existed at the previous step become available, unless `healthy` says
     * the image never works.
     */
    settle(healthy: (rs: StoredReplicaSet) => boolean = () => true) {
      for (const rs of replicaSets()) {
        const spec = rs.spec.replicas ?? 1
        const before = rs.status?.replicas ?? 0
        const available = healthy(rs) ? Math.min(spec, before) : 0
        const same =
          before === spec &&
          (rs.status?.availableReplicas ?? 0) === available &&
          rs.status?.observedGeneration === rs.metadata.generation
        if (!same) h.observe(rs, {replicas: spec, available})
      }
    },
    /** Events about an object, as `Type Reason Message`. */
    eventsOf(object: StoredObject): string[] {
      return api.store
        .listEvents({involvedUid: object.metadata.uid})
        .map((event: KubeEvent) => `${event.type} ${event.reason} ${event.message}`)
    },
    /** Event sources of the object's events. */
    sourcesOf(object: StoredObject): string[] {
      return api.store.listEvents({involvedUid: object.metadata.uid}).map((event) => event.source.component)
    },
  }
  return h
}
