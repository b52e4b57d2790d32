import {describe, expect, it} from 'vitest'
import {defaultPullPolicy} from '../../../../../src/core/api/defaults/pod-spec.js'
import type {Container, Pod} from '../../../../../src/core/api/types.js'
import {defaulted, validPod} from '../validation/fixtures.js'

const podWith = (patch: (pod: Pod) => void): Pod => {
  const pod = validPod()
  patch(pod)
  return defaulted(pod)
}
const firstContainer = (pod: Pod): Container => pod.spec.containers[0]!

describe('Pod defaults', () => {
  it.each([
    ['restartPolicy', 'Always'],
    ['dnsPolicy', 'ClusterFirst'],
    ['terminationGracePeriodSeconds', 30],
    ['schedulerName', 'default-scheduler'],
    ['securityContext', {}],
    ['serviceAccountName', 'default'],
    ['priority', 0],
  ] as const)('sets spec.%s to %j', (field, value) => {
    expect(defaulted(validPod()).spec[field]).toEqual(value)
  })

  it.each([
    ['restartPolicy', 'Never'],
    ['dnsPolicy', 'Default'],
    ['terminationGracePeriodSeconds', 0],
    ['schedulerName', 'mine'],
    ['serviceAccountName', 'robot'],
  ] as const)('keeps an explicit spec.%s', (field, value) => {
    expect(podWith((pod) => Object.assign(pod.spec, {[field]: value})).spec[field]).toBe(value)
  })

  it.each([
    ['imagePullPolicy', 'IfNotPresent'],
    ['terminationMessagePath', '/dev/termination-log'],
    ['terminationMessagePolicy', 'File'],
    ['resources', {}],
  ] as const)('sets containers[].%s to %j', (field, value) => {
    expect(firstContainer(defaulted(validPod()))[field]).toEqual(value)
  })

  it('defaults container port protocols to TCP and keeps UDP', () => {
    const pod = podWith((p) => {
      firstContainer(p).ports = [{containerPort: 80}, {containerPort: 53, protocol: 'UDP'}]
    })
    expect(firstContainer(pod).ports?.map((port) => port.protocol)).toEqual(['TCP', 'UDP'])
  })

  it('gives init containers the container defaults', () => {
    const pod = podWith((p) => {
      p.spec.initContainers = [{name: 'init', image: 'busybox'}]
    })
    expect(pod.spec.initContainers?.[0]).toMatchObject({
      imagePullPolicy: 'Always',
      terminationMessagePolicy: 'File',
    })
  })

  it('fills probe timings and the httpGet path and scheme', () => {
    const pod = podWith((p) => {
      firstContainer(p).livenessProbe = {httpGet: {port: 80}}
      firstContainer(p).readinessProbe = {tcpSocket: {port: 80}, periodSeconds: 5, timeoutSeconds: 0}
    })
    expect(firstContainer(pod).livenessProbe).toEqual({
      httpGet: {port: 80, path: '/', scheme: 'HTTP'},
      timeoutSeconds: 1,
      periodSeconds: 10,
      successThreshold: 1,
      failureThreshold: 3,
    })
    expect(firstContainer(pod).readinessProbe).toMatchObject({periodSeconds: 5, timeoutSeconds: 1})
  })

  it('copies limits into missing requests, keeping explicit requests', () => {
    const pod = podWith((p) => {
      firstContainer(p).resources = {limits: {cpu: '500m', memory: '128Mi'}, requests: {cpu: '250m'}}
    })
    expect(firstContainer(pod).resources).toEqual({
      limits: {cpu: '500m', memory: '128Mi'},
      requests: {cpu: '250m', memory: '128Mi'},
    })
  })

  it('turns a volume without a source into an emptyDir', () => {
    const pod = podWith((p) => {
      p.spec.volumes = [{name: 'scratch'}, {name: 'cache', emptyDir: {medium: 'Memory'}}]
    })
    expect(pod.spec.volumes).toEqual([
      {name: 'scratch', emptyDir: {}},
      {name: 'cache', emptyDir: {medium: 'Memory'}},
    ])
  })

  it('sets the apiVersion of env fieldRefs', () => {
    const pod = podWith((p) => {
      firstContainer(p).env = [{name: 'POD', valueFrom: {fieldRef: {fieldPath: 'metadata.name'}}}]
    })
    expect(firstContainer(pod).env?.[0]?.valueFrom).toEqual({
      fieldRef: {fieldPath: 'metadata.name', apiVersion: 'v1'},
    })
  })

  it('adds the not-ready and unreachable tolerations for 300s', () => {
    expect(defaulted(validPod()).spec.tolerations).toEqual([
      {key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300},
      {
        key: 'node.kubernetes.io/unreachable',
        operator: 'Exists',
        effect: 'NoExecute',
        tolerationSeconds: 300,
      },
    ])
  })

  it.each([
    ['tolerates every taint', [{operator: 'Exists' as const}], 1],
    [
      'tolerates not-ready already',
      [{key: 'node.kubernetes.io/not-ready', operator: 'Exists' as const, effect: 'NoExecute' as const}],
      2,
    ],
    ['tolerates an unrelated taint', [{key: 'gpu', operator: 'Exists' as const}], 3],
  ])('adds only missing node tolerations when the pod %s', (_, tolerations, count) => {
    expect(podWith((p) => (p.spec.tolerations = tolerations)).spec.tolerations).toHaveLength(count)
  })

  it('is idempotent', () => {
    const once = defaulted(validPod())
    expect(defaulted(once)).toEqual(once)
  })

  it('gives a pod without spec an empty spec with defaults, for validation to report', () => {
    const pod = {apiVersion: 'v1', kind: 'Pod', metadata: {name: 'x'}} as unknown as Pod
    expect(defaulted(pod).spec).toMatchObject({restartPolicy: 'Always', dnsPolicy: 'ClusterFirst'})
  })
})

describe('defaultPullPolicy', () => {
  it.each([
    ['nginx', 'Always'],
    ['nginx:latest', 'Always'],
    ['nginx:1.25', 'IfNotPresent'],
    ['localhost:5000/nginx', 'Always'],
    ['localhost:5000/nginx:1.25', 'IfNotPresent'],
    ['nginx@sha256:0123abcd', 'IfNotPresent'],
    ['nginx:latest@sha256:0123abcd', 'Always'],
    ['', 'Always'],
  ])('pulls %j with %s', (image, policy) => {
    expect(defaultPullPolicy(image)).toBe(policy)
  })
})
