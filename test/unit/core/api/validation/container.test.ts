import {describe, expect, it} from 'vitest'
import type {Container, Pod} from '../../../../../src/core/api/types.js'
import {problems, validDeployment, validPod} from './fixtures.js'

const LABEL_RULE =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"

const withContainer = (patch: (container: Container, pod: Pod) => void) => (pod: Pod) =>
  patch(pod.spec.containers[0]!, pod)

describe('container validation', () => {
  it.each([
    ['no containers', (p: Pod) => (p.spec.containers = []), 'spec.containers: Required value'],
    [
      'containers missing',
      (p: Pod) => delete (p.spec as Partial<Pod['spec']>).containers,
      'spec.containers: Required value',
    ],
    ['a nameless container', withContainer((c) => (c.name = '')), 'spec.containers[0].name: Required value'],
    [
      'an uppercase name',
      withContainer((c) => (c.name = 'Web')),
      `spec.containers[0].name: Invalid value: "Web": ${LABEL_RULE}`,
    ],
    [
      'a dotted name',
      withContainer((c) => (c.name = 'web.1')),
      `spec.containers[0].name: Invalid value: "web.1": ${LABEL_RULE}`,
    ],
    ['no image', withContainer((c) => delete c.image), 'spec.containers[0].image: Required value'],
    [
      'an unknown pull policy',
      withContainer((c) => Object.assign(c, {imagePullPolicy: 'Sometimes'})),
      'spec.containers[0].imagePullPolicy: Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never"',
    ],
    [
      'an unknown termination message policy',
      withContainer((c) => (c.terminationMessagePolicy = 'Stdout')),
      'spec.containers[0].terminationMessagePolicy: Unsupported value: "Stdout": supported values: "File", "FallbackToLogsOnError"',
    ],
    [
      'two containers with one name',
      (p: Pod) => p.spec.containers.push({name: 'web', image: 'busybox'}),
      'spec.containers[1].name: Duplicate value: "web"',
    ],
    [
      'an init container named like a container',
      (p: Pod) => (p.spec.initContainers = [{name: 'web', image: 'busybox'}]),
      'spec.initContainers[0].name: Duplicate value: "web"',
    ],
    [
      'an init container with a probe',
      (p: Pod) =>
        (p.spec.initContainers = [
          {name: 'init', image: 'busybox', readinessProbe: {exec: {command: ['true']}}},
        ]),
      'spec.initContainers[0].readinessProbe: Forbidden: may not be set for init containers without restartPolicy=Always',
    ],
    [
      'an init container without image',
      (p: Pod) => (p.spec.initContainers = [{name: 'init'}]),
      'spec.initContainers[0].image: Required value',
    ],
    [
      'two containers on one host port',
      (p: Pod) => {
        p.spec.containers[0]!.ports = [{containerPort: 80, hostPort: 8080}]
        p.spec.containers.push({
          name: 'sidecar',
          image: 'busybox',
          ports: [{containerPort: 81, hostPort: 8080}],
        })
      },
      'spec.containers[1].ports[0].hostPort: Duplicate value: "TCP//8080"',
    ],
  ])('reports %s', (_, patch, message) => {
    expect(problems(validPod(), patch)).toEqual([message])
  })

  it('allows the same host port on different protocols', () => {
    const messages = problems(validPod(), (p) => {
      p.spec.containers[0]!.ports = [
        {containerPort: 53, hostPort: 53},
        {containerPort: 53, hostPort: 53, protocol: 'UDP'},
      ]
    })
    expect(messages).toEqual([])
  })

  it('checks template containers under spec.template.spec', () => {
    expect(problems(validDeployment(), (d) => delete d.spec.template.spec.containers[0]!.image)).toEqual([
      'spec.template.spec.containers[0].image: Required value',
    ])
  })
})
