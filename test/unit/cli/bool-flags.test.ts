import {describe, expect, it} from 'vitest'
import {normalizeBooleanFlags} from '../../../src/cli/bool-flags.js'

describe('normalizeBooleanFlags', () => {
  const watch = [{name: 'watch', char: 'w'}]
  it.each([
    [
      ['deploy/web', '--watch=false'],
      ['deploy/web', '--no-watch'],
    ],
    [
      ['--watch=true', 'deploy/web'],
      ['--watch', 'deploy/web'],
    ],
    [['-w=False'], ['--no-watch']],
    [
      ['--watch', '--timeout=5s'],
      ['--watch', '--timeout=5s'],
    ],
    [['--watch=maybe'], ['--watch=maybe']],
    [
      ['--', '--watch=false'],
      ['--', '--watch=false'],
    ],
  ])('%j becomes %j', (argv, expected) => {
    expect(normalizeBooleanFlags(argv, watch)).toEqual(expected)
  })
})
