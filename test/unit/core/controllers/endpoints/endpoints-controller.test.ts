import {describe, expect, it, vi} from 'vitest'
import {ApiError} from '../../../../../src/core/api/errors.js'
import type {EndpointSubset} from '../../../../../src/core/api/types.js'
import {ENDPOINT_HOST_PORTS_ANNOTATION} from '../../../../../src/core/controllers/endpoints/endpoint-host-ports.js'
import {ENDPOINTS, endpointsHarness, POD, SERVICE, serviceManifest} from './harness.js'

const ref = (name: string, uid: string | undefined) => ({kind: 'Pod', namespace: 'default', name, uid})
const ips = (subsets: EndpointSubset[] = [], field: 'addresses' | 'notReadyAddresses' = 'addresses') =>
  subsets.flatMap((subset) => subset[field] ?? []).map((address) => address.ip)

describe('endpoints controller', () => {
  it('lists ready pods in addresses and not-ready pods in notReadyAddresses, with their published ports', () => {
    const h = endpointsHarness()
    h.api.create(serviceManifest('web', {labels: {app: 'web', tier: 'front'}}))
    const a = h.pod('web-a', {ip: '10.88.0.5', published: {8080: 32768}})
    const b = h.pod('web-b', {ip: '10.88.0.6', ready: false, node: 'node02', published: {8080: 32769}})
    h.sync()
    const endpoints = h.endpoints()
    expect(endpoints?.subsets).toEqual([
      {
        addresses: [{ip: '10.88.0.5', nodeName: 'node01', targetRef: ref('web-a', a.metadata.uid)}],
        notReadyAddresses: [{ip: '10.88.0.6', nodeName: 'node02', targetRef: ref('web-b', b.metadata.uid)}],
        ports: [{port: 8080, protocol: 'TCP'}],
      },
    ])
    // The Service's labels and no owner: Kubernetes' controller deletes its Endpoints itself.
    expect(endpoints?.metadata.labels).toEqual({app: 'web', tier: 'front'})
    expect(endpoints?.metadata.ownerReferences).toBeUndefined()
    // Only the ready address carries where the host reaches it.
    expect(JSON.parse(endpoints?.metadata.annotations?.[ENDPOINT_HOST_PORTS_ANNOTATION] ?? '')).toEqual([
      {ip: '10.88.0.5', port: 8080, protocol: 'TCP', hostIP: '127.0.0.1', hostPort: 32768},
    ])
    expect(h.logs).toEqual(['endpoints/web: 1 ready, 1 not ready, creating'])
  })

  it('leaves out terminating, finished, unaddressed and unselected pods', () => {
    const h = endpointsHarness()
    h.api.create({apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'team'}})
    h.api.create(serviceManifest())
    h.pod('ready', {ip: '10.88.0.5'})
    h.pod('no-ip')
    h.pod('done', {ip: '10.88.0.7', phase: 'Succeeded'})
    h.pod('failed', {ip: '10.88.0.8', phase: 'Failed', ready: false})
    h.pod('other-app', {ip: '10.88.0.9', labels: {app: 'db'}})
    h.pod('elsewhere', {ip: '10.88.0.10', namespace: 'team'})
    h.pod('leaving', {ip: '10.88.0.11'})
    // Bound to a node, so the API server only marks it Terminating for its kubelet.
    expect(h.api.delete(POD, 'default', 'leaving').pending).toBe(true)
    h.sync()
    expect(ips(h.endpoints()?.subsets)).toEqual(['10.88.0.5'])
    expect(ips(h.endpoints()?.subsets, 'notReadyAddresses')).toEqual([])
  })

  it('creates an Endpoints object without subsets when no pod is selected', () => {
    const h = endpointsHarness()
    h.api.create(serviceManifest())
    h.sync()
    const endpoints = h.endpoints()
    expect(endpoints && {subsets: endpoints.subsets, labels: endpoints.metadata.labels}).toEqual({
      subsets: undefined,
      labels: undefined,
    })
    expect(h.logs).toEqual(['endpoints/web: 0 ready, 0 not ready, creating'])
  })

  it('resolves a named target port per pod and repacks pods by the ports they serve', () => {
    const h = endpointsHarness()
    h.api.create(
      serviceManifest('web', {
        ports: [
          {name: 'http', port: 80, targetPort: 'web'},
          {name: 'metrics', port: 9090, targetPort: 9090},
        ],
      }),
    )
    h.pod('web-a', {ip: '10.88.0.5', ports: [{name: 'web', containerPort: 8080}]})
    h.pod('web-b', {ip: '10.88.0.6', ports: [{name: 'web', containerPort: 8081}]})
    // No port named `web`: it serves metrics only.
    h.pod('web-c', {ip: '10.88.0.7', ports: [{name: 'other', containerPort: 8080}]})
    h.sync()
    const subsets = h.endpoints()?.subsets ?? []
    // As RepackSubsets does: per port the pods that serve it, one subset per distinct set of pods.
    expect(subsets.map((s) => ({ips: ips([s]), ports: s.ports}))).toEqual([
      {ips: ['10.88.0.5'], ports: [{name: 'http', port: 8080, protocol: 'TCP'}]},
      {ips: ['10.88.0.5', '10.88.0.6', '10.88.0.7'], ports: [{name: 'metrics', port: 9090, protocol: 'TCP'}]},
      {ips: ['10.88.0.6'], ports: [{name: 'http', port: 8081, protocol: 'TCP'}]},
    ])
  })

  it('groups pods serving the same ports into one subset, sorted by IP', () => {
    const h = endpointsHarness()
    h.api.create(serviceManifest())
    for (const [name, ip] of [
      ['c', '10.88.0.7'],
      ['a', '10.88.0.5'],
      ['b', '10.88.0.6'],
    ] as const)
      h.pod(name, {ip})
    h.sync()
    expect(h.endpoints()?.subsets?.map((subset) => ips([subset]))).toEqual([
      ['10.88.0.5', '10.88.0.6', '10.88.0.7'],
    ])
  })

  it('does nothing once converged', () => {
    const h = endpointsHarness()
    h.api.create(serviceManifest())
    h.pod('web-a', {ip: '10.88.0.5', published: {8080: 32768}})
    h.sync()
    const before = h.api.store.latestResourceVersion()
    h.sync()
    h.sync()
    expect(h.api.store.latestResourceVersion()).toBe(before)
    expect(h.logs).toHaveLength(1)
  })

  it('moves a pod between addresses and notReadyAddresses as its readiness changes', () => {
    const h = endpointsHarness()
    h.api.create(serviceManifest())
    h.pod('web-a', {ip: '10.88.0.5', ready: false, published: {8080: 32768}})
    h.sync()
    expect(ips(h.endpoints()?.subsets, 'notReadyAddresses')).toEqual(['10.88.0.5'])
    expect(h.endpoints()?.metadata.annotations).toBeUndefined()
    h.setStatus('web-a', {ip: '10.88.0.5', ready: true})
    h.sync()
    expect(ips(h.endpoints()?.subsets)).toEqual(['10.88.0.5'])
    expect(h.endpoints()?.metadata.annotations?.[ENDPOINT_HOST_PORTS_ANNOTATION]).toContain(
      '"hostPort":32768',
    )
    expect(h.logs.at(-1)).toBe('endpoints/web: 1 ready, 0 not ready, updating')
  })

  it('follows the Service: new labels, then deletes its Endpoints when it goes', () => {
    const h = endpointsHarness()
    const service = h.api.create(serviceManifest())
    h.sync()
    h.api.update({...service, metadata: {...service.metadata, labels: {team: 'blue'}}})
    h.sync()
    expect(h.endpoints()?.metadata.labels).toEqual({team: 'blue'})
    h.api.delete(SERVICE, 'default', 'web')
    h.sync()
    expect(h.endpoints()).toBeUndefined()
    expect(h.logs.at(-1)).toBe('endpoints/web: service is gone, deleting')
  })

  it('puts back a hand-edited Endpoints object', () => {
    const h = endpointsHarness()
    h.api.create(serviceManifest())
    h.pod('web-a', {ip: '10.88.0.5'})
    h.sync()
    const live = h.endpoints()!
    h.api.update({...live, subsets: [{addresses: [{ip: '10.1.2.3'}], ports: [{port: 1}]}]})
    h.sync()
    expect(ips(h.endpoints()?.subsets)).toEqual(['10.88.0.5'])
  })

  it('marks the Endpoints of a headless Service and lists its pods without ports', () => {
    const h = endpointsHarness()
    h.api.create(serviceManifest('web', {ports: [], spec: {clusterIP: 'None'}}))
    h.pod('web-a', {ip: '10.88.0.5'})
    h.sync()
    const endpoints = h.endpoints()
    expect(endpoints?.metadata.labels).toEqual({'service.kubernetes.io/headless': ''})
    expect(endpoints?.subsets?.map((s) => ({ips: ips([s]), ports: s.ports}))).toEqual([
      {ips: ['10.88.0.5'], ports: undefined},
    ])
  })

  it('lists not-ready and terminating pods as ready when the Service publishes not-ready addresses', () => {
    const h = endpointsHarness()
    h.api.create(serviceManifest('web', {spec: {publishNotReadyAddresses: true}}))
    h.pod('web-a', {ip: '10.88.0.5', ready: false})
    h.pod('web-b', {ip: '10.88.0.6'})
    h.api.delete(POD, 'default', 'web-b')
    h.sync()
    expect(ips(h.endpoints()?.subsets)).toEqual(['10.88.0.5', '10.88.0.6'])
  })

  it('keeps away from Services without a selector and from ExternalName Services', () => {
    const h = endpointsHarness()
    h.api.create({...serviceManifest('manual'), spec: {ports: [{port: 80}]}})
    h.api.create({
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: {name: 'manual'},
      subsets: [{addresses: [{ip: '192.168.1.10'}], ports: [{port: 80}]}],
    })
    h.api.create({...serviceManifest('external'), spec: {type: 'ExternalName', externalName: 'example.com'}})
    h.pod('web-a', {ip: '10.88.0.5'})
    h.sync('default/manual')
    h.sync('default/external')
    expect(ips(h.endpoints('manual')?.subsets)).toEqual(['192.168.1.10'])
    expect(h.endpoints('external')).toBeUndefined()
    expect(h.logs).toEqual([])
  })

  it('records FailedToCreateEndpoint and returns the error to the queue when the write fails', () => {
    const h = endpointsHarness()
    h.api.create(serviceManifest())
    const refused = new ApiError('Forbidden', 'endpoints "web" is forbidden: not today')
    vi.spyOn(h.api, 'create').mockImplementation(() => {
      throw refused
    })
    expect(() => h.sync()).toThrow(refused)
    expect(h.events()).toEqual([
      'Warning FailedToCreateEndpoint Failed to create endpoint for service default/web: endpoints "web" is forbidden: not today (endpoint-controller)',
    ])
    expect(h.api.find(ENDPOINTS, 'default', 'web')).toBeUndefined()
  })

  it('records FailedToUpdateEndpoint on a Conflict and succeeds once its cache has caught up', () => {
    const h = endpointsHarness()
    h.api.create(serviceManifest())
    h.pod('web-a', {ip: '10.88.0.5'})
    h.sync()
    h.setStatus('web-a', {ip: '10.88.0.5', ready: false})
    h.informer.pump()
    // Someone else writes the Endpoints after the cache last looked: the controller's copy is stale.
    const live = h.endpoints()!
    h.api.update({...live, metadata: {...live.metadata, annotations: {note: 'hand-made'}}})
    expect(() => h.controller.sync('default/web')).toThrow(/the object has been modified/)
    expect(h.events()).toEqual([
      expect.stringMatching(
        /^Warning FailedToUpdateEndpoint Failed to update endpoint default\/web: Operation cannot be fulfilled on endpoints "web"/,
      ),
    ])
    h.sync()
    expect(ips(h.endpoints()?.subsets, 'notReadyAddresses')).toEqual(['10.88.0.5'])
    // Annotations others put there stay.
    expect(h.endpoints()?.metadata.annotations).toEqual({note: 'hand-made'})
  })
})
