import {describe, expect, it} from 'vitest'

import {formatFieldError} from '../../../../src/core/api/field.js'
import {
  generateNameSuffix,
  isDNS1035Label,
  isDNS1123Label,
  isDNS1123Subdomain,
  isQualifiedName,
  isValidLabelValue,
  NAME_SUFFIX_ALPHABET,
  nameFromGenerateName,
  validateAnnotations,
  validateDNS1035Label,
  validateDNS1123Label,
  validateDNS1123Subdomain,
  validateGenerateName,
  validateLabelKey,
  validateLabels,
  validateLabelValue,
  validateName,
} from '../../../../src/core/api/names.js'

// Kubernetes v1.28's texts, including RegexError's double space before "or".
const SUBDOMAIN =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"
const LABEL =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"
const DNS1035 =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')"
const NAME_PART =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"
const LABEL_VALUE =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"

const render = (errors: Parameters<typeof formatFieldError>[0][]): string[] => errors.map(formatFieldError)

describe('DNS names', () => {
  it.each([
    ['web', []],
    ['web-1.example.com', []],
    ['a'.repeat(253), []],
    ['Web', [SUBDOMAIN]],
    ['web_1', [SUBDOMAIN]],
    ['-web', [SUBDOMAIN]],
    ['web.', [SUBDOMAIN]],
    ['', [SUBDOMAIN]],
    ['a'.repeat(254), ['must be no more than 253 characters']],
  ])('checks %j as a DNS-1123 subdomain', (value, expected) => {
    expect(isDNS1123Subdomain(value)).toEqual(expected)
  })

  it.each([
    ['default', []],
    ['123-abc', []],
    ['a.b', [LABEL]],
    ['kube_system', [LABEL]],
    ['a'.repeat(64), ['must be no more than 63 characters']],
    ['A'.repeat(64), ['must be no more than 63 characters', LABEL]],
  ])('checks %j as a DNS-1123 label', (value, expected) => {
    expect(isDNS1123Label(value)).toEqual(expected)
  })

  it.each([
    ['web', []],
    ['web-2', []],
    ['2web', [DNS1035]],
    ['web.svc', [DNS1035]],
    ['a'.repeat(64), ['must be no more than 63 characters']],
  ])('checks %j as a DNS-1035 label', (value, expected) => {
    expect(isDNS1035Label(value)).toEqual(expected)
  })

  it('reports each broken rule as its own Invalid value at the given path', () => {
    expect(render(validateDNS1123Subdomain('Web', 'metadata.name'))).toEqual([
      `metadata.name: Invalid value: "Web": ${SUBDOMAIN}`,
    ])
    expect(render(validateDNS1123Label('A'.repeat(64), 'metadata.namespace'))).toHaveLength(2)
    expect(render(validateDNS1035Label('1web', 'metadata.name'))).toEqual([
      `metadata.name: Invalid value: "1web": ${DNS1035}`,
    ])
  })

  it('counts length in UTF-8 bytes, as Go does', () => {
    expect(isDNS1123Label('é'.repeat(32))).toEqual(['must be no more than 63 characters', LABEL])
  })
})

describe('label keys and values', () => {
  it.each([
    ['app', []],
    ['app.kubernetes.io/name', []],
    ['My_Key.1', []],
    ['-ltier', [NAME_PART]],
    ['/b', ['prefix part must be non-empty']],
    ['a/', ['name part must be non-empty', NAME_PART]],
    ['Example.com/app', [`prefix part ${SUBDOMAIN}`]],
    ['a'.repeat(64), ['name part must be no more than 63 characters']],
    [
      'a/b/c',
      [
        "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
      ],
    ],
  ])('checks label key %j', (key, expected) => {
    expect(isQualifiedName(key)).toEqual(expected)
  })

  it.each([
    ['', []],
    ['web', []],
    ['v1.2_rc-3', []],
    ['we$b', [LABEL_VALUE]],
    ['-web', [LABEL_VALUE]],
    ['a'.repeat(64), ['must be no more than 63 characters']],
  ])('checks label value %j', (value, expected) => {
    expect(isValidLabelValue(value)).toEqual(expected)
  })

  it('reports label keys and values at the field path given', () => {
    expect(render(validateLabelKey('-x', 'spec.selector.matchExpressions[0].key'))).toEqual([
      `spec.selector.matchExpressions[0].key: Invalid value: "-x": ${NAME_PART}`,
    ])
    expect(render(validateLabelValue('we$b', 'spec.selector.matchExpressions[0].values[1]'))).toEqual([
      `spec.selector.matchExpressions[0].values[1]: Invalid value: "we$b": ${LABEL_VALUE}`,
    ])
  })

  it('reports bad keys and bad values of a label map at the map path', () => {
    expect(render(validateLabels({app: 'web', '-x': 'ok', tier: 'we$b'}, 'metadata.labels'))).toEqual([
      `metadata.labels: Invalid value: "-x": ${NAME_PART}`,
      `metadata.labels: Invalid value: "we$b": ${LABEL_VALUE}`,
    ])
  })

  it('accepts missing and empty label maps', () => {
    expect(validateLabels(undefined, 'metadata.labels')).toEqual([])
    expect(validateLabels({}, 'metadata.labels')).toEqual([])
  })
})

