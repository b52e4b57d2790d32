import {describe, expect, it} from 'vitest'
import {MAX_OBJECT_BYTES, parseManifests} from '../../../../src/core/manifests/parse.js'

const parse = (text: string, source = 'f.yaml') => parseManifests([{source, text}])

describe('parseManifests', () => {
  it('splits multi-document YAML and remembers each document', () => {
    const docs = parse(
      'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\n---\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: b}\n',
    )
    expect(docs.map((d) => [d.object.metadata.name, d.document])).toEqual([
      ['a', 1],
      ['b', 3],
    ])
  })

  it('reads JSON', () => {
    expect(
      parse('{"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "x"}}', 'ns.json')[0]?.object
        .kind,
    ).toBe('Namespace')
  })

  it('expands kind: List', () => {
    const docs = parse(
      'apiVersion: v1\nkind: List\nitems:\n- {apiVersion: v1, kind: Pod, metadata: {name: a}}\n- {apiVersion: v1, kind: Pod, metadata: {name: b}}\n',
    )
    expect(docs.map((d) => d.object.metadata.name)).toEqual(['a', 'b'])
  })

  it.each([
    [
      'malformed YAML, with line and column',
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: [a\n',
      /^error parsing f\.yaml \(document 1\): line \d+, column \d+: /,
    ],
    [
      'a document without kind',
      'apiVersion: v1\nmetadata: {name: a}\n',
      /^error validating "f\.yaml" \(document 1\): error validating data: kind not set$/,
    ],
    ['a document without apiVersion', 'kind: Pod\nmetadata: {name: a}\n', /apiVersion not set$/],
    ['a scalar document', 'hello\n', /the document is not an object \(found string\)/],
    [
      'duplicate keys',
      'apiVersion: v1\nkind: Pod\nkind: Pod\n',
      /^error parsing f\.yaml \(document 1\): line 3, column 1: /,
    ],
  ])('refuses %s', (_name, text, message) => {
    expect(() => parse(text)).toThrow(message)
  })

  it('names the bad document of several', () => {
    expect(() =>
      parse('apiVersion: v1\nkind: Pod\nmetadata: {name: a}\n---\napiVersion: v1\nmetadata: {name: b}\n'),
    ).toThrow(/\(document 2\)/)
  })

  it('refuses an object over the API server request limit', () => {
    const huge = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  annotations:\n    big: "${'x'.repeat(MAX_OBJECT_BYTES)}"\n`
    expect(() => parse(huge)).toThrow(/Request entity too large: limit is 3145728 bytes/)
  })
})
