import {describe, expect, it} from 'vitest'
import {parseSolutionLine, splitWords} from '../../../../src/core/lessons/command-line.js'

describe('splitWords', () => {
  it.each([
    ['tug run web --image=tugboat/demo:v1', ['tug', 'run', 'web', '--image=tugboat/demo:v1']],
    [`tug get pods -l 'env in (a,b)'`, ['tug', 'get', 'pods', '-l', 'env in (a,b)']],
    ['tug label pod web "note=say \\"hi\\""', ['tug', 'label', 'pod', 'web', 'note=say "hi"']],
    ["tug annotate pod web note=''", ['tug', 'annotate', 'pod', 'web', 'note=']],
  ])('splits %s', (line, words) => {
    expect(splitWords(line)).toEqual(words)
  })

  it('refuses shell syntax and unclosed quotes', () => {
    expect(() => splitWords('tug get pods > out')).toThrow('shell syntax (>)')
    expect(() => splitWords('tug get pods $(whoami)')).toThrow('shell syntax ($)')
    expect(() => splitWords("tug get 'pods")).toThrow("unclosed '")
  })
})

describe('parseSolutionLine', () => {
  it('finds topic commands by their longest name', () => {
    expect(parseSolutionLine('tug create deployment web --image=tugboat/demo:v1')).toEqual({
      command: 'create deployment',
      argv: ['web', '--image=tugboat/demo:v1'],
    })
    expect(parseSolutionLine('tug create -f web.yaml')).toEqual({command: 'create', argv: ['-f', 'web.yaml']})
  })

  it('refuses commands that never end', () => {
    expect(() => parseSolutionLine('tug get pods --watch')).toThrow('watches')
    expect(() => parseSolutionLine('tug logs web')).toThrow('which solutions may not use')
  })
})
