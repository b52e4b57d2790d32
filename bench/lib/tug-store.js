// The benchmark's own view of Tugboat's store: it writes pods and watches their status through the same
// ApiServer and SQLite store `tug` uses, loaded from the TypeScript sources with tsx (a development
// dependency, as the benchmark is a development tool: the bundle in dist/ exports only the CLI). Reading the
// change log every 10 ms costs a fraction of a millisecond, where polling with `tug get pods -o json` would
// cost a process start (~150 ms) per look and load the machine it measures.
import {register} from 'tsx/esm/api'
import {now, poll} from './timing.js'

let modules

async function load() {
  register()
  const [context, resources] = await Promise.all([
    import('../../src/cli/context.ts'),
    import('../../src/core/api/resources.ts'),
  ])
  return {openApiServer: context.openApiServer, POD: resources.mustTypeForKind('Pod')}
}

/** A single-container pod running tugboat/demo:v1 with containerPort 8080, as the figures use. */
export function benchPod(name, image) {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {name, namespace: 'default', labels: {app: 'tug-bench'}},
    spec: {containers: [{name: 'app', image, ports: [{containerPort: 8080}]}]},
  }
}

/** Whether a pod is Running with every container running, as `tug get pods` would show it. */
export function isRunning(pod) {
  const statuses = pod?.status?.containerStatuses ?? []
  return (
    pod?.status?.phase === 'Running' &&
    statuses.length === pod.spec.containers.length &&
    statuses.every((status) => status.state?.running)
  )
}

/** The store of one state directory, with the pods as last seen in its change log. */
export class PodStore {
  /** Opens the store in `home` (creating it). */
  static async open(home) {
    modules ??= await load()
    return new PodStore(modules.openApiServer(home), modules.POD)
  }

  constructor(api, podType) {
    this.api = api
    this.podType = podType
    this.after = api.store.latestResourceVersion()
    this.pods = new Map()
    /** The uids of the pods written: their containers carry them, which is how clean-up finds them. */
    this.uids = new Set()
  }

  /** Creates the pods in one transaction; returns the time just before it began. */
  createPods(pods) {
    const start = now()
    this.api.store.transaction(() => {
      for (const pod of pods) this.uids.add(this.api.create(pod).metadata.uid)
    })
    return start
  }

  /** Reads the change log since the last look. */
  refresh() {
    for (;;) {
      const changes = this.api.store.changesSince(this.after)
      for (const change of changes) {
        this.after = change.resourceVersion
        if (change.object.kind !== 'Pod') continue
        if (change.type === 'DELETED') this.pods.delete(change.object.metadata.name)
        else this.pods.set(change.object.metadata.name, change.object)
      }
      if (changes.length < 500) return
    }
  }

  /**
   * Waits (bounded, looking every 10 ms) until `check(pods)` returns something; resolves with that and the
   * time it was first seen.
   */
  until(what, check, timeoutMs) {
    return poll(
      what,
      () => {
        this.refresh()
        return check(this.pods)
      },
      {timeoutMs, intervalMs: 10},
    )
  }

  /** Waits until every named pod is Running with its containers running; resolves with the time seen. */
  async untilRunning(names, timeoutMs) {
    const {at} = await this.until(
      `${names.length} pod(s) to be Running`,
      (pods) => (names.every((name) => isRunning(pods.get(name))) ? true : undefined),
      timeoutMs,
    )
    return at
  }

  close() {
    this.api.store.close()
  }
}