describe('annotations', () => {
  it('ignores case in annotation keys but reports the key as written', () => {
    expect(validateAnnotations({'Example.COM/Owner': 'Ada Lovelace!'}, 'metadata.annotations')).toEqual([])
    expect(render(validateAnnotations({'bad key': 'x'}, 'metadata.annotations'))).toEqual([
      `metadata.annotations: Invalid value: "bad key": ${NAME_PART}`,
    ])
  })

  it('allows 256 KiB of keys and values in total and refuses one byte more', () => {
    const atLimit = {a: 'x'.repeat(256 * 1024 - 1)}
    const overLimit = {a: 'x'.repeat(256 * 1024)}
    expect(validateAnnotations(atLimit, 'metadata.annotations')).toEqual([])
    expect(render(validateAnnotations(overLimit, 'metadata.annotations'))).toEqual([
      'metadata.annotations: Too long: may not be longer than 262144',
    ])
  })
})

describe('object names', () => {
  it('requires a name once generateName has been applied', () => {
    expect(render(validateName(undefined, 'subdomain', 'metadata.name'))).toEqual([
      'metadata.name: Required value: name or generateName is required',
    ])
    expect(render(validateName('', 'label', 'metadata.name'))).toHaveLength(1)
  })

  it.each([
    ['web.v2', 'subdomain', []],
    ['web.v2', 'label', [`metadata.name: Invalid value: "web.v2": ${LABEL}`]],
    ['2web', 'label', []],
    ['2web', 'dns1035', [`metadata.name: Invalid value: "2web": ${DNS1035}`]],
  ] as const)('checks name %j by the %s rule', (name, rule, expected) => {
    expect(render(validateName(name, rule, 'metadata.name'))).toEqual(expected)
  })

  it('allows a trailing dash in generateName and reports the prefix as written', () => {
    expect(validateGenerateName('web-', 'subdomain', 'metadata.generateName')).toEqual([])
    expect(validateGenerateName(undefined, 'subdomain', 'metadata.generateName')).toEqual([])
    expect(render(validateGenerateName('Web-', 'subdomain', 'metadata.generateName'))).toEqual([
      `metadata.generateName: Invalid value: "Web-": ${SUBDOMAIN}`,
    ])
  })
})

describe('generateName', () => {
  const sequence = (...values: number[]): (() => number) => {
    let i = 0
    return () => values[i++ % values.length]!
  }

  it('picks five characters from the vowel-free alphabet', () => {
    expect(generateNameSuffix(sequence(0, 0.5, 0.9999, 0.04, 0.3))).toBe('br9cl')
    expect(generateNameSuffix(() => 0.99999999)).toBe('99999')
  })

  it('never leaves the alphabet, even with an out-of-range random source', () => {
    for (const value of [-0.5, 1, 1.5]) {
      expect([...generateNameSuffix(() => value)].every((ch) => NAME_SUFFIX_ALPHABET.includes(ch))).toBe(true)
    }
  })

  it('appends the suffix to the base', () => {
    expect(nameFromGenerateName('web-', () => 0)).toBe('web-bbbbb')
  })

  it('cuts a long base to 58 characters so the name fits 63', () => {
    const name = nameFromGenerateName('a'.repeat(70), () => 0)
    expect(name).toBe(`${'a'.repeat(58)}bbbbb`)
    expect(isDNS1123Label(name)).toEqual([])
  })
})
