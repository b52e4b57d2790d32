import {describe, expect, it} from 'vitest'
import {threeWayMerge} from '../../../../src/core/api/apply-merge.js'

describe('threeWayMerge', () => {
  it.each([
    ['takes what the file sets', {a: 1}, {a: 2}, {a: 1}, {a: 2}],
    ['keeps fields others set', {a: 1, status: {x: 1}}, {a: 1}, {a: 1}, {a: 1, status: {x: 1}}],
    ['removes fields dropped from the file since the last apply', {a: 1, b: 2}, {a: 1}, {a: 1, b: 2}, {a: 1}],
    ['keeps a field the file never set', {a: 1, b: 2}, {a: 1}, {a: 1}, {a: 1, b: 2}],
    ['merges maps key by key', {m: {x: 1, y: 2}}, {m: {x: 3}}, {m: {x: 1}}, {m: {x: 3, y: 2}}],
    ['replaces lists whole', {l: [1, 2, 3]}, {l: [4]}, {l: [1]}, {l: [4]}],
    ['treats null as removal', {a: 1, b: 2}, {b: null}, {}, {a: 1}],
  ])('%s', (_name, live, applied, last, expected) => {
    expect(threeWayMerge(live, applied, last)).toEqual(expected)
  })

  it('does not mutate its inputs', () => {
    const live = {m: {x: 1}}
    threeWayMerge(live, {m: {x: 2}}, {})
    expect(live).toEqual({m: {x: 1}})
  })
})
