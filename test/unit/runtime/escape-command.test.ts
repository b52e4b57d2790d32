import {describe, expect, it} from 'vitest'
import {escapeArgument, escapeCommand} from '../../../src/runtime/escape-command.js'

describe('escapeCommand', () => {
  it.each([
    ['--name=web-1', '--name=web-1'],
    ['tugboat/demo:v1', 'tugboat/demo:v1'],
    ['two words', "'two words'"],
    ["it's", "'it'\\''s'"],
    ['$(id)', "'$(id)'"],
    ['{{json .}}', "'{{json .}}'"],
    ['', "''"],
    ['a\nb', "$'a\\nb'"],
    ["tab\there's", "$'tab\\there\\'s'"],
    ['bell\u0007', "$'bell\\x07'"],
  ])('shows %j as %s', (argument, shown) => {
    expect(escapeArgument(argument)).toBe(shown)
  })

  it('joins the program and its escaped arguments', () => {
    expect(escapeCommand('docker', ['run', '--env=A=x y', '--', 'tugboat/demo:v1'])).toBe(
      "docker run '--env=A=x y' -- tugboat/demo:v1",
    )
  })
})
