/** The scheduler against an in-memory API server, its informer pumped by hand and its queue drained in order. */
import {mustTypeForKind} from '../../../../../src/core/api/resources.js'
import type {KubeObject, Node, Pod} from '../../../../../src/core/api/types.js'
import {SharedInformer} from '../../../../../src/core/loop/informer.js'
import type {SchedulerOptions} from '../../../../../src/core/scheduler/scheduler.js'
import {scheduler} from '../../../../../src/core/scheduler/scheduler.js'
import {testApiServer} from '../../../../support/api.js'
import {FakeClock} from '../../../../support/fake-clock.js'

const POD = mustTypeForKind('Pod')
const NODE = mustTypeForKind('Node')

/** A scheduler, its cluster, and helpers to drive and observe it. */
export function schedulerHarness(options: SchedulerOptions = {}) {
  const {api} = testApiServer()
  const informer = new SharedInformer(api.store, ['Pod', 'Node'])
  const logs: string[] = []
  const controller = scheduler(
    {api, informer, clock: new FakeClock(), log: (message) => logs.push(message)},
    {random: () => 0, ...options},
  )
  const queue = new Set<string>()
  /** Keys the scheduler asked to retry later, with the delay. */
  const later = new Map<string, number>()
  controller.watch(informer, (key) => queue.add(key))
  informer.pump()
  const pod = (name: string): Pod => api.get(POD, 'default', name) as Pod

  return {
    api,
    informer,
    logs,
    controller,
    queue,
    later,
    create(object: KubeObject) {
      return api.create(object, {namespace: 'default'})
    },
    /** Pumps the informer, then syncs queued keys (requeued ones included) until none is left. */
    async drain(): Promise<void> {
      informer.pump()
      for (let round = 0; queue.size; round++) {
        if (round > 200) throw new Error(`the queue never drains: ${[...queue].join(', ')}`)
        const [key = ''] = queue
        queue.delete(key)
        const outcome = await controller.sync(key)
        if (outcome?.requeueAfterMs === 0) queue.add(key)
        else if (outcome?.requeueAfterMs !== undefined) later.set(key, outcome.requeueAfterMs)
      }
    },
    pod,
    node(name: string): Node {
      return api.get(NODE, '', name) as Node
    },
    /** `<type> <reason> <message> (x<count>)` of a pod's events. */
    events(name: string): string[] {
      return api.store
        .listEvents({involvedName: name, involvedKind: 'Pod'})
        .map((e) => `${e.type} ${e.reason} ${e.message}${e.count > 1 ? ` (x${e.count})` : ''}`)
    },
    /** Where each of the named pods is bound. */
    placement(names: string[]): Record<string, number> {
      const counts: Record<string, number> = {}
      for (const name of names) {
        const nodeName = pod(name).spec.nodeName ?? '<none>'
        counts[nodeName] = (counts[nodeName] ?? 0) + 1
      }
      return counts
    },
  }
}
