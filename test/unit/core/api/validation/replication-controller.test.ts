import {describe, expect, it} from 'vitest'
import type {ReplicationController} from '../../../../../src/core/api/types.js'
import {problems, updateProblems, validReplicationController} from './fixtures.js'

describe('ReplicationController validation', () => {
  it('accepts an explicit selector matching the template', () => {
    expect(problems(validReplicationController(), (rc) => (rc.spec.selector = {app: 'web'}))).toEqual([])
  })

  it.each([
    [
      'a negative replica count',
      (rc: ReplicationController) => (rc.spec.replicas = -2),
      ['spec.replicas: Invalid value: -2: must be greater than or equal to 0'],
    ],
    [
      'a selector that misses the template labels',
      (rc: ReplicationController) => (rc.spec.selector = {app: 'api'}),
      [
        'spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`',
      ],
    ],
    [
      'a template without labels and no selector',
      (rc: ReplicationController) => delete rc.spec.template!.metadata,
      ['spec.selector: Required value'],
    ],
    [
      'no template',
      (rc: ReplicationController) => delete rc.spec.template,
      ['spec.selector: Required value', 'spec.template: Required value'],
    ],
    [
      'a template restartPolicy other than Always',
      (rc: ReplicationController) => (rc.spec.template!.spec.restartPolicy = 'Never'),
      ['spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"'],
    ],
    [
      'a template activeDeadlineSeconds',
      (rc: ReplicationController) => Object.assign(rc.spec.template!.spec, {activeDeadlineSeconds: 10}),
      [
        'spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in ReplicationController is not Supported',
      ],
    ],
  ])('reports %s', (_, patch, expected) => {
    expect(problems(validReplicationController(), patch)).toEqual(expected)
  })

  it('allows changing the selector on update, unlike apps/v1 controllers', () => {
    const messages = updateProblems(validReplicationController(), (rc) => {
      rc.spec.selector = {app: 'web', tier: 'front'}
      rc.spec.template!.metadata = {labels: {app: 'web', tier: 'front'}}
    })
    expect(messages).toEqual([])
  })
})
