import {describe, expect, it} from 'vitest'
import type {LabelSelector, ReplicaSet} from '../../../../../src/core/api/types.js'
import {problems, updateProblems, validReplicaSet} from './fixtures.js'

describe('ReplicaSet validation', () => {
  it.each([
    [
      'a negative replica count',
      (rs: ReplicaSet) => (rs.spec.replicas = -1),
      ['spec.replicas: Invalid value: -1: must be greater than or equal to 0'],
    ],
    [
      'a negative minReadySeconds',
      (rs: ReplicaSet) => (rs.spec.minReadySeconds = -5),
      ['spec.minReadySeconds: Invalid value: -5: must be greater than or equal to 0'],
    ],
    [
      'a selector that misses the template labels',
      (rs: ReplicaSet) => (rs.spec.selector = {matchLabels: {app: 'api'}}),
      [
        'spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`',
      ],
    ],
    [
      'a template without labels',
      (rs: ReplicaSet) => delete rs.spec.template.metadata,
      [
        'spec.template.metadata.labels: Invalid value: map[string]string(nil): `selector` does not match template `labels`',
      ],
    ],
    [
      'an empty selector',
      (rs: ReplicaSet) => (rs.spec.selector = {}),
      [
        'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment',
      ],
    ],
    [
      'a missing selector',
      (rs: ReplicaSet) => delete (rs.spec as Partial<ReplicaSet['spec']>).selector,
      [
        'spec.selector: Required value',
        'spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`',
      ],
    ],
    [
      'an In expression without values',
      (rs: ReplicaSet) => (rs.spec.selector = {matchExpressions: [{key: 'app', operator: 'In'}]}),
      [
        "spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
        'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement{v1.LabelSelectorRequirement{Key:"app", Operator:"In", Values:[]string(nil)}}}: invalid label selector',
      ],
    ],
    [
      'a template restartPolicy other than Always',
      (rs: ReplicaSet) => (rs.spec.template.spec.restartPolicy = 'OnFailure'),
      ['spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"'],
    ],
    [
      'a template activeDeadlineSeconds',
      (rs: ReplicaSet) => Object.assign(rs.spec.template.spec, {activeDeadlineSeconds: 10}),
      [
        'spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in ReplicaSet is not Supported',
      ],
    ],
    [
      'bad template labels',
      (rs: ReplicaSet) => {
        rs.spec.selector = {matchLabels: {app: 'web'}}
        rs.spec.template.metadata = {labels: {app: 'web', 'bad key': 'x'}}
      },
      [
        "spec.template.labels: Invalid value: \"bad key\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
      ],
    ],
  ])('reports %s', (_, patch, expected) => {
    expect(problems(validReplicaSet(), patch)).toEqual(expected)
  })

  it.each([
    [{matchLabels: {app: 'web'}}],
    [{matchExpressions: [{key: 'app', operator: 'In', values: ['web', 'api']}]}],
    [{matchLabels: {app: 'web'}, matchExpressions: [{key: 'legacy', operator: 'DoesNotExist'}]}],
  ] as LabelSelector[][])('accepts the selector %j', (selector) => {
    expect(problems(validReplicaSet(), (rs) => (rs.spec.selector = selector))).toEqual([])
  })

  it('allows scaling and template changes on update', () => {
    expect(
      updateProblems(validReplicaSet(), (rs) => {
        rs.spec.replicas = 5
        rs.spec.template.spec.containers[0]!.image = 'nginx:1.26'
      }),
    ).toEqual([])
  })

  it('treats an empty matchExpressions list like none on update', () => {
    expect(updateProblems(validReplicaSet(), (rs) => (rs.spec.selector.matchExpressions = []))).toEqual([])
  })

  it('refuses a selector change on update', () => {
    const messages = updateProblems(validReplicaSet(), (rs) => {
      rs.spec.selector = {matchLabels: {app: 'web', tier: 'front'}}
      rs.spec.template.metadata = {labels: {app: 'web', tier: 'front'}}
    })
    expect(messages).toEqual([
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web", "tier":"front"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    ])
  })
})
