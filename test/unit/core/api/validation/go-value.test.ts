import {describe, expect, it} from 'vitest'
import {duplicate, formatFieldError, GoLiteral, goValue, invalid} from '../../../../../src/core/api/field.js'
import type {DeploymentStrategy} from '../../../../../src/core/api/types.js'
import {
  goDeploymentStrategy,
  goLabelSelector,
  goStringMap,
  goTaint,
} from '../../../../../src/core/api/validation/go-value.js'

describe('Go value rendering', () => {
  it.each([
    [undefined, 'map[string]string(nil)'],
    [{}, 'map[string]string{}'],
    [{b: '2', a: '1'}, 'map[string]string{"a":"1", "b":"2"}'],
  ])('renders the map %j as %s', (map, expected) => {
    expect(goValue(goStringMap(map))).toBe(expected)
  })

  it('renders a LabelSelector with expressions', () => {
    expect(
      goValue(
        goLabelSelector({
          matchLabels: {app: 'web'},
          matchExpressions: [{key: 'env', operator: 'In', values: ['a', 'b']}],
        }),
      ),
    ).toBe(
      'v1.LabelSelector{MatchLabels:map[string]string{"app":"web"}, MatchExpressions:[]v1.LabelSelectorRequirement{v1.LabelSelectorRequirement{Key:"env", Operator:"In", Values:[]string{"a", "b"}}}}',
    )
  })

  it('renders a Taint', () => {
    expect(goValue(goTaint({key: 'gpu', effect: 'NoSchedule'}))).toBe(
      'core.Taint{Key:"gpu", Value:"", Effect:"NoSchedule", TimeAdded:(*v1.Time)(nil)}',
    )
  })

  it.each<[DeploymentStrategy, string]>([
    [
      {type: 'Recreate'},
      'apps.DeploymentStrategy{Type:"Recreate", RollingUpdate:(*apps.RollingUpdateDeployment)(nil)}',
    ],
    [
      {type: 'RollingUpdate', rollingUpdate: {maxSurge: 1}},
      'apps.DeploymentStrategy{Type:"RollingUpdate", RollingUpdate:&apps.RollingUpdateDeployment{...}}',
    ],
  ])('renders the DeploymentStrategy %j', (strategy, expected) => {
    expect(goValue(goDeploymentStrategy(strategy))).toBe(expected)
  })

  it('puts a literal where the value goes in the message', () => {
    expect(formatFieldError(invalid('spec.selector', new GoLiteral('X{}'), 'field is immutable'))).toBe(
      'spec.selector: Invalid value: X{}: field is immutable',
    )
    expect(formatFieldError(duplicate('spec.ports[1]', new GoLiteral('Y{}')))).toBe(
      'spec.ports[1]: Duplicate value: Y{}',
    )
  })

  it('renders a decoded object shaped like a literal as a map, not as the literal', () => {
    expect(goValue({text: 'X{}'})).toBe('map[string]string{"text":"X{}"}')
  })
})
