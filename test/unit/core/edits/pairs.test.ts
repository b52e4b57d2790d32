import {describe, expect, it} from 'vitest'
import {parsePairs, splitResourcesAndPairs} from '../../../../src/core/edits/pairs.js'

describe('splitResourcesAndPairs', () => {
  it.each([
    [['pod', 'web', 'app=web'], ['pod', 'web'], ['app=web']],
    [['pod/web', 'app-', 'tier=x'], ['pod/web'], ['app-', 'tier=x']],
    [['pods', '=x'], ['pods', '=x'], []],
    [['pods', 'web', '-'], ['pods', 'web', '-'], []],
    [['deploy/web'], ['deploy/web'], []],
  ])('splits %j', (args, resources, pairs) => {
    expect(splitResourcesAndPairs(args, 'label')).toEqual({resources, pairs})
  })

  it('refuses a resource after the first change', () => {
    expect(() => splitResourcesAndPairs(['pod', 'a', 'x=1', 'b'], 'annotation')).toThrow(
      'all resources must be specified before annotation changes: b',
    )
  })
})

describe('parsePairs', () => {
  it('splits at the first = and collects removals', () => {
    const changes = parsePairs(['a=b=c', 'd=', 'e-'], 'annotation', true)
    expect({...changes.set}).toEqual({a: 'b=c', d: ''})
    expect(changes.remove).toEqual(['e'])
  })

  it('refuses removals where they are not supported', () => {
    expect(() => parsePairs(['nginx-', 'x-'], 'image', false)).toThrow('invalid image format: nginx-, x-')
  })

  it('keeps prototype names as plain keys', () => {
    expect(Object.keys(parsePairs(['__proto__=x', 'constructor=y'], 'image', false).set)).toEqual([
      '__proto__',
      'constructor',
    ])
  })
})
