import {describe, expect, it} from 'vitest'
import type {Deployment, DeploymentStrategy} from '../../../../../src/core/api/types.js'
import {problems, updateProblems, validDeployment} from './fixtures.js'

const PERCENT_RULE =
  "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')"
const withStrategy = (strategy: DeploymentStrategy) =>
  problems(validDeployment(), (d) => (d.spec.strategy = strategy))

describe('Deployment validation', () => {
  it.each([
    [{type: 'Recreate'}],
    [{type: 'RollingUpdate', rollingUpdate: {maxSurge: 1, maxUnavailable: 0}}],
    [{rollingUpdate: {maxSurge: '0%', maxUnavailable: '100%'}}],
    [{rollingUpdate: {maxSurge: '200%', maxUnavailable: 2}}],
  ] as DeploymentStrategy[][])('accepts the strategy %j', (strategy) => {
    expect(withStrategy(strategy)).toEqual([])
  })

  it.each([
    [
      {rollingUpdate: {maxSurge: 0, maxUnavailable: 0}},
      ['spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0'],
    ],
    [
      {rollingUpdate: {maxSurge: '0%', maxUnavailable: '0%'}},
      ['spec.strategy.rollingUpdate.maxUnavailable: Invalid value: "0%": may not be 0 when `maxSurge` is 0'],
    ],
    [
      {rollingUpdate: {maxUnavailable: '110%'}},
      ['spec.strategy.rollingUpdate.maxUnavailable: Invalid value: "110%": must not be greater than 100%'],
    ],
    [
      {rollingUpdate: {maxSurge: '20percent'}},
      [`spec.strategy.rollingUpdate.maxSurge: Invalid value: "20percent": ${PERCENT_RULE}`],
    ],
    [
      {rollingUpdate: {maxUnavailable: -1}},
      ['spec.strategy.rollingUpdate.maxUnavailable: Invalid value: -1: must be greater than or equal to 0'],
    ],
    [
      {type: 'Recreate', rollingUpdate: {maxSurge: 1}},
      ["spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'"],
    ],
    [
      {type: 'BlueGreen'},
      [
        'spec.strategy: Unsupported value: apps.DeploymentStrategy{Type:"BlueGreen", RollingUpdate:(*apps.RollingUpdateDeployment)(nil)}: supported values: "Recreate", "RollingUpdate"',
      ],
    ],
  ] as [DeploymentStrategy, string[]][])('reports the strategy %j', (strategy, expected) => {
    expect(withStrategy(strategy)).toEqual(expected)
  })

  it.each([
    [
      'a negative replica count',
      (d: Deployment) => (d.spec.replicas = -1),
      ['spec.replicas: Invalid value: -1: must be greater than or equal to 0'],
    ],
    [
      'a fractional replica count',
      (d: Deployment) => (d.spec.replicas = 1.5),
      ['spec.replicas: Invalid value: 1.5: must be an integer'],
    ],
    [
      'a negative revisionHistoryLimit',
      (d: Deployment) => (d.spec.revisionHistoryLimit = -1),
      ['spec.revisionHistoryLimit: Invalid value: -1: must be greater than or equal to 0'],
    ],
    [
      'a negative minReadySeconds',
      (d: Deployment) => (d.spec.minReadySeconds = -1),
      ['spec.minReadySeconds: Invalid value: -1: must be greater than or equal to 0'],
    ],
    [
      'a progress deadline not above minReadySeconds',
      (d: Deployment) => {
        d.spec.minReadySeconds = 30
        d.spec.progressDeadlineSeconds = 30
      },
      ['spec.progressDeadlineSeconds: Invalid value: 30: must be greater than minReadySeconds'],
    ],
    [
      'a zero progress deadline',
      (d: Deployment) => (d.spec.progressDeadlineSeconds = 0),
      ['spec.progressDeadlineSeconds: Invalid value: 0: must be greater than minReadySeconds'],
    ],
    [
      'a selector that misses the template labels',
      (d: Deployment) => (d.spec.template.metadata = {labels: {app: 'api'}}),
      [
        'spec.template.metadata.labels: Invalid value: map[string]string{"app":"api"}: `selector` does not match template `labels`',
      ],
    ],
    [
      'an empty selector',
      (d: Deployment) => (d.spec.selector = {matchLabels: {}}),
      [
        'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment',
      ],
    ],
    [
      'a template restartPolicy other than Always',
      (d: Deployment) => (d.spec.template.spec.restartPolicy = 'Never'),
      ['spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"'],
    ],
    [
      'a template without containers',
      (d: Deployment) => (d.spec.template.spec.containers = []),
      ['spec.template.spec.containers: Required value'],
    ],
  ])('reports %s', (_, patch, expected) => {
    expect(problems(validDeployment(), patch)).toEqual(expected)
  })

  it('reports several problems in Kubernetes order', () => {
    const messages = problems(validDeployment(), (d) => {
      d.spec.replicas = -1
      d.spec.template.spec.restartPolicy = 'Never'
      d.spec.strategy = {rollingUpdate: {maxSurge: 0, maxUnavailable: 0}}
    })
    expect(messages).toEqual([
      'spec.replicas: Invalid value: -1: must be greater than or equal to 0',
      'spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
      'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0',
    ])
  })

  it('allows scaling, pausing and new templates on update', () => {
    const messages = updateProblems(validDeployment(), (d) => {
      d.spec.replicas = 10
      d.spec.paused = true
      d.spec.template.spec.containers[0]!.image = 'nginx:1.26'
    })
    expect(messages).toEqual([])
  })

  it('refuses a selector change on update', () => {
    const messages = updateProblems(validDeployment(), (d) => {
      d.spec.selector = {matchLabels: {app: 'web2'}}
      d.spec.template.metadata = {labels: {app: 'web2'}}
    })
    expect(messages).toEqual([
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web2"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    ])
  })
})
