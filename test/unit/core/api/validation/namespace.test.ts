import {describe, expect, it} from 'vitest'
import {problems, validNamespace} from './fixtures.js'

describe('Namespace validation', () => {
  it.each([
    [['kubernetes'], []],
    [['example.com/cleanup'], []],
    [
      ['cleanup'],
      [
        'spec.finalizers: Invalid value: "cleanup": name is neither a standard finalizer name nor is it fully qualified',
      ],
    ],
  ])('checks spec.finalizers %j', (finalizers, expected) => {
    expect(problems(validNamespace(), (ns) => (ns.spec = {finalizers}))).toEqual(expected)
  })

  it('accepts a name that is a DNS label and refuses a longer one, which cannot be its name label either', () => {
    const long = 'a'.repeat(64)
    expect(problems(validNamespace(), (ns) => (ns.metadata.name = 'a'.repeat(63)))).toEqual([])
    expect(problems(validNamespace(), (ns) => (ns.metadata.name = long))).toEqual([
      `metadata.name: Invalid value: "${long}": must be no more than 63 characters`,
      `metadata.labels: Invalid value: "${long}": must be no more than 63 characters`,
    ])
  })
})
