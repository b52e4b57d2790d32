import {describe, expect, it, vi} from 'vitest'
import {LABELS} from '../../../../src/core/runtime/container-runtime.js'
import type {Harness} from './support/harness.js'
import {kubeletHarness, podManifest, POD} from './support/harness.js'

/** Starts the harness's kubelet; the returned function stops it. */
function start(h: Harness): () => Promise<void> {
  const controller = new AbortController()
  const done = h.kubelet.start(controller.signal)
  return async () => {
    controller.abort()
    await done
  }
}

/** The runtime calls about containers (not images or the engine's version). */
const CONTAINER_CALLS = new Set<string>([
  'listContainers',
  'listContainerStates',
  'inspectContainer',
  'inspectContainers',
  'runContainer',
  'stopContainer',
  'removeContainer',
])

const phase = (h: Harness, name = 'web') => h.pod(name)?.status?.phase
const appRuns = (h: Harness) => h.runtime.byContainer('app')

describe('Kubelet.start', () => {
  it('runs the pods bound to its node as they appear in the store, and no others', async () => {
    const h = kubeletHarness()
    const stop = start(h)
    h.create(podManifest('web'))
    h.create(podManifest('elsewhere', {nodeName: 'node02'}))
    await vi.waitFor(() => expect(phase(h)).toBe('Running'))
    expect(h.runtime.log('runContainer').some((line) => line.includes('elsewhere'))).toBe(false)
    await stop()
  })

  it('notices a container that died from the runtime events and restarts it at once', async () => {
    const h = kubeletHarness()
    const stop = start(h)
    h.create(podManifest('web'))
    await vi.waitFor(() => expect(phase(h)).toBe('Running'))
    h.runtime.exit(appRuns(h)[0]?.id ?? '', 137)
    await vi.waitFor(() => expect(appRuns(h)[0]?.state).toBe('running'))
    expect(appRuns(h)).toHaveLength(2)
    await stop()
  })

  it('notices a container removed behind its back and starts it again, counting the restart', async () => {
    const h = kubeletHarness()
    const stop = start(h)
    h.create(podManifest('web'))
    await vi.waitFor(() => expect(phase(h)).toBe('Running'))
    h.runtime.removeBehindBack(appRuns(h)[0]?.id ?? '')
    await vi.waitFor(() => expect(appRuns(h)[0]?.state).toBe('running'))
    expect(h.pod('web')?.status?.containerStatuses?.[0]?.restartCount).toBe(1)
    await stop()
  })

  it('starts a new pod without listing containers: the event stream keeps its picture of the node', async () => {
    const h = kubeletHarness()
    const stop = start(h)
    await vi.waitFor(() => expect(h.runtime.log('listContainerStates')).toHaveLength(1))
    const before = h.runtime.calls.length
    h.create(podManifest('web'))
    await vi.waitFor(() => expect(phase(h)).toBe('Running'))
    const containerCalls = h.runtime.calls.slice(before).filter((call) => CONTAINER_CALLS.has(call.method))
    expect(containerCalls.map((call) => call.summary)).toEqual([
      'run tug_default_web_POD_a1b2c3d4_0',
      'run tug_default_web_app_a1b2c3d4_0',
      'inspect tug_default_web_POD_a1b2c3d4_0 tug_default_web_app_a1b2c3d4_0',
    ])
    await stop()
  })

  it('replaces a killed container after reading only that container', async () => {
    const h = kubeletHarness()
    const stop = start(h)
    h.create(podManifest('web'))
    await vi.waitFor(() => expect(phase(h)).toBe('Running'))
    const before = h.runtime.calls.length
    h.runtime.exit(appRuns(h)[0]?.id ?? '', 137)
    await vi.waitFor(() => expect(h.pod('web')?.status?.containerStatuses?.[0]?.restartCount).toBe(1))
    expect(h.runtime.log().slice(before)).toEqual([
      'inspect tug_default_web_app_a1b2c3d4_0',
      'run tug_default_web_app_a1b2c3d4_1',
      'inspect tug_default_web_app_a1b2c3d4_1',
    ])
    await stop()
  })

  it('follows the event stream again when it breaks, and relists to catch what it missed', async () => {
    const h = kubeletHarness()
    const stop = start(h)
    h.create(podManifest('web'))
    await vi.waitFor(() => expect(phase(h)).toBe('Running'))
    h.runtime.breakEvents('the event stream ended: podman exited with code 0')
    await vi.waitFor(() =>
      expect(h.logs.some((line) => line.includes('runtime event stream broke'))).toBe(true),
    )
    h.runtime.containers.delete(appRuns(h)[0]?.id ?? '') // gone while nobody listened
    await h.clock.advance(1_000)
    await vi.waitFor(() => expect(appRuns(h)).toHaveLength(1))
    expect(h.pod('web')?.status?.containerStatuses?.[0]?.restartCount).toBe(1)
    await stop()
  })

  it('relists as a safety net when an event was missed', async () => {
    const h = kubeletHarness()
    const stop = start(h)
    h.create(podManifest('web'))
    await vi.waitFor(() => expect(phase(h)).toBe('Running'))
    h.runtime.containers.delete(appRuns(h)[0]?.id ?? '') // gone, and no event says so
    await h.clock.advance(60_000) // the resync's relist
    await vi.waitFor(() => expect(appRuns(h)).toHaveLength(1))
    expect(h.pod('web')?.status?.containerStatuses?.[0]?.restartCount).toBe(1)
    await stop()
  })

  it('retries a pod whose sync failed, with back-off', async () => {
    const h = kubeletHarness()
    h.runtime.fail('runContainer', 'Error response from daemon: conflict')
    const stop = start(h)
    h.create(podManifest('web'))
    await vi.waitFor(() => expect(h.kubelet.queue.scheduled().has('default/web')).toBe(true))
    expect(h.logs.some((line) => line.includes('sync failed') && line.includes('retrying in 0.5s'))).toBe(
      true,
    )
    await h.clock.advance(500)
    await vi.waitFor(() => expect(phase(h)).toBe('Running'))
    await stop()
  })

  it('wakes a crash-looping container when its back-off ends', async () => {
    const h = kubeletHarness({backoff: 'classroom'})
    const stop = start(h)
    h.create(podManifest('web'))
    await vi.waitFor(() => expect(phase(h)).toBe('Running'))
    h.runtime.exit(appRuns(h)[0]?.id ?? '', 1)
    await vi.waitFor(() => expect(appRuns(h)[0]?.state).toBe('running'))
    h.runtime.exit(appRuns(h)[0]?.id ?? '', 1)
    await vi.waitFor(() =>
      expect(h.pod('web')?.status?.containerStatuses?.[0]?.state?.waiting?.reason).toBe('CrashLoopBackOff'),
    )
    await h.clock.advance(1_000)
    await vi.waitFor(() => expect(h.pod('web')?.status?.containerStatuses?.[0]?.restartCount).toBe(2))
    await stop()
  })

  it('adopts its containers after a restart and cleans up a pod deleted meanwhile', async () => {
    const h = kubeletHarness()
    let stop = start(h)
    h.create(podManifest('web'))
    h.create(podManifest('gone'))
    await vi.waitFor(() => expect([phase(h), phase(h, 'gone')]).toEqual(['Running', 'Running']))
    await stop()
    h.api.delete(POD, 'default', 'gone', {gracePeriodSeconds: 0})
    const runsBefore = h.runtime.log('runContainer').length
    h.kubelet = h.newKubelet()
    stop = start(h)
    await vi.waitFor(() =>
      expect([...h.runtime.containers.values()].map((c) => c.labels[LABELS.podName])).toEqual(['web', 'web']),
    )
    expect(h.runtime.log('runContainer')).toHaveLength(runsBefore)
    await stop()
  })

  it('never touches a container without Tugboat labels', async () => {
    const h = kubeletHarness()
    const foreign = h.runtime.addForeign('my-database')
    const stop = start(h)
    h.create(podManifest('web'))
    await vi.waitFor(() => expect(phase(h)).toBe('Running'))
    h.api.delete(POD, 'default', 'web', {gracePeriodSeconds: 1})
    await vi.waitFor(() => expect(h.pod('web')).toBeUndefined())
    await h.clock.advance(60_000)
    await stop()
    expect(
      h.runtime.log().filter((line) => line.includes('my-database') || line.includes(foreign.id)),
    ).toEqual([])
    expect(foreign.state).toBe('running')
  })

  it('removes volumes left by pods that are gone', async () => {
    const h = kubeletHarness()
    await h.runtime.createVolume('tug_dead-uid_cache', {
      [LABELS.managedBy]: 'tugboat',
      [LABELS.node]: 'node01',
    })
    const stop = start(h)
    await vi.waitFor(() => expect(h.runtime.volumes.size).toBe(0))
    await stop()
  })

  it('stops its loops on stop() and leaves the containers running', async () => {
    const h = kubeletHarness()
    const stop = start(h)
    h.create(podManifest('web'))
    await vi.waitFor(() => expect(phase(h)).toBe('Running'))
    await stop()
    expect(h.logs.at(-1)).toBe('kubelet/node01: stopped')
    expect(appRuns(h)[0]?.state).toBe('running')
  })
})
