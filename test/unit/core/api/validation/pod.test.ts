import {describe, expect, it} from 'vitest'
import type {Pod} from '../../../../../src/core/api/types.js'
import {problems, updateProblems, validPod} from './fixtures.js'

const HEADER =
  'spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)'

describe('pod create', () => {
  it.each([
    ['0', []],
    ['-100', []],
    [
      'abc',
      [
        'metadata.annotations[controller.kubernetes.io/pod-deletion-cost]: Invalid value: "abc": must be a 32bit integer',
      ],
    ],
    [
      '3000000000',
      [
        'metadata.annotations[controller.kubernetes.io/pod-deletion-cost]: Invalid value: "3000000000": must be a 32bit integer',
      ],
    ],
  ])('checks a pod-deletion-cost of %j', (cost, expected) => {
    expect(
      problems(
        validPod(),
        (p) => (p.metadata.annotations = {'controller.kubernetes.io/pod-deletion-cost': cost}),
      ),
    ).toEqual(expected)
  })
})

describe('pod update', () => {
  it.each([
    ['nothing', () => {}],
    ['the image', (p: Pod) => (p.spec.containers[0]!.image = 'nginx:1.26')],
    ['labels', (p: Pod) => (p.metadata.labels = {app: 'web', version: '2'})],
    ['an added toleration', (p: Pod) => p.spec.tolerations!.push({key: 'gpu', operator: 'Exists'})],
    ['a toleration timeout', (p: Pod) => (p.spec.tolerations![0]!.tolerationSeconds = 30)],
    ['a first activeDeadlineSeconds', (p: Pod) => Object.assign(p.spec, {activeDeadlineSeconds: 60})],
    ['binding to a node', (p: Pod) => (p.spec.nodeName = 'tugboat-worker')],
  ])('allows changing %s', (_, patch) => {
    expect(updateProblems(validPod(), patch)).toEqual([])
  })

  it('forbids other spec changes, showing what changed', () => {
    const messages = updateProblems(validPod(), (p) => (p.spec.restartPolicy = 'Never'))
    expect(messages).toEqual([
      `${HEADER}\n  core.PodSpec{\n- \trestartPolicy: "Always",\n+ \trestartPolicy: "Never",\n  }`,
    ])
  })

  it('forbids moving a bound pod to another node', () => {
    const bound = validPod()
    bound.spec.nodeName = 'tugboat-worker'
    const messages = updateProblems(bound, (p) => (p.spec.nodeName = 'tugboat-worker2'))
    expect(messages).toEqual([
      `${HEADER}\n  core.PodSpec{\n- \tnodeName: "tugboat-worker",\n+ \tnodeName: "tugboat-worker2",\n  }`,
    ])
  })

  it('shows nested changes by path', () => {
    const messages = updateProblems(
      validPod(),
      (p) => (p.spec.containers[0]!.ports![0]!.containerPort = 8080),
    )
    expect(messages[0]).toContain(
      '- \tcontainers[0].ports[0].containerPort: 80,\n+ \tcontainers[0].ports[0].containerPort: 8080,',
    )
  })

  it.each([
    [
      'adding a container',
      (p: Pod) => p.spec.containers.push({name: 'b', image: 'busybox'}),
      ['spec.containers: Forbidden: pod updates may not add or remove containers'],
    ],
    [
      'adding an init container',
      (p: Pod) => (p.spec.initContainers = [{name: 'i', image: 'busybox'}]),
      ['spec.initContainers: Forbidden: pod updates may not add or remove containers'],
    ],
    [
      'an image with spaces',
      (p: Pod) => (p.spec.containers[0]!.image = ' nginx'),
      ['spec.containers[0].image: Invalid value: " nginx": must not have leading or trailing whitespace'],
    ],
  ])('refuses %s', (_, patch, expected) => {
    expect(updateProblems(validPod(), patch)).toEqual(expected)
  })

  it('refuses changing an existing toleration', () => {
    const pod = validPod()
    pod.spec.tolerations = [{key: 'gpu', operator: 'Exists'}]
    expect(updateProblems(pod, (p) => (p.spec.tolerations![0]!.key = 'tpu'))).toEqual([
      'spec.tolerations: Forbidden: existing toleration can not be modified except its tolerationSeconds',
    ])
  })

  it('puts back the node tolerations defaulting adds, so dropping them from a manifest is no change', () => {
    expect(updateProblems(validPod(), (p) => (p.spec.tolerations = []))).toEqual([])
  })

  it.each([
    [30, 60, ['spec.activeDeadlineSeconds: Invalid value: 60: must be less than or equal to previous value']],
    [
      30,
      undefined,
      [
        'spec.activeDeadlineSeconds: Invalid value: null: must not update from a positive integer to nil value',
      ],
    ],
    [30, 10, []],
  ])('changes activeDeadlineSeconds from %j to %j', (before, after, expected) => {
    const pod = validPod()
    Object.assign(pod.spec, {activeDeadlineSeconds: before})
    expect(updateProblems(pod, (p) => Object.assign(p.spec, {activeDeadlineSeconds: after}))).toEqual(
      expected,
    )
  })
})
