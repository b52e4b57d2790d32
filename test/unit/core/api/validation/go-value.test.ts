import {describe, expect, it} from 'vitest'
import {formatFieldError} from '../../../../../src/core/api/field.js'
import {
  duplicateLiteral,
  goLabelSelector,
  goStringMap,
  goTaint,
  invalidLiteral,
} from '../../../../../src/core/api/validation/go-value.js'

describe('Go value rendering', () => {
  it.each([
    [undefined, 'map[string]string(nil)'],
    [{}, 'map[string]string{}'],
    [{b: '2', a: '1'}, 'map[string]string{"a":"1", "b":"2"}'],
  ])('renders the map %j as %s', (map, expected) => {
    expect(goStringMap(map)).toBe(expected)
  })

  it('renders a LabelSelector with expressions', () => {
    expect(
      goLabelSelector({
        matchLabels: {app: 'web'},
        matchExpressions: [{key: 'env', operator: 'In', values: ['a', 'b']}],
      }),
    ).toBe(
      'v1.LabelSelector{MatchLabels:map[string]string{"app":"web"}, MatchExpressions:[]v1.LabelSelectorRequirement{v1.LabelSelectorRequirement{Key:"env", Operator:"In", Values:[]string{"a", "b"}}}}',
    )
  })

  it('renders a Taint', () => {
    expect(goTaint({key: 'gpu', effect: 'NoSchedule'})).toBe(
      'core.Taint{Key:"gpu", Value:"", Effect:"NoSchedule", TimeAdded:(*v1.Time)(nil)}',
    )
  })

  it('puts a literal where the value goes in the message', () => {
    expect(formatFieldError(invalidLiteral('spec.selector', 'X{}', 'field is immutable'))).toBe(
      'spec.selector: Invalid value: X{}: field is immutable',
    )
    expect(formatFieldError(duplicateLiteral('spec.ports[1]', 'Y{}'))).toBe(
      'spec.ports[1]: Duplicate value: Y{}',
    )
  })
})
