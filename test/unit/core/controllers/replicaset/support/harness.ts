/** The replica controllers over an in-memory API server, a shared informer and the API server's own clock. */
import {mustTypeForKind} from '../../../../../../src/core/api/resources.js'
import type {
  Condition,
  KubeEvent,
  OwnerReference,
  Pod,
  ReplicaSet,
  ReplicationController,
  StoredObject,
} from '../../../../../../src/core/api/types.js'
import type {ControllerContext} from '../../../../../../src/core/controllers/controller.js'
import {
  replicaSetController,
  replicationControllerController,
} from '../../../../../../src/core/controllers/replicaset/replicaset-controller.js'
import {SharedInformer} from '../../../../../../src/core/loop/informer.js'
import {testApiServer} from '../../../../../support/api.js'

export const POD = mustTypeForKind('Pod')
export const RS = mustTypeForKind('ReplicaSet')
export const RC = mustTypeForKind('ReplicationController')
export const IMAGE = 'tugboat/demo:v1'

/** A ReplicaSet manifest selecting `app=<name>`. */
export function replicaSet(
  name: string,
  replicas: number,
  options: {minReadySeconds?: number; templateLabels?: Record<string, string>} = {},
): ReplicaSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {name},
    spec: {
      replicas,
      ...(options.minReadySeconds ? {minReadySeconds: options.minReadySeconds} : {}),
      selector: {matchLabels: {app: name}},
      template: {
        metadata: {labels: options.templateLabels ?? {app: name}},
        spec: {containers: [{name: 'app', image: IMAGE}]},
      },
    },
  }
}

/** A ReplicationController manifest without a selector: the API server defaults it to the template labels. */
export function replicationController(name: string, replicas: number): ReplicationController {
  return {
    apiVersion: 'v1',
    kind: 'ReplicationController',
    metadata: {name},
    spec: {
      replicas,
      template: {metadata: {labels: {app: name}}, spec: {containers: [{name: 'app', image: IMAGE}]}},
    },
  }
}

/** A bare pod manifest. */
export function podManifest(name: string, labels: Record<string, string>, owner?: OwnerReference): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {name, labels, ...(owner ? {ownerReferences: [owner]} : {})},
    spec: {containers: [{name: 'app', image: IMAGE}]},
  }
}

/** How a test pod should look to the controller. */
export interface PodState {
  node?: string
  phase?: 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown'
  /** Ready since this time (ISO); not ready when absent. */
  readySince?: string
  restarts?: number
}

/** The parts of a test cluster. */
export type Harness = ReturnType<typeof replicaHarness>

/** A fresh API server with both controllers sharing one informer. */
export function replicaHarness() {
  const {api, clock} = testApiServer()
  const informer = new SharedInformer(api.store, ['ReplicaSet', 'ReplicationController', 'Pod'])
  const logs: string[] = []
  const ctx: ControllerContext = {
    api,
    informer,
    clock: {now: () => api.now().getTime(), setTimer: () => ({cancel: () => undefined})},
    log: (message) => logs.push(message),
  }
  informer.pump()
  const rs = replicaSetController(ctx)
  const rc = replicationControllerController(ctx)
  const pods = (): Pod[] => api.list(POD) as Pod[]
  return {
    api,
    informer,
    ctx,
    logs,
    rs,
    rc,
    advance: (ms: number) => clock.advance(ms),
    /** The cache catches up with the store, then the controller syncs the key. */
    sync(controller = rs, key = 'default/web') {
      informer.pump()
      return controller.sync(key)
    },
    pods,
    /** Names of the pods not being deleted. */
    livePodNames: () =>
      pods()
        .filter((pod) => !pod.metadata.deletionTimestamp)
        .map((pod) => pod.metadata.name),
    /** Binds the pod and writes the status the kubelet would. */
    setPodState(name: string, state: PodState) {
      let pod = api.get(POD, 'default', name) as Pod
      if (state.node && !pod.spec.nodeName)
        pod = api.update({...pod, spec: {...pod.spec, nodeName: state.node}}) as Pod
      const conditions: Condition[] = [
        state.readySince
          ? {type: 'Ready', status: 'True', lastTransitionTime: state.readySince}
          : {type: 'Ready', status: 'False', reason: 'ContainersNotReady'},
      ]
      const status = {
        phase: state.phase ?? (state.node ? 'Running' : 'Pending'),
        conditions,
        containerStatuses: [
          {
            name: 'app',
            ready: Boolean(state.readySince),
            restartCount: state.restarts ?? 0,
            image: IMAGE,
            imageID: '',
          },
        ],
      }
      return api.update({...pod, status}, {subresource: 'status'}) as Pod
    },
    /** Events about an object, as `Type Reason Message (source)`. */
    eventsOf(object: StoredObject): string[] {
      return api.store
        .listEvents({involvedUid: object.metadata.uid})
        .map(
          (event: KubeEvent) => `${event.type} ${event.reason} ${event.message} (${event.source.component})`,
        )
    },
    get: (type = RS, name = 'web') => api.get(type, 'default', name),
  }
}
