import {describe, expect, it} from 'vitest'
import {ContainerCache} from '../../../../src/core/kubelet/container-cache.js'
import type {ContainerEvent, ContainerSpec} from '../../../../src/core/runtime/container-runtime.js'
import {LABELS, MANAGED_BY} from '../../../../src/core/runtime/container-runtime.js'
import {FakeRuntime} from '../../../../src/runtime/fake-runtime.js'

const NODE = 'node01'
const KEY = 'default/web'

function labels(pod = 'web', node = NODE): Record<string, string> {
  return {
    [LABELS.managedBy]: MANAGED_BY,
    [LABELS.node]: node,
    [LABELS.podNamespace]: 'default',
    [LABELS.podName]: pod,
    [LABELS.podUid]: `uid-${pod}`,
    [LABELS.container]: 'app',
  }
}

function spec(name: string, pod = 'web', node = NODE): ContainerSpec {
  return {name, image: 'tugboat/demo:v1', labels: labels(pod, node)}
}

/** A cache over a fake engine holding one running container of pod `web`, trusted as after start-up. */
async function trustedCache() {
  const runtime = new FakeRuntime({images: ['tugboat/demo:v1']})
  const id = await runtime.runContainer(spec('web-app-0'))
  const cache = new ContainerCache(runtime, NODE)
  cache.followingEvents()
  await cache.relist()
  runtime.calls.length = 0
  return {runtime, cache, id}
}

function event(type: ContainerEvent['type'], id: string, pod = 'web', node = NODE): ContainerEvent {
  return {type, id, labels: labels(pod, node), time: 0}
}

describe('ContainerCache', () => {
  it('lists the pod on the engine until a relist after following events makes it trusted', async () => {
    const runtime = new FakeRuntime({images: ['tugboat/demo:v1']})
    await runtime.runContainer(spec('web-app-0'))
    const cache = new ContainerCache(runtime, NODE)
    await cache.relist() // not following events: a relist alone proves nothing about later changes
    expect(cache.isTrusted).toBe(false)
    expect((await cache.pod(KEY)).map((c) => c.name)).toEqual(['web-app-0'])
    expect(runtime.log('listContainers')).toEqual(['list node=node01,pod.namespace=default,pod.name=web'])
    cache.followingEvents()
    await cache.relist()
    expect(cache.isTrusted).toBe(true)
    cache.lostEvents()
    expect(cache.isTrusted).toBe(false)
  })

  it('answers a converged pod, and a new one, without any engine command', async () => {
    const {runtime, cache, id} = await trustedCache()
    expect((await cache.pod(KEY)).map((c) => c.id)).toEqual([id])
    expect(await cache.pod('default/new')).toEqual([])
    expect(runtime.log()).toEqual([])
  })

  it('inspects only what changed: the container the kubelet ran, or one an event says died', async () => {
    const {runtime, cache, id} = await trustedCache()
    const second = await runtime.runContainer(spec('web-side-0'))
    cache.changed(KEY, [second])
    runtime.exit(id, 137)
    expect(cache.observe(event('die', id))).toBe(true)
    runtime.calls.length = 0
    const found = await cache.pod(KEY)
    expect(runtime.log()).toEqual(['inspect web-app-0 web-side-0'])
    expect(found.map((c) => [c.name, c.state])).toEqual([
      ['web-app-0', 'exited'],
      ['web-side-0', 'running'],
    ])
    await cache.pod(KEY)
    expect(runtime.log()).toHaveLength(1)
  })

  it.each([
    {what: 'its own start reported back', type: 'start' as const, news: false},
    {what: 'a death of a running container', type: 'die' as const, news: true},
    {what: 'an OOM kill', type: 'oom' as const, news: true},
    {what: 'something else (exec, kill, ...)', type: 'other' as const, news: false},
    {what: 'its removal', type: 'destroy' as const, news: true},
  ])('takes $what as news: $news', async ({type, news}) => {
    const {cache, id} = await trustedCache()
    expect(cache.observe(event(type, id))).toBe(news)
  })

  it('ignores the death of a container it already saw dead, and events of other nodes', async () => {
    const {runtime, cache, id} = await trustedCache()
    runtime.exit(id, 1)
    cache.changed(KEY, [id])
    await cache.pod(KEY)
    expect(cache.observe(event('die', id))).toBe(false)
    expect(cache.observe(event('die', 'elsewhere', 'web', 'node02'))).toBe(false)
  })

  it('learns of a container it did not know from any event about it', async () => {
    const {runtime, cache} = await trustedCache()
    const stranger = await runtime.runContainer(spec('web-extra-0'))
    expect(cache.observe(event('other', stranger))).toBe(true)
    expect((await cache.pod(KEY)).map((c) => c.name)).toEqual(['web-app-0', 'web-extra-0'])
  })

  it('does not let an answer begun before a change hide that change', async () => {
    const {runtime, cache, id} = await trustedCache()
    cache.changed(KEY, [id])
    const reading = cache.pod(KEY) // the inspect is under way when the container dies
    runtime.exit(id, 137)
    cache.observe(event('die', id))
    expect((await reading)[0]?.state).toBe('running')
    expect((await cache.pod(KEY))[0]?.state).toBe('exited')
  })

  it('never brings back a removed container from a relist that began before the removal', async () => {
    const {runtime, cache, id} = await trustedCache()
    const relisting = cache.relist()
    runtime.removeBehindBack(id)
    cache.observe(event('destroy', id))
    await relisting
    expect(await cache.pod(KEY)).toEqual([])
  })

  it('forgets containers removed behind its back at the next relist, and re-reads changed states', async () => {
    const {runtime, cache, id} = await trustedCache()
    const other = await runtime.runContainer(spec('other-app-0', 'other'))
    await cache.relist()
    runtime.containers.delete(id) // gone, and no event says so
    runtime.exit(other, 2) // stopped, and no event says so
    runtime.calls.length = 0
    const all = await cache.relist()
    expect(runtime.log()).toEqual(['list-states node=node01', 'inspect other-app-0'])
    expect(all.map((c) => [c.name, c.state])).toEqual([['other-app-0', 'exited']])
  })

  it('forgets what the kubelet removed', async () => {
    const {cache, id} = await trustedCache()
    cache.forget([id])
    expect(await cache.pod(KEY)).toEqual([])
  })

  it('passes an engine failure on to the sync that asked', async () => {
    const {runtime, cache, id} = await trustedCache()
    cache.changed(KEY, [id])
    runtime.fail('inspectContainers', 'Cannot connect to the Docker daemon')
    await expect(cache.pod(KEY)).rejects.toThrow('Cannot connect')
    expect((await cache.pod(KEY)).map((c) => c.id)).toEqual([id])
  })
})
