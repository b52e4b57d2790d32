import {describe, expect, it} from 'vitest'
import {indent, wrapString} from '../../../../../src/core/api/schema/word-wrap.js'

describe('wrapString', () => {
  it.each([
    {name: 'breaks between words that overflow', text: 'foo bar baz', limit: 4, wrapped: 'foo\nbar\nbaz'},
    {name: 'keeps a line that fits exactly', text: 'foo bar', limit: 7, wrapped: 'foo bar'},
    {name: 'never splits a word longer than the limit', text: 'foobarbaz', limit: 4, wrapped: 'foobarbaz'},
    {
      name: 'puts a long URL on a line of its own',
      text: 'More info: https://example.com/a/long/path',
      limit: 10,
      wrapped: 'More info:\nhttps://example.com/a/long/path',
    },
    {
      name: 'keeps existing newlines and restarts the count after them',
      text: 'Deployment.\nDeploymentSpec is',
      limit: 14,
      wrapped: 'Deployment.\nDeploymentSpec\nis',
    },
    {name: 'keeps blank lines', text: 'a\n\nb', limit: 5, wrapped: 'a\n\nb'},
    {name: 'drops spaces before a newline when they overflow', text: 'ab  \ncd', limit: 3, wrapped: 'ab\ncd'},
    {name: 'keeps spaces before a newline when they fit', text: 'ab \ncd', limit: 3, wrapped: 'ab \ncd'},
    {
      name: 'keeps the spaces that lead a line',
      text: ' - `"Always"` means',
      limit: 80,
      wrapped: ' - `"Always"` means',
    },
    {
      name: 'treats a non-breaking space as part of a word',
      text: 'foo\u00a0bar',
      limit: 4,
      wrapped: 'foo\u00a0bar',
    },
    {name: 'counts characters, not bytes', text: 'éé é', limit: 4, wrapped: 'éé é'},
  ])('$name', ({text, limit, wrapped}) => {
    expect(wrapString(text, limit)).toBe(wrapped)
  })
})

describe('indent', () => {
  it.each([
    {text: 'a\nb', amount: 2, indented: '  a\n  b'},
    {text: 'a\n\nb', amount: 4, indented: '    a\n    \n    b'},
    {text: 'a\n', amount: 4, indented: '    a\n    '},
  ])('pads every line of $text, empty ones included', ({text, amount, indented}) => {
    expect(indent(amount, text)).toBe(indented)
  })
})
