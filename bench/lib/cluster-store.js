// The cluster figures' view of Tugboat's store: a ReplicaSet written, scaled and its pods deleted, nodes
// marked stopped and started (through the same core function `tug node stop|start` calls), and the pods and
// nodes as last seen in the change log. Like lib/tug-store.js it loads the TypeScript sources with tsx, but
// in its own namespace, so it neither depends on nor disturbs the pod figures' loader in the same process.
import {register} from 'tsx/esm/api'
import {isRunning} from './tug-store.js'
import {now, poll} from './timing.js'

/** The control-plane node's role label (kubeadm's): the other nodes are the workers. */
const CONTROL_PLANE_ROLE = 'node-role.kubernetes.io/control-plane'
const UNREACHABLE = 'node.kubernetes.io/unreachable'
const NOT_READY = 'node.kubernetes.io/not-ready'

let modules

async function load() {
  const tsx = register({namespace: 'tug-bench-cluster'})
  const from = (path) => tsx.import(path, import.meta.url)
  const [context, resources, failure] = await Promise.all([
    from('../../src/cli/context.ts'),
    from('../../src/core/api/resources.ts'),
    from('../../src/core/nodes/simulated-failure.ts'),
  ])
  const type = resources.mustTypeForKind
  return {
    openApiServer: context.openApiServer,
    stopNodes: failure.stopNodes,
    startNodes: failure.startNodes,
    types: {pod: type('Pod'), replicaSet: type('ReplicaSet')},
  }
}

/** A ReplicaSet of `replicas` pods running `image` (containerPort 8080), as the cluster figures use. */
export function benchReplicaSet(name, image, replicas) {
  const labels = {app: name}
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {name, namespace: 'default', labels},
    spec: {
      replicas,
      selector: {matchLabels: labels},
      template: {
        metadata: {labels},
        spec: {containers: [{name: 'app', image, ports: [{containerPort: 8080}]}]},
      },
    },
  }
}

/** Whether a pod counts as a replica: not finished and not being deleted (the controller's IsPodActive). */
export function isActive(pod) {
  const phase = pod.status?.phase
  return phase !== 'Succeeded' && phase !== 'Failed' && !pod.metadata.deletionTimestamp
}

/** Whether a pod's Ready condition is True. */
export function isReady(pod) {
  return pod?.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false
}

/** Whether a node's Ready condition is True and the node lifecycle controller's taints are off. */
export function isNodeReady(node) {
  const ready = node?.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True')
  const tainted = (node?.spec?.taints ?? []).some((t) => t.key === UNREACHABLE || t.key === NOT_READY)
  return Boolean(ready) && !tainted
}

export {isRunning}

/** The store of one state directory, with the pods and nodes as last seen in its change log. */
export class ClusterStore {
  /** Opens the store in `home` (creating it). */
  static async open(home) {
    modules ??= await load()
    return new ClusterStore(modules.openApiServer(home))
  }

  constructor(api) {
    this.api = api
    this.after = api.store.latestResourceVersion()
    this.pods = new Map()
    this.nodes = new Map()
    /** The uid of every pod ever seen: their containers carry them, which is how clean-up finds them. */
    this.uids = new Set()
  }

  /** Reads the change log since the last look. */
  refresh() {
    for (;;) {
      const changes = this.api.store.changesSince(this.after)
      for (const {type, object, resourceVersion} of changes) {
        this.after = resourceVersion
        const map = object.kind === 'Pod' ? this.pods : object.kind === 'Node' ? this.nodes : undefined
        if (!map) continue
        if (object.kind === 'Pod') this.uids.add(object.metadata.uid)
        if (type === 'DELETED') map.delete(object.metadata.name)
        else map.set(object.metadata.name, object)
      }
      if (changes.length < 500) return
    }
  }

  /**
   * Waits (bounded, looking every 10 ms) until `check(this)` returns something; resolves with that and the
   * time it was first seen.
   */
  until(what, check, timeoutMs) {
    return poll(
      what,
      () => {
        this.refresh()
        return check(this)
      },
      {timeoutMs, intervalMs: 10},
    )
  }

  /** The worker nodes' names (every node without the control-plane role), sorted. */
  workers() {
    return [...this.nodes.values()]
      .filter((node) => node.metadata.labels?.[CONTROL_PLANE_ROLE] === undefined)
      .map((node) => node.metadata.name)
      .sort()
  }

  /** The pods `rs` controls that count as replicas. */
  activePods(rs) {
    return [...this.pods.values()].filter(
      (pod) =>
        isActive(pod) && pod.metadata.ownerReferences?.some((ref) => ref.controller && ref.uid === rs.uid),
    )
  }

  /** Whether `rs` has all its replicas Running (optionally only counting pods off `avoidNode`). */
  whole(rs, replicas, avoidNode) {
    const running = this.activePods(rs).filter(
      (pod) => isRunning(pod) && (avoidNode === undefined || pod.spec.nodeName !== avoidNode),
    )
    return running.length >= replicas
  }

  /** Creates the ReplicaSet; returns its name and uid. */
  createReplicaSet(manifest) {
    const created = this.api.create(manifest)
    return {name: created.metadata.name, uid: created.metadata.uid}
  }

  /** Sets the ReplicaSet's spec.replicas (read and write in one transaction); returns the time just before. */
  scale(rs, replicas) {
    const start = now()
    this.api.store.transaction(() => {
      const live = this.api.get(modules.types.replicaSet, 'default', rs.name)
      this.api.update({...live, spec: {...live.spec, replicas}})
    })
    return start
  }

  /** Deletes a pod as `tug delete pod` does (gracefully); returns the time just before. */
  deletePod(name) {
    const start = now()
    this.api.delete(modules.types.pod, 'default', name)
    return start
  }

  /** Marks a node's machine stopped (`tug node stop`); returns the time just before. */
  stopNode(name) {
    const start = now()
    modules.stopNodes(this.api, {names: [name], usage: 'node stop NODE'})
    return start
  }

  /** Removes a node's stopped mark (`tug node start`); returns the time just before. */
  startNode(name) {
    const start = now()
    modules.startNodes(this.api, {names: [name], usage: 'node start NODE'})
    return start
  }

  close() {
    this.api.store.close()
  }
}
