import {describe, expect, it} from 'vitest'
import {mustTypeForKind} from '../../../../src/core/api/resources.js'
import type {Node} from '../../../../src/core/api/types.js'
import {runController} from '../../../../src/core/controllers/controller.js'
import {SharedInformer} from '../../../../src/core/loop/informer.js'
import {scheduler} from '../../../../src/core/scheduler/scheduler.js'
import {testApiServer} from '../../../support/api.js'
import {FakeClock} from '../../../support/fake-clock.js'
import {CONTROL_PLANE_TAINT, node, pod} from './fixtures.js'
import {schedulerHarness} from './support/harness.js'

const POD = mustTypeForKind('Pod')
const CP_TOLERATION = {
  key: 'node-role.kubernetes.io/control-plane',
  operator: 'Exists',
  effect: 'NoSchedule',
} as const

describe('scheduler', () => {
  it('binds a pod to the node with the most room, marks it scheduled and says why', async () => {
    const h = schedulerHarness()
    h.create(node('node01'))
    h.create(node('node02'))
    h.create(pod('busy', {cpu: '3', memory: '4Gi', nodeName: 'node01'}))
    h.create(pod('web', {cpu: '500m', memory: '512Mi'}))
    await h.drain()

    const web = h.pod('web')
    expect(web.spec.nodeName).toBe('node02')
    expect(web.status?.phase).toBe('Pending')
    expect(web.status?.conditions).toEqual([
      {type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: '2024-05-14T11:54:50Z'},
    ])
    expect(h.events('web')).toEqual(['Normal Scheduled Successfully assigned default/web to node02'])
    expect(h.api.store.listEvents({involvedName: 'web'})[0]?.source).toEqual({component: 'default-scheduler'})
    expect(h.logs).toEqual([
      'pod default/web: 2 nodes fit, node02 scores best (least allocated 90, balanced 96): bound',
    ])
  })

  it('spreads four replicas of one ReplicaSet 2/2 over two equal nodes', async () => {
    for (const random of [() => 0, () => 0.99]) {
      const h = schedulerHarness({random})
      h.create(node('node01'))
      h.create(node('node02'))
      const names = ['web-a', 'web-b', 'web-c', 'web-d']
      for (const name of names) {
        h.create(pod(name, {owner: 'web-rs'}))
        await h.drain()
      }
      expect(h.placement(names)).toEqual({node01: 2, node02: 2})
    }
  })

  it('spreads replicas created all at once too', async () => {
    const h = schedulerHarness()
    h.create(node('node01'))
    h.create(node('node02'))
    const names = ['web-a', 'web-b', 'web-c', 'web-d']
    for (const name of names) h.create(pod(name, {owner: 'web-rs'}))
    await h.drain()
    expect(h.placement(names)).toEqual({node01: 2, node02: 2})
    expect(h.logs[1]).toMatch(/^pod default\/web-b: 2 nodes fit, node02 scores best \(.*spread 100\): bound$/)
  })

  it('keeps pods off the control-plane node unless they tolerate its taint', async () => {
    const h = schedulerHarness()
    h.create(
      node('cp', {taints: [CONTROL_PLANE_TAINT], labels: {'node-role.kubernetes.io/control-plane': ''}}),
    )
    h.create(node('node01'))
    h.create(pod('busy', {cpu: '3', nodeName: 'node01'}))
    h.create(pod('web'))
    h.create(pod('agent', {spec: {tolerations: [CP_TOLERATION]}}))
    await h.drain()
    expect(h.pod('web').spec.nodeName).toBe('node01')
    expect(h.pod('agent').spec.nodeName).toBe('cp')
  })

  it('reports the untolerated control-plane taint when it is the only node', async () => {
    const h = schedulerHarness()
    h.create(node('cp', {taints: [CONTROL_PLANE_TAINT]}))
    h.create(pod('web'))
    await h.drain()
    const message =
      '0/1 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. ' +
      'preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling..'
    expect(h.events('web')).toEqual([`Warning FailedScheduling ${message}`])
    expect(h.logs).toEqual([`pod default/web: unschedulable: ${message}`])
  })

  it('places a pod with a nodeSelector only on a matching node', async () => {
    const h = schedulerHarness()
    h.create(node('node01'))
    h.create(node('node02', {labels: {disk: 'ssd'}}))
    h.create(pod('busy', {cpu: '3', nodeName: 'node02'}))
    h.create(pod('db', {spec: {nodeSelector: {disk: 'ssd'}}}))
    await h.drain()
    expect(h.pod('db').spec.nodeName).toBe('node02')
    expect(h.logs).toEqual(['pod default/db: only node02 fits: bound'])
  })

  it('skips a cordoned node, and schedules there once it is uncordoned', async () => {
    const h = schedulerHarness()
    const cordoned = h.create(node('node01', {unschedulable: true}))
    h.create(pod('web'))
    await h.drain()
    expect(h.pod('web').spec.nodeName).toBeUndefined()
    expect(h.events('web')).toEqual([
      'Warning FailedScheduling 0/1 nodes are available: 1 node(s) were unschedulable. ' +
        'preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling..',
    ])

    h.api.update({...cordoned, metadata: {...cordoned.metadata, resourceVersion: undefined}, spec: {}})
    await h.drain()
    expect(h.pod('web').spec.nodeName).toBe('node01')
  })

  it('leaves a pod Pending with FailedScheduling when no node has the cpu, then binds it when a node is added', async () => {
    const h = schedulerHarness()
    h.create(node('node01', {cpu: '2'}))
    h.create(node('node02', {cpu: '2'}))
    h.create(pod('big', {cpu: '3'}))
    await h.drain()

    const message =
      '0/2 nodes are available: 2 Insufficient cpu. ' +
      'preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod..'
    const big = h.pod('big')
    expect(big.spec.nodeName).toBeUndefined()
    expect(big.status?.phase).toBe('Pending')
    expect(big.status?.conditions).toEqual([
      {
        type: 'PodScheduled',
        status: 'False',
        lastProbeTime: null,
        lastTransitionTime: '2024-05-14T11:54:50Z',
        reason: 'Unschedulable',
        message,
      },
    ])
    expect(h.events('big')).toEqual([`Warning FailedScheduling ${message}`])
    expect(h.logs).toEqual([`pod default/big: unschedulable: ${message}`])
    expect(h.later.get('default/big')).toBe(30_000)

    h.create(node('node03', {cpu: '4'}))
    h.informer.pump()
    expect([...h.queue]).toEqual(['default/big'])
    await h.drain()
    expect(h.pod('big').spec.nodeName).toBe('node03')
    expect(h.pod('big').status?.conditions?.[0]).toMatchObject({type: 'PodScheduled', status: 'True'})
    expect(h.events('big')).toEqual([
      `Warning FailedScheduling ${message}`,
      'Normal Scheduled Successfully assigned default/big to node03',
    ])
  })

  it('tries a waiting pod again when a bound pod is deleted and frees its room', async () => {
    const h = schedulerHarness()
    h.create(node('node01', {cpu: '2'}))
    h.create(pod('old', {cpu: '2', nodeName: 'node01', phase: 'Running'}))
    h.create(pod('new', {cpu: '1'}))
    await h.drain()
    expect(h.pod('new').spec.nodeName).toBeUndefined()

    h.api.delete(POD, 'default', 'old', {gracePeriodSeconds: 0})
    await h.drain()
    expect(h.pod('new').spec.nodeName).toBe('node01')
  })

  it('does not wake waiting pods for a node heartbeat', async () => {
    const h = schedulerHarness()
    const registered = h.create(node('node01', {cpu: '1'})) as Node
    h.create(pod('big', {cpu: '2'}))
    await h.drain()
    const status = {
      ...registered.status,
      conditions: [{type: 'Ready', status: 'True' as const, lastHeartbeatTime: '2024-05-14T11:55:00Z'}],
    }
    h.api.update({...h.node('node01'), status}, {subresource: 'status'})
    h.informer.pump()
    expect([...h.queue]).toEqual([])
  })

  it('records each failed attempt on the same event and does not rewrite an unchanged condition', async () => {
    const h = schedulerHarness()
    h.create(node('node01', {cpu: '1'}))
    h.create(pod('big', {cpu: '2'}))
    await h.drain()
    const resourceVersion = h.pod('big').metadata.resourceVersion
    h.queue.add('default/big')
    await h.drain()
    expect(h.pod('big').metadata.resourceVersion).toBe(resourceVersion)
    expect(h.events('big')).toEqual([expect.stringMatching(/^Warning FailedScheduling 0\/1 .* \(x2\)$/)])
    expect(h.logs).toHaveLength(1)
  })

  it('does nothing when every pod is bound', async () => {
    const h = schedulerHarness()
    h.create(node('node01'))
    h.create(pod('web'))
    await h.drain()
    const latest = h.api.store.latestResourceVersion()
    const events = h.events('web')
    await h.controller.sync('default/web')
    await h.controller.sync('default/gone')
    expect(h.api.store.latestResourceVersion()).toBe(latest)
    expect(h.events('web')).toEqual(events)
  })

  it('retries with the current pod when the pod changed after the cache saw it', async () => {
    const h = schedulerHarness()
    h.create(node('node01'))
    const web = h.create(pod('web'))
    h.informer.pump()
    // Another writer changes the pod; the scheduler's cache has not caught up when it binds.
    h.api.update({...web, metadata: {...web.metadata, labels: {tier: 'web'}}})
    expect(await h.controller.sync('default/web')).toEqual({requeueAfterMs: 0})
    expect(h.logs).toEqual([
      'pod default/web: the pod changed before it could be bound to node01; trying again',
    ])
    await h.drain()
    expect(h.pod('web').spec.nodeName).toBe('node01')
    expect(h.pod('web').metadata.labels).toEqual({tier: 'web'})
  })

  it('leaves alone pods for another scheduler and pods being deleted', async () => {
    const h = schedulerHarness()
    h.create(node('node01'))
    h.create(pod('custom', {spec: {schedulerName: 'my-scheduler'}}))
    h.create(pod('leaving'))
    // An orphaning delete keeps the pod, marked, until the garbage collector removes its finalizer.
    h.api.delete(POD, 'default', 'leaving', {cascade: 'orphan'})
    await h.drain()
    expect(h.pod('custom').spec.nodeName).toBeUndefined()
    expect(h.pod('leaving').metadata.deletionTimestamp).toBeDefined()
    expect(h.pod('leaving').spec.nodeName).toBeUndefined()
    expect([...h.events('custom'), ...h.events('leaving')]).toEqual([])
  })

  it('says no nodes are available when the cluster has none', async () => {
    const h = schedulerHarness()
    h.create(pod('web'))
    await h.drain()
    expect(h.events('web')).toEqual(['Warning FailedScheduling no nodes available to schedule pods'])
    h.create(node('node01'))
    await h.drain()
    expect(h.pod('web').spec.nodeName).toBe('node01')
  })

  it('under the control loop, tries an unschedulable pod again after the slow retry delay', async () => {
    const {api} = testApiServer()
    const informer = new SharedInformer(api.store, ['Pod', 'Node'])
    const clock = new FakeClock()
    const log = (): void => undefined
    api.create(node('node01', {cpu: '1'}))
    api.create(pod('big', {cpu: '2'}), {namespace: 'default'})
    const abort = new AbortController()
    const controller = scheduler({api, informer, clock, log}, {random: () => 0, retryUnschedulableMs: 30_000})
    const running = runController(controller, {informer, clock, signal: abort.signal, log})
    const counts = () => api.store.listEvents({involvedName: 'big'}).map((e) => e.count)

    informer.pump()
    await clock.advance(0)
    expect(counts()).toEqual([1])
    await clock.advance(29_000)
    expect(counts()).toEqual([1])
    await clock.advance(1_000)
    expect(counts()).toEqual([2])
    abort.abort()
    await running
  })
})
