/**
 * Measures what a learner wants to know after a node failure: how long until the cluster healed. When a
 * node stops being Ready, it notes the controllers (ReplicaSets, ReplicationControllers) that had pods there;
 * once each of them again has all its replicas Ready on other nodes, it says how long that took, counted from
 * the node's last heartbeat (the moment the failure began, as far as the cluster can know).
 */
import type {Node, OwnerReference, Pod, StoredObject} from '../api/types.js'
import type {Clock} from '../loop/clock.js'
import type {SharedInformer} from '../loop/informer.js'

/** One node failure being watched until its workloads are whole again. */
interface Incident {
  node: string
  /** The last heartbeat before the failure (ms since the epoch). */
  since: number
  owners: OwnerReference[]
  namespaceOf: Map<string, string>
}

const OWNER_KINDS = new Set(['ReplicaSet', 'ReplicationController'])

/** Watches node failures and narrates each one's heal time. */
export function reportHealTimes(
  informer: SharedInformer,
  clock: Clock,
  say: (message: string) => void,
): void {
  const incidents = new Map<string, Incident>()
  informer.on('Node', ({object, previous}) => {
    const node = object as Node
    const name = node.metadata.name ?? ''
    const ready = readyOf(node)
    if (ready.status === 'True') return void incidents.delete(name)
    // Only a change seen live opens an incident: a node found NotReady at start-up failed who knows when.
    if (!previous || readyOf(previous as Node).status !== 'True') return
    const incident = openIncident(informer, name, ready.lastHeartbeatTime, clock)
    if (incident.owners.length) incidents.set(name, incident)
  })
  informer.on('Pod', () => {
    for (const [name, incident] of incidents) {
      if (!incident.owners.every((owner) => whole(informer, owner, incident))) continue
      incidents.delete(name)
      const seconds = ((clock.now() - incident.since) / 1000).toFixed(1)
      const owners = incident.owners.map((o) => `${o.kind.toLowerCase()}/${o.name}`).join(', ')
      say(`node ${name} failed; ${owners} fully ready again elsewhere ${seconds}s after its last heartbeat`)
    }
  })
}

function openIncident(
  informer: SharedInformer,
  node: string,
  heartbeat: string | undefined,
  clock: Clock,
): Incident {
  const owners = new Map<string, OwnerReference>()
  const namespaceOf = new Map<string, string>()
  for (const pod of informer.list('Pod') as (Pod & StoredObject)[]) {
    if (pod.spec.nodeName !== node) continue
    const owner = pod.metadata.ownerReferences?.find((ref) => ref.controller && OWNER_KINDS.has(ref.kind))
    if (!owner) continue
    owners.set(owner.uid, owner)
    namespaceOf.set(owner.uid, pod.metadata.namespace ?? 'default')
  }
  const since = heartbeat ? Date.parse(heartbeat) : clock.now()
  return {node, since: Number.isNaN(since) ? clock.now() : since, owners: [...owners.values()], namespaceOf}
}

/** Whether the owner (still there) has as many Ready pods off the failed node as it wants. */
function whole(informer: SharedInformer, owner: OwnerReference, incident: Incident): boolean {
  const namespace = incident.namespaceOf.get(owner.uid) ?? 'default'
  const live = informer.get(owner.kind, namespace, owner.name)
  if (!live || live.metadata.uid !== owner.uid) return true
  const wanted = (live.spec as {replicas?: number} | undefined)?.replicas ?? 1
  const ready = (informer.list('Pod', namespace) as Pod[]).filter(
    (pod) =>
      pod.spec.nodeName !== incident.node &&
      !pod.metadata.deletionTimestamp &&
      pod.metadata.ownerReferences?.some((ref) => ref.uid === owner.uid) &&
      pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'),
  )
  return ready.length >= wanted
}

function readyOf(node: Node): {status?: string; lastHeartbeatTime?: string} {
  return node.status?.conditions?.find((c) => c.type === 'Ready') ?? {}
}
