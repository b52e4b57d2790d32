import {describe, expect, it} from 'vitest'
import type {PodTemplateSpec} from '../../../../../src/core/api/types.js'
import {podFromTemplate, podNamePrefix} from '../../../../../src/core/controllers/replicaset/pod-template.js'

const reference = {
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  name: 'web',
  uid: 'u1',
  controller: true,
  blockOwnerDeletion: true,
}

const template: PodTemplateSpec = {
  metadata: {labels: {app: 'web'}, annotations: {note: 'hi'}, finalizers: ['example.com/keep']},
  spec: {containers: [{name: 'app', image: 'tugboat/demo:v1'}], restartPolicy: 'Always'},
}

describe('podFromTemplate', () => {
  it('copies labels, annotations, finalizers and spec, names by the owner and points at it', () => {
    expect(podFromTemplate(template, {name: 'web', namespace: 'team'}, reference)).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        generateName: 'web-',
        namespace: 'team',
        labels: {app: 'web'},
        annotations: {note: 'hi'},
        finalizers: ['example.com/keep'],
        ownerReferences: [reference],
      },
      spec: template.spec,
    })
  })

  it('shares nothing with the template it came from', () => {
    const pod = podFromTemplate(template, {name: 'web', namespace: 'default'}, reference)
    pod.spec.containers[0]!.image = 'changed'
    pod.metadata.labels!.app = 'changed'
    expect(template.spec.containers[0]!.image).toBe('tugboat/demo:v1')
    expect(template.metadata!.labels!.app).toBe('web')
  })

  it.each([
    ['no labels', {spec: template.spec}, 'unable to create pods, no labels'],
    ['no template', undefined, 'unable to create pods, no pod template'],
  ])('refuses a template with %s', (_, bad, message) => {
    expect(() => podFromTemplate(bad, {name: 'web', namespace: 'default'}, reference)).toThrow(message)
  })

  it('drops the dash only when the name would get too long', () => {
    expect(podNamePrefix('web')).toBe('web-')
    expect(podNamePrefix('a'.repeat(253))).toBe('a'.repeat(253))
  })
})
